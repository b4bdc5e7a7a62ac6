"""Tables behind login. Secrets are stored only as HMAC digests."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel


class OtpChallenge(SQLModel, table=True):
    """One OTP sent to a person's registered phone."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    code_digest: str
    created_at: dt.datetime = Field(index=True)
    expires_at: dt.datetime
    attempts: int = 0
    used_at: dt.datetime | None = None


class SmsOutbox(SQLModel, table=True):
    """Messages handed to the default (outbox) SMS gateway."""

    id: int | None = Field(default=None, primary_key=True)
    phone: str = Field(index=True)
    person_code: str = Field(index=True)
    body: str
    created_at: dt.datetime


class LoginTicket(SQLModel, table=True):
    """Single-use, one-minute ticket that turns a verified OTP into an HttpOnly cookie."""

    id: int | None = Field(default=None, primary_key=True)
    digest: str = Field(index=True, unique=True)
    person_id: int = Field(foreign_key="person.id")
    expires_at: dt.datetime
    used_at: dt.datetime | None = None


class WebSession(SQLModel, table=True):
    """A logged-in browser session; the cookie holds the token, the table its digest."""

    id: int | None = Field(default=None, primary_key=True)
    digest: str = Field(index=True, unique=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    created_at: dt.datetime
    expires_at: dt.datetime
    last_seen: dt.datetime
    revoked_at: dt.datetime | None = None
