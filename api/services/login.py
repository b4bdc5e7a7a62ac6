"""Login: code + SMS one-time code (binds this device), the steps both the pages and the
API call. Passkey login is in api/auth/passkeys.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from api.auth import device_binding, events, otp, sessions, staff, throttle
from api.auth.device_keys import DeviceKeyError, parse_jwk
from api.auth.models import StaffAccount
from api.auth.sms import SmsGatewayError, gateway
from api.domain.codes import IdentifierError, mask_phone, parse_identifier
from api.domain.models import Person
from api.services import language
from api.services.errors import UserError

HOUR = dt.timedelta(hours=1)
# Where each role lands after logging in (pwa/pages/clinic.py, pwa/pages/officer.py).
CLINIC_HOME = "/clinic"
OFFICER_HOME = "/officer"
HOMES = {staff.CITIZEN: "/", "clinic": CLINIC_HOME, "officer": OFFICER_HOME}


def home_of(role: str) -> str:
    """The page a session of this role opens after login."""
    return HOMES.get(role, "/")


def find_login(session: Session, typed: str, as_staff: bool
               ) -> tuple[Person, StaffAccount | None]:
    """The person behind a typed code, or with `as_staff` the staff account behind a typed
    staff code and its person."""
    if as_staff:
        account, person = staff.find_for_login(session, typed)
        return person, account
    person = find_person(session, typed)
    if not person.registered:
        # A code without an account: the person registers first (/register) and an officer
        # approves it (api/services/registrations.py).
        raise UserError("not_registered", status=403)
    return person, None


def find_person(session: Session, typed: str) -> Person:
    """The person behind a typed code, legacy card number or personal ID number."""
    try:
        ident = parse_identifier(typed)
    except IdentifierError as exc:
        raise UserError(str(exc)) from exc
    column = Person.citizen_id if ident.kind == "citizen_id" else Person.code
    person = session.exec(select(Person).where(column == ident.value)).first()
    if person is None:
        raise UserError("unknown_person", status=404)
    return person


def device_key(value: str | dict | None) -> dict[str, str]:
    """The browser's public device key, or a message saying what to do."""
    try:
        return parse_jwk(value)
    except DeviceKeyError as exc:
        raise UserError("device_key") from exc


@dataclass(frozen=True)
class CodeSent:
    """What the login screen tells the user after sending a code."""

    masked_phone: str
    resend_after: int


def request_code(session: Session, typed: str, lang: str, jwk: dict[str, str],
                 confirm_move: bool = False, client: str = "",
                 as_staff: bool = False) -> CodeSent:
    """Send a login code to the registered phone of the person behind `typed` (with
    `as_staff`: to the staff phone of the staff account behind the typed staff code; a staff
    account has several desk devices, so no move warning).

    If the account is bound to another device, refuses with "device_in_use" until the user
    confirms the move. The warning names no device and no date: whoever types a code has
    not proven anything yet (the owner sees the device under "Devices and security").
    Callers first wait out `throttle.wait_for_address(session, "send", client)`.
    """
    person, account = find_login(session, typed, as_staff)
    other = None if account else device_binding.other_active_device(session, person.id, jwk)
    if other is not None and not confirm_move:
        throttle.count_address(session, "send", client)
        session.commit()
        raise UserError("device_in_use", status=409)
    sent = send_otp(session, person, person.lang or lang, client, staff=account)
    return CodeSent(mask_phone(account.phone if account else person.phone), sent.resend_after)


def send_otp(session: Session, person: Person, lang: str, client: str,
             staff: StaffAccount | None = None, to_phone: str | None = None) -> otp.OtpSent:
    """Issue and send a one-time code (api/auth/otp.issue: a login's, a staff login's or a
    registration's to `to_phone`), count the sending against the address, and commit: the
    resend limits answer 429 with the wait, a failing SMS gateway 502 with nothing kept."""
    try:
        sent = otp.issue(session, person, gateway(), lang, staff, to_phone=to_phone)
    except otp.OtpError as exc:
        raise UserError(exc.reason, status=429, seconds=exc.retry_after) from exc
    except SmsGatewayError as exc:
        session.rollback()
        raise UserError("sms_failed", status=502) from exc
    throttle.count_address(session, "send", client)
    session.commit()
    return sent


def confirm_code(session: Session, typed: str, code: str, jwk: dict[str, str],
                 device_name: str, client: str = "", lang: str | None = None,
                 as_staff: bool = False) -> str:
    """Check the code, bind this device (signing out any other; for a staff login, one of
    its desk devices, see api/auth/staff.py) and return a single-use login ticket. `lang`,
    the language this phone shows, becomes the account's.
    Callers first wait out `throttle.wait_for_address(session, "verify", client)`; the address never
    refuses a correct code."""
    person, account = find_login(session, typed, as_staff)
    staff_id = account.id if account else None
    try:
        otp.verify(session, person, code, account)
    except otp.OtpError as exc:
        if exc.reason in ("otp_wrong", "otp_locked"):
            throttle.count_address(session, "verify", client)
            events.record(session, person.id, "otp_failed" if exc.reason == "otp_wrong"
                          else "otp_locked", device_name, client, staff_id=staff_id)
            session.commit()
        status = 429 if exc.reason == "otp_locked" else 400
        raise UserError(exc.reason, status=status, tries=exc.tries_left) from exc
    session.commit()
    if lang and account is None:  # a desk's language is not the person's own
        language.remember(session, person.id, lang)
    if account is not None:
        device = staff.bind_desk(session, account, jwk, device_name, client, gateway(),
                                 person.lang)
    else:
        device = device_binding.bind(session, person, jwk, device_name, client, gateway(),
                                     person.lang)
    events.record(session, person.id, "login_otp", device.name, client, staff_id=staff_id)
    ticket = sessions.issue_ticket(session, person.id, device.id, staff_id)
    session.commit()
    return ticket


def session_for_passkey(session: Session, person_id: int, device_id: int,
                        lang: str | None = None, staff_id: int | None = None) -> str:
    """A session token after a verified passkey login (caller sets the cookie); `lang`, the
    language this phone shows, becomes the account's; `staff_id`, the device's staff login."""
    if lang and staff_id is None:
        language.remember(session, person_id, lang)
    token = sessions.open_session(session, person_id, device_id, staff_id)
    session.commit()
    return token
