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



def issue_ticket(session: Session, person_id: int) -> str:
    """A single-use ticket for the person, valid one minute."""
    ticket = new_token()
    session.add(LoginTicket(digest=digest("ticket", ticket), person_id=person_id,
                            expires_at=utcnow() + TICKET_LIFETIME))
    return ticket


def redeem_ticket(session: Session, ticket: str) -> str | None:
    """Consume the ticket once and open a session; returns the session token or None."""
    now = utcnow()
    row = session.exec(select(LoginTicket).where(
        LoginTicket.digest == digest("ticket", ticket or ""))).first()
    if row is None or row.expires_at < now:
        return None
    updated = session.connection().execute(
        LoginTicket.__table__.update()
        .where(LoginTicket.id == row.id, LoginTicket.used_at.is_(None))
        .values(used_at=now)
    ).rowcount
    if updated != 1:
        return None
    return open_session(session, row.person_id)


def open_session(session: Session, person_id: int) -> str:
    """Create a session and return its token (the cookie value)."""
    token = new_token()
    now = utcnow()
    session.add(WebSession(digest=digest("session", token), person_id=person_id, created_at=now,
                           expires_at=now + dt.timedelta(days=settings().session_days),
                           last_seen=now))
    return token


def person_for_token(session: Session, token: str | None) -> int | None:
    """The person a live session token belongs to, or None."""
    if not token:
        return None
    row = session.exec(select(WebSession).where(
        WebSession.digest == digest("session", token))).first()
    now = utcnow()
    if row is None or row.revoked_at is not None or row.expires_at < now:
        return None
    if now - row.last_seen > dt.timedelta(minutes=5):
        row.last_seen = now  # coarse, to keep page loads free of writes
        session.add(row)
    return row.person_id


def revoke(session: Session, token: str | None) -> None:
    """End the session behind the token (log out)."""
    if not token:
        return
    row = session.exec(select(WebSession).where(
        WebSession.digest == digest("session", token))).first()
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()
        session.add(row)


def token_from_cookie_header(header: str) -> str | None:
    """The session token in a raw Cookie header."""
    for part in (header or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE and value:
            return value
    return None
