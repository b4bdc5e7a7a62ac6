"""Login by code + SMS one-time code: the steps both the pages and the API call."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from api.auth import otp, sessions
from api.auth.sms import SmsGatewayError, gateway
from api.domain.codes import IdentifierError, mask_phone, parse_identifier
from api.domain.models import Person
from api.services.errors import UserError


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


@dataclass(frozen=True)
class CodeSent:
    """What the login screen tells the user after sending a code."""

    masked_phone: str
    resend_after: int


def request_code(session: Session, typed: str, lang: str) -> CodeSent:
    """Send a login code to the registered phone of the person behind `typed`."""
    person = find_person(session, typed)
    try:
        sent = otp.issue(session, person, gateway(), person.lang or lang)
    except otp.OtpError as exc:
        raise UserError(exc.reason, status=429, seconds=exc.retry_after) from exc
    except SmsGatewayError as exc:
        raise UserError("sms_failed", status=502) from exc
    session.commit()
    return CodeSent(mask_phone(person.phone), sent.resend_after)


def confirm_code(session: Session, typed: str, code: str) -> str:
    """Check the code; on success return a single-use login ticket."""
    person = find_person(session, typed)
    try:
        otp.verify(session, person, code)
    except otp.OtpError as exc:
        status = 429 if exc.reason == "otp_locked" else 400
        raise UserError(exc.reason, status=status, tries=exc.tries_left) from exc
    ticket = sessions.issue_ticket(session, person.id)
    session.commit()
    return ticket
