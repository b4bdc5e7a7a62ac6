"""Tables of web push: the server's VAPID key, the phones' push subscriptions and the queue
of pushes still to send."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel


class ServerKey(SQLModel, table=True):
    """A key the server makes itself on first use and keeps out of git: the VAPID key pair
    ("vapid", a P-256 private key in PEM). In the database, so every worker and machine
    signs with the same key without a shared file (VAPID_PRIVATE_KEY overrides it)."""

    name: str = Field(primary_key=True, max_length=32)
    pem: str
    created_at: dt.datetime


class PushSubscription(SQLModel, table=True):
    """A browser's push subscription (PushSubscription.toJSON()) on a person's bound device.
    Only the device the account is bound to may hold subscriptions; a device move, a
    sign-out or the push service answering 404/410 removes them."""

    __table_args__ = (UniqueConstraint("endpoint"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    device_id: int = Field(foreign_key="device.id", index=True)
    endpoint: str = Field(max_length=1024)
    p256dh: str = Field(max_length=128)  # the browser's ECDH public key, base64url
    auth: str = Field(max_length=64)  # the 16-byte auth secret, base64url
    created_at: dt.datetime


class PushOutbox(SQLModel, table=True):
    """One notice still to push to one subscription. Rows are claimed by a sender
    (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so two senders at once push nothing twice;
    a row is deleted once its push is accepted, or given up (after MAX_TRIES, or the
    subscription gone)."""

    __table_args__ = (UniqueConstraint("notice_id", "subscription_id"),
                      Index("ix_pushoutbox_due", "next_try_at"))

    id: int | None = Field(default=None, primary_key=True)
    notice_id: int = Field(foreign_key="notice.id")
    subscription_id: int = Field(foreign_key="pushsubscription.id", index=True)
    tries: int = 0
    next_try_at: dt.datetime
