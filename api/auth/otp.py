"""One-time codes sent by SMS, with the rules of NIST SP 800-63B for out-of-band codes.

Rules (all enforced here, nowhere else):
- 6 digits from a fresh random secret per challenge (pyotp); only an HMAC digest is stored.
- Valid for 5 minutes, accepted once.
- At most 5 wrong tries per code; then the code is dead and a new one must be requested.
- A new code at most once a minute, and at most 10 a day per person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pyotp
from sqlmodel import Session, col, func, select

from api.auth.models import OtpChallenge, StaffAccount
from api.auth.secrets import digest, same
from api.auth.sms import SmsGateway
from api.clock import utcnow
from api.domain.models import Person
from locales import tr

LIFETIME = dt.timedelta(minutes=5)
MAX_ATTEMPTS = 5
RESEND_AFTER = dt.timedelta(seconds=60)
DAILY_CAP = 10


class OtpError(Exception):
    """A refused OTP request or check: a stable `reason`, seconds to wait, tries left."""

    def __init__(self, reason: str, retry_after: int = 0, tries_left: int = 0) -> None:
        super().__init__(reason)
        self.reason, self.retry_after, self.tries_left = reason, retry_after, tries_left


@dataclass(frozen=True)
class OtpSent:
    """Where the code went and when another may be asked for."""

    challenge_id: int
    resend_after: int



def _login(staff: StaffAccount | None):
    """The challenges of one login: the person's citizen login, or one staff account's."""
    column = col(OtpChallenge.staff_id)
    return column.is_(None) if staff is None else column == staff.id


def _latest(session: Session, person_id: int,
            staff: StaffAccount | None = None) -> OtpChallenge | None:
    return session.exec(
        select(OtpChallenge).where(OtpChallenge.person_id == person_id, _login(staff))
        .order_by(col(OtpChallenge.id).desc()).limit(1)
    ).first()


def issue(session: Session, person: Person, sms: SmsGateway, lang: str,
          staff: StaffAccount | None = None, to_phone: str | None = None) -> OtpSent:
    """Create a challenge and send its code, unless the resend limits say no. With `staff`,
    for that staff login: the code goes to the staff phone, and the limits count apart.
    With `to_phone`, a registration proves that phone (api/services/registrations.py): the
    person has no account yet, so their citizen challenges and limits are free for it."""
    now = utcnow()
    latest = _latest(session, person.id, staff)
    if latest is not None and now - latest.created_at < RESEND_AFTER:
        wait = RESEND_AFTER - (now - latest.created_at)
        raise OtpError("resend_too_soon", retry_after=max(1, int(wait.total_seconds()) + 1))
    sent_today = session.exec(
        select(func.count()).select_from(OtpChallenge).where(
            OtpChallenge.person_id == person.id, _login(staff),
            OtpChallenge.created_at > now - dt.timedelta(days=1))
    ).one()
    if sent_today >= DAILY_CAP:
        raise OtpError("daily_cap", retry_after=24 * 3600)
    code = pyotp.TOTP(pyotp.random_base32(), digits=6).now()
    challenge = OtpChallenge(person_id=person.id, code_digest="", created_at=now,
                             expires_at=now + LIFETIME,
                             staff_id=staff.id if staff is not None else None)
    session.add(challenge)
    session.flush()
    challenge.code_digest = digest(f"otp:{challenge.id}", code)
    if to_phone is not None:
        body = tr(lang, "BHXH wallet: your registration code is {code}. It expires in 5 "
                        "minutes. Never tell it to anyone, including staff.", code=code)
        sms.send(session, to_phone, person.code, body)
        return OtpSent(challenge.id, int(RESEND_AFTER.total_seconds()))
    body = tr(lang, "BHXH wallet: your login code is {code}. It expires in 5 minutes. "
                    "Never tell it to anyone, including staff.", code=code)
    if staff is None:
        sms.send(session, person.phone, person.code, body)
    else:
        sms.send(session, staff.phone, staff.staff_code, body)
    return OtpSent(challenge.id, int(RESEND_AFTER.total_seconds()))


def verify(session: Session, person: Person, code: str,
           staff: StaffAccount | None = None) -> None:
    """Accept `code` for the latest challenge of the person's login (citizen, or `staff`)
    once, or raise OtpError."""
    code = (code or "").strip()
    if not (len(code) == 6 and code.isdigit()):
        raise OtpError("otp_format")
    challenge = _latest(session, person.id, staff)
    now = utcnow()
    if challenge is None:
        raise OtpError("otp_none")
    if challenge.used_at is not None:
        raise OtpError("otp_used")
    if challenge.attempts >= MAX_ATTEMPTS:
        raise OtpError("otp_locked", retry_after=_resend_wait(challenge, now))
    if now > challenge.expires_at:
        raise OtpError("otp_expired")
    # Count the try before comparing, in the same transaction as the check.
    challenge.attempts += 1
    if not same(challenge.code_digest, digest(f"otp:{challenge.id}", code)):
        session.add(challenge)
        session.commit()
        if challenge.attempts >= MAX_ATTEMPTS:
            raise OtpError("otp_locked", retry_after=_resend_wait(challenge, now))
        raise OtpError("otp_wrong", tries_left=MAX_ATTEMPTS - challenge.attempts)
    # Consume once: a concurrent second verify of the same code updates no row.
    updated = session.connection().execute(
        OtpChallenge.__table__.update()
        .where(OtpChallenge.id == challenge.id, OtpChallenge.used_at.is_(None))
        .values(used_at=now, attempts=challenge.attempts)
    ).rowcount
    if updated != 1:
        raise OtpError("otp_used")


def _resend_wait(challenge: OtpChallenge, now: dt.datetime) -> int:
    return max(0, int((challenge.created_at + RESEND_AFTER - now).total_seconds()))
