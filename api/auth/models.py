"""Tables behind login. Secrets are stored only as HMAC digests."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, LargeBinary, text
from sqlmodel import Field, SQLModel

# The roles of staff accounts; a session without a staff account is a "citizen" one.
STAFF_ROLES = ("clinic", "officer")


class StaffAccount(SQLModel, table=True):
    """A staff login (api/auth/staff.py): an insured person working at a facility (role
    "clinic") or, later, at an agency (role "officer"). Separate from the person's own
    citizen login: its own code, phone, devices, sessions and passkeys.

    `staff_code` is what staff type to log in: the facility code, "-" and two digits
    ("01H01-01"); officers, who have no facility, get "CB-" and the digits."""

    id: int | None = Field(default=None, primary_key=True)
    staff_code: str = Field(index=True, unique=True, max_length=16)
    person_id: int = Field(foreign_key="person.id", index=True)
    role: str = Field(max_length=16)  # one of STAFF_ROLES
    facility_id: int | None = Field(default=None, foreign_key="facility.id", index=True)
    # An officer's province: the registrations and requests they handle (none for clinics).
    province_code: str | None = Field(default=None, max_length=2)
    full_name: str  # shown to citizens under "who viewed my card"
    phone: str  # the staff phone the login codes go to
    created_at: dt.datetime
    revoked_at: dt.datetime | None = None


class OtpChallenge(SQLModel, table=True):
    """One OTP sent to a person's registered phone (or, for a staff login, the staff phone)."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    staff_id: int | None = Field(default=None, foreign_key="staffaccount.id", index=True)
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
    """Single-use, one-minute ticket that turns a verified login into an HttpOnly cookie."""

    id: int | None = Field(default=None, primary_key=True)
    digest: str = Field(index=True, unique=True)
    person_id: int = Field(foreign_key="person.id")
    device_id: int | None = Field(default=None, foreign_key="device.id")
    staff_id: int | None = Field(default=None, foreign_key="staffaccount.id")
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
    # Why it ended: "logout", "moved" (account bound to another device), "signed_out".
    revoked_reason: str = ""
    device_id: int | None = Field(default=None, foreign_key="device.id", index=True)
    # Set for a staff login: the session's role is its staff account's (else "citizen").
    staff_id: int | None = Field(default=None, foreign_key="staffaccount.id", index=True)


class Device(SQLModel, table=True):
    """A phone or browser bound to an account by its device key (WebCrypto P-256, private
    part non-extractable in the browser). At most one active citizen device per person: the
    partial unique index below makes the database refuse a second one. A staff account's
    desk devices (`staff_id` set) are outside it: up to `staff.DESK_DEVICES` each."""

    __table_args__ = (
        Index("one_active_device_per_person", "person_id", unique=True,
              sqlite_where=text("revoked_at IS NULL AND staff_id IS NULL"),
              postgresql_where=text("revoked_at IS NULL AND staff_id IS NULL")),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    key_thumbprint: str = Field(index=True)  # RFC 7638 thumbprint of the public JWK
    public_jwk: str  # JSON
    name: str  # from the browser, e.g. "Chrome on Android"
    bound_at: dt.datetime
    last_seen: dt.datetime
    revoked_at: dt.datetime | None = None
    revoked_reason: str = ""  # "moved", "signed_out", "sign_count"
    staff_id: int | None = Field(default=None, foreign_key="staffaccount.id", index=True)


class Passkey(SQLModel, table=True):
    """A WebAuthn credential, registered on (and only valid with) one bound device."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    device_id: int = Field(foreign_key="device.id", index=True)
    credential_id: str = Field(index=True, unique=True)  # base64url
    public_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # COSE
    user_handle: str  # base64url, the WebAuthn user.id of this person
    sign_count: int = 0
    backed_up: bool = False
    created_at: dt.datetime
    last_used: dt.datetime | None = None
    revoked_at: dt.datetime | None = None


class WebAuthnChallenge(SQLModel, table=True):
    """A WebAuthn challenge: random, single use, five minutes, tied to what it was made for
    (registration: the person and device; login: the device key that asked)."""

    id: int | None = Field(default=None, primary_key=True)
    purpose: str  # "register" or "login"
    challenge: str = Field(index=True, unique=True)  # base64url
    person_id: int | None = Field(default=None, foreign_key="person.id")
    device_id: int | None = Field(default=None, foreign_key="device.id")
    key_thumbprint: str = ""
    created_at: dt.datetime
    expires_at: dt.datetime
    consumed_at: dt.datetime | None = None


class SecurityEvent(SQLModel, table=True):
    """What the owner sees under "Devices and security": logins, bindings, failures."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    kind: str
    device_name: str = ""
    client: str = ""  # IP address as seen by the server
    at: dt.datetime = Field(index=True)
    # Set for events of a staff login: not on the person's own citizen security page.
    staff_id: int | None = Field(default=None, foreign_key="staffaccount.id", index=True)


class Attempt(SQLModel, table=True):
    """Rate-limit ledger: one row per counted attempt (per account or per client)."""

    id: int | None = Field(default=None, primary_key=True)
    scope: str = Field(index=True)  # e.g. "otp_send:client"
    key: str = Field(index=True)
    at: dt.datetime = Field(index=True)


class SeenProof(SQLModel, table=True):
    """A request proof's id already used by a device (replay protection, see
    api/auth/request_proofs.py), kept until the proof could not pass the time check."""

    device_id: int = Field(primary_key=True)
    jti: str = Field(primary_key=True, max_length=64)
    at: dt.datetime = Field(index=True)
