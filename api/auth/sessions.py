"""Login tickets and browser sessions.

A verified OTP yields a one-minute, single-use ticket; the browser exchanges it at
`/api/auth/session`, which sets the session cookie (HttpOnly, SameSite=Strict, Secure over
HTTPS). The cookie holds a random token; the table holds only its HMAC digest.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from api.auth.models import LoginTicket, WebSession
from api.auth.secrets import digest, new_token
from api.clock import utcnow
from api.config import settings

COOKIE = "wallet_session"
TICKET_LIFETIME = dt.timedelta(minutes=1)



def issue_ticket(session: Session, person_id: int, device_id: int,
                 staff_id: int | None = None) -> str:
    """A single-use ticket for the person (or their staff login) on this device, valid one
    minute."""
    ticket = new_token()
    session.add(LoginTicket(digest=digest("ticket", ticket), person_id=person_id,
                            device_id=device_id, staff_id=staff_id,
                            expires_at=utcnow() + TICKET_LIFETIME))
    return ticket


def redeem_ticket(session: Session, ticket: str) -> str | None:
    """Consume the ticket once and open a session; returns the session token or None."""
    now = utcnow()
    row = session.exec(select(LoginTicket).where(
        LoginTicket.digest == digest("ticket", ticket or ""))).first()
    if row is None or row.expires_at < now or row.device_id is None:
        return None
    updated = session.connection().execute(
        LoginTicket.__table__.update()
        .where(LoginTicket.id == row.id, LoginTicket.used_at.is_(None))
        .values(used_at=now)
    ).rowcount
    if updated != 1:
        return None
    return open_session(session, row.person_id, row.device_id, row.staff_id)


def open_session(session: Session, person_id: int, device_id: int,
                 staff_id: int | None = None) -> str:
    """Create a session bound to a device and return its token (the cookie value); with
    `staff_id`, a session of that staff login (its role is the account's)."""
    token = new_token()
    now = utcnow()
    session.add(WebSession(digest=digest("session", token), person_id=person_id, created_at=now,
                           expires_at=now + dt.timedelta(days=settings().session_days),
                           last_seen=now, device_id=device_id, staff_id=staff_id))
    return token


def find(session: Session, token: str | None) -> WebSession | None:
    """The session row behind a token, live or not."""
    if not token:
        return None
    return session.exec(select(WebSession).where(
        WebSession.digest == digest("session", token))).first()


def status(row: WebSession | None) -> str:
    """"ok", "none" (no or expired session), or why it was revoked: "moved", "signed_out",
    "logout"."""
    if row is None or row.expires_at < utcnow():
        return "none"
    if row.revoked_at is not None:
        return row.revoked_reason or "logout"
    return "ok"


def live(session: Session, token: str | None) -> WebSession | None:
    """The session if it is live (touching last_seen at most every five minutes)."""
    row = find(session, token)
    if status(row) != "ok":
        return None
    now = utcnow()
    if now - row.last_seen > dt.timedelta(minutes=5):
        row.last_seen = now  # coarse, to keep page loads free of writes
        session.add(row)
    return row


def person_for_token(session: Session, token: str | None) -> int | None:
    """The person a live session token belongs to, or None."""
    row = live(session, token)
    return row.person_id if row else None


def revoke(session: Session, token: str | None, reason: str = "logout") -> None:
    """End the session behind the token (log out)."""
    row = find(session, token)
    if row is not None and row.revoked_at is None:
        row.revoked_at, row.revoked_reason = utcnow(), reason
        session.add(row)


def cookie_value(header: str, wanted: str) -> str | None:
    """One cookie's value from a raw Cookie header."""
    for part in (header or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == wanted and value:
            return value
    return None
