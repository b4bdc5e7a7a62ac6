"""Staff accounts (clinic staff now, officers later) with their own logins: staff_id on
OTP challenges, login tickets, sessions, devices and security events; the one-device index
covers citizen devices only.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 07:45:00.000000
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# Tables that gain staff_id, and whether the column is indexed.
TABLES = (('otpchallenge', True), ('loginticket', False), ('websession', True),
          ('device', True), ('securityevent', True))


def upgrade() -> None:
    op.create_table('staffaccount',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('facility_id', sa.Integer(), nullable=True),
    sa.Column('full_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('revoked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['facility_id'], ['facility.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('staffaccount', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staffaccount_facility_id'), ['facility_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staffaccount_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staffaccount_staff_code'), ['staff_code'], unique=True)

    for table, indexed in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table == 'device':
                batch_op.drop_index('one_active_device_per_person')
            batch_op.add_column(sa.Column('staff_id', sa.Integer(), nullable=True))
            batch_op.create_foreign_key(f'fk_{table}_staff_id', 'staffaccount', ['staff_id'], ['id'])
            if indexed:
                batch_op.create_index(batch_op.f(f'ix_{table}_staff_id'), ['staff_id'], unique=False)
            if table == 'device':
                where = sa.text('revoked_at IS NULL AND staff_id IS NULL')
                batch_op.create_index('one_active_device_per_person', ['person_id'], unique=True,
                                      sqlite_where=where, postgresql_where=where)


def downgrade() -> None:
    # Staff logins cannot exist without their accounts: forget them first.
    staff_devices = 'SELECT id FROM device WHERE staff_id IS NOT NULL'
    for table in ('securityevent', 'websession', 'loginticket', 'otpchallenge'):
        op.execute(sa.text(f'DELETE FROM {table} WHERE staff_id IS NOT NULL'))
    for table in ('passkey', 'webauthnchallenge'):
        op.execute(sa.text(f'DELETE FROM {table} WHERE device_id IN ({staff_devices})'))
    op.execute(sa.text('DELETE FROM device WHERE staff_id IS NOT NULL'))
    for table, indexed in TABLES[::-1]:
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table == 'device':
                batch_op.drop_index('one_active_device_per_person')
            if indexed:
                batch_op.drop_index(batch_op.f(f'ix_{table}_staff_id'))
            batch_op.drop_constraint(f'fk_{table}_staff_id', type_='foreignkey')
            batch_op.drop_column('staff_id')
            if table == 'device':
                where = sa.text('revoked_at IS NULL')
                batch_op.create_index('one_active_device_per_person', ['person_id'], unique=True,
                                      sqlite_where=where, postgresql_where=where)
    with op.batch_alter_table('staffaccount', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staffaccount_staff_code'))
        batch_op.drop_index(batch_op.f('ix_staffaccount_person_id'))
        batch_op.drop_index(batch_op.f('ix_staffaccount_facility_id'))
    op.drop_table('staffaccount')
