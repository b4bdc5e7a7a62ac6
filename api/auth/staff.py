"""Staff accounts: clinic staff now (role "clinic"), insurance-agency officers later
("officer"). A staff member is an insured person with their own citizen login; the staff
account is a second, separate login: its own code, phone, devices, sessions and passkeys.

- **Staff code** (what staff type to log in): the facility code, "-" and two digits,
  numbered per facility from 01 ("01H01-01" is the first account at Bạch Mai, 01H01).
  Officers, who belong to no facility, get "CB-" and the digits. Case-insensitive when typed.
- **Desk devices**: a staff account may be bound to up to `DESK_DEVICES` devices at once:
  reception desks have a PC, a tablet for the queue and a spare for when one breaks, and a
  clinic must not stop checking cards because one is being replaced. Binding one more signs
  out the least recently seen one and tells the staff phone by SMS. Citizen logins keep one
  device (the database index `one_active_device_per_person` covers citizen devices only).
- **Roles**: a session's role is its staff account's `role`, or "citizen" when the session
  has no `staff_id` (`role_of`).
- Revoking an account revokes its devices, sessions and passkeys at once.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import NamedTuple

from sqlalchemy import Row, bindparam, update
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from api.auth import events
from api.auth.device_keys import thumbprint
from api.auth.models import STAFF_ROLES, Device, StaffAccount, WebSession
from api.auth.secrets import digest
from api.auth.sms import SmsGateway, SmsGatewayError
from api.clock import utcnow
from api.domain.models import Facility, Person, Province
from api.services.errors import UserError
from locales import tr

log = logging.getLogger(__name__)

DESK_DEVICES = 3
CITIZEN = "citizen"
OFFICER_PREFIX = "CB"
STAFF_CODE = re.compile(r"^([0-9A-Z]{2,5})-(\d{2})$")
PHONE = re.compile(r"^0\d{9}$")


def parse_staff_code(typed: str) -> str:
    """The staff code in its stored form ("01h01-01 " -> "01H01-01"), or UserError."""
    value = (typed or "").strip().upper().replace(" ", "")
    if not value:
        raise UserError("staff_empty")
    if not STAFF_CODE.match(value):
        raise UserError("staff_format")
    return value


def normal_phone(typed: str) -> str:
    """A Vietnamese mobile number as stored ("+84 912 000 101" -> "0912000101"), or
    UserError("staff_phone")."""
    digits = re.sub(r"[\s.()-]", "", typed or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if not PHONE.match(digits):
        raise UserError("staff_phone")
    return digits


def role_of(session: Session, row: WebSession | Device) -> str:
    """The role of a session or device: its staff account's role, else "citizen"."""
    if row.staff_id is None:
        return CITIZEN
    account = session.get(StaffAccount, row.staff_id)
    return account.role if account is not None else ""


def with_device(*columns: object) -> Select:
    """A session row found by its token digest (bind parameter "digest"), with its device
    and staff account."""
    return (select(*columns).select_from(WebSession)
            .outerjoin(Device, col(Device.id) == col(WebSession.device_id))
            .outerjoin(StaffAccount, col(StaffAccount.id) == col(WebSession.staff_id))
            .where(col(WebSession.digest) == bindparam("digest")))


# Built once: making a statement costs more CPU than PostgreSQL spends answering it. The
# second reads plain columns: loading ORM objects costs a no-change pull more Python time
# than all the rest of its database work, and a read needs only these.
_SESSION_WITH_DEVICE = with_device(WebSession, Device, StaffAccount.role)
# What proving a request reads of its session, device and staff account (also the no-change
# pull's one statement, api/http/quick_pulls.py).
SESSION_COLUMNS = (
    WebSession.__table__.c.id, WebSession.__table__.c.person_id,
    WebSession.__table__.c.staff_id, WebSession.__table__.c.expires_at,
    WebSession.__table__.c.revoked_at, WebSession.__table__.c.revoked_reason,
    Device.__table__.c.id.label("device_id"), Device.__table__.c.public_jwk,
    Device.__table__.c.revoked_at.label("device_revoked_at"), StaffAccount.__table__.c.role)
_SESSION_COLUMNS = with_device(*SESSION_COLUMNS)


class DeviceKey(NamedTuple):
    """What proving a request needs of a device: the columns `_SESSION_COLUMNS` reads."""

    id: int
    public_jwk: str
    revoked_at: dt.datetime | None


def session_with_device(session: Session, token: str | None, objects: bool = True
                        ) -> tuple[WebSession | Row | None, Device | DeviceKey | None, str]:
    """The session row behind a cookie token (live or not), its device and its role, in
    one query: every device-proven request starts here, so it costs one round trip, not
    three (session, device, staff account). The role is `role_of`'s. `objects`: ORM
    objects, else a plain row with the session's columns and a DeviceKey."""
    if not token:
        return None, None, ""
    params = {"digest": digest("session", token)}
    if objects:
        found = session.exec(_SESSION_WITH_DEVICE, params=params).first()
        if found is None:
            return None, None, ""
        row, device, role = found
    else:
        row = session.connection().execute(_SESSION_COLUMNS, params).first()
        if row is None:
            return None, None, ""
        role = row.role
        device = None if row.device_id is None else \
            DeviceKey(row.device_id, row.public_jwk, row.device_revoked_at)
    return row, device, CITIZEN if row.staff_id is None else (role or "")


def find_for_login(session: Session, typed: str) -> tuple[StaffAccount, Person]:
    """The live staff account behind a typed staff code, and its person."""
    code = parse_staff_code(typed)
    account = session.exec(select(StaffAccount).where(StaffAccount.staff_code == code)).first()
    if account is None or account.revoked_at is not None:
        raise UserError("unknown_staff", status=404)
    return account, session.get(Person, account.person_id)


def next_code(session: Session, prefix: str) -> str:
    """The next free staff code for a facility code (or the officers' prefix)."""
    taken = session.exec(select(StaffAccount.staff_code).where(
        col(StaffAccount.staff_code).startswith(prefix + "-"))).all()
    numbers = [int(code[-2:]) for code in taken if STAFF_CODE.match(code)]
    number = max(numbers, default=0) + 1
    if number > 99:
        raise UserError("staff_full")
    return f"{prefix}-{number:02d}"


def add(session: Session, person_code: str, facility_code: str | None, full_name: str,
        phone: str, role: str = "clinic", province_code: str | None = None) -> StaffAccount:
    """Create a staff account (commits). Clinic staff need a facility; officers have none
    but need a current province (the cases they handle)."""
    if role not in STAFF_ROLES:
        raise UserError("staff_role")
    person = session.exec(select(Person).where(Person.code == (person_code or "").strip())
                          ).first()
    if person is None:
        raise UserError("unknown_person", status=404)
    facility = None
    if facility_code:
        facility = session.exec(select(Facility).where(
            Facility.code == facility_code.strip().upper())).first()
        if facility is None:
            raise UserError("unknown_facility", status=404)
    if role == "clinic" and facility is None:
        raise UserError("staff_facility")
    province = None
    if role == "officer":
        province = session.get(Province, (province_code or "").strip())
        if province is None or province.successor_code:
            raise UserError("staff_province")
    name = " ".join((full_name or "").split())
    if not name or len(name) > 80:
        raise UserError("staff_name")
    account = StaffAccount(
        staff_code=next_code(session, facility.code if facility else OFFICER_PREFIX),
        person_id=person.id, role=role, facility_id=facility.id if facility else None,
        province_code=province.code if province else None, full_name=name,
        phone=normal_phone(phone), created_at=utcnow())
    session.add(account)
    session.commit()
    return account


def revoke(session: Session, staff_code: str) -> StaffAccount:
    """Close a staff account with its devices, sessions and passkeys (commits)."""
    from api.auth.device_binding import revoke_device

    code = parse_staff_code(staff_code)
    account = session.exec(select(StaffAccount).where(StaffAccount.staff_code == code)).first()
    if account is None:
        raise UserError("unknown_staff", status=404)
    if account.revoked_at is None:
        account.revoked_at = utcnow()
        session.add(account)
    for device in desk_devices(session, account.id):
        revoke_device(session, device, "signed_out")
    session.execute(update(WebSession).where(col(WebSession.staff_id) == account.id,
                                             col(WebSession.revoked_at).is_(None))
                    .values(revoked_at=utcnow(), revoked_reason="signed_out"))
    session.commit()
    return account


def desk_devices(session: Session, staff_id: int) -> list[Device]:
    """The account's active devices, least recently seen first."""
    return list(session.exec(select(Device).where(
        Device.staff_id == staff_id, col(Device.revoked_at).is_(None))
        .order_by(col(Device.last_seen), col(Device.id))).all())


def bind_desk(session: Session, account: StaffAccount, jwk: dict[str, str], name: str,
              client: str, sms: SmsGateway, lang: str) -> Device:
    """Bind the device holding `jwk` as one of the account's desk devices (after a verified
    code); past DESK_DEVICES, the least recently seen one is signed out and the staff phone
    is told. Commits."""
    from api.auth.device_binding import revoke_device

    # One binding per account at a time (PostgreSQL row lock; SQLite serialises writers).
    session.exec(select(StaffAccount.id).where(StaffAccount.id == account.id)
                 .with_for_update()).first()
    now = utcnow()
    thumb = thumbprint(jwk)
    active = desk_devices(session, account.id)
    for device in active:
        if device.key_thumbprint == thumb:
            device.last_seen, device.name = now, name or device.name
            session.add(device)
            session.commit()
            return device
    dropped = active[: max(0, len(active) - DESK_DEVICES + 1)]
    for old in dropped:
        revoke_device(session, old, "moved")
        events.record(session, account.person_id, "device_moved_away", old.name, client,
                      staff_id=account.id)
    device = Device(person_id=account.person_id, staff_id=account.id, key_thumbprint=thumb,
                    public_jwk=json.dumps(jwk), name=name or "?", bound_at=now, last_seen=now)
    session.add(device)
    session.flush()
    events.record(session, account.person_id, "device_bound", device.name, client,
                  staff_id=account.id)
    if dropped:  # one SMS, however many desk devices were signed out
        try:
            # One SMS segment in every language (tests/unit/test_sms_length.py): no device
            # names ("·" makes them UCS-2) and no date (sent at once); the event list has them.
            sms.send(session, account.phone, account.staff_code, tr(
                lang, "BHXH clinic: staff account {staff} was just bound to a new desk device; "
                      "the least recently used one is signed out. Not you? Call 1900 9068.",
                staff=account.staff_code))
        except SmsGatewayError:
            log.warning("desk notice for %s not sent", account.staff_code, exc_info=True)
    session.commit()
    return device


def listing(session: Session) -> list[tuple[StaffAccount, Person, Facility | None, int]]:
    """Every staff account with its person, facility and number of active desk devices."""
    rows = session.exec(select(StaffAccount).order_by(col(StaffAccount.staff_code))).all()
    return [(row, session.get(Person, row.person_id),
             session.get(Facility, row.facility_id) if row.facility_id else None,
             len(desk_devices(session, row.id))) for row in rows]
