"""Provinces after 1 July 2025 (Resolution 202/2025/QH15): successor links, former
provinces of facilities and employers, search text and Vietnamese sort keys of directory
entries, real hospitals; existing rows are moved to the 34 provinces (api.seed.reform).

Plain ADD COLUMN only: on SQLite a batch rebuild would drop tables other rows point at.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 06:00:00
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

LISTED = ('facility', 'agency', 'employer', 'collectionagent')
WITH_FORMER = ('facility', 'employer')


def upgrade() -> None:
    op.add_column('province', sa.Column('successor_code',
                                        sqlmodel.sql.sqltypes.AutoString(length=2),
                                        nullable=True))
    for table in LISTED:
        op.add_column(table, sa.Column('search_text', sqlmodel.sql.sqltypes.AutoString(),
                                       nullable=False, server_default=''))
        op.add_column(table, sa.Column('sort_key', sa.LargeBinary(), nullable=True))
        if table in WITH_FORMER:
            op.add_column(table, sa.Column('former_province_code',
                                           sqlmodel.sql.sqltypes.AutoString(length=2),
                                           nullable=True))
        op.create_index(op.f(f'ix_{table}_sort_key'), table, ['sort_key'], unique=False)

    from api.seed import reform
    reform.apply(op.get_bind())


def downgrade() -> None:
    # Rows moved to the new provinces stay there; only the new columns go.
    for table in LISTED:
        op.drop_index(op.f(f'ix_{table}_sort_key'), table_name=table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table in WITH_FORMER:
                batch_op.drop_column('former_province_code')
            batch_op.drop_column('sort_key')
            batch_op.drop_column('search_text')
    with op.batch_alter_table('province', schema=None) as batch_op:
        batch_op.drop_column('successor_code')
