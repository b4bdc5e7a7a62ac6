"""Payment orders and the callbacks a payment provider sends about them (issue 16): the
household's health-insurance renewal and voluntary social-insurance contributions are paid
through a provider (api/payments/). The quote is frozen in the order when it is made, so
what is applied on payment is what the payer saw and agreed to, whatever changes later."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

KINDS = ("household_bhyt", "voluntary_bhxh")
STATUSES = ("created", "paid", "failed", "cancelled", "expired")
OUTCOMES = ("applied", "duplicate", "bad_signature", "replay", "wrong_amount",
            "unknown_order", "expired", "declined")
ORDER_MINUTES = 15  # an order not paid within this is expired: a late callback is refused


class PaymentOrder(SQLModel, table=True):
    """An order to pay: who pays, for what (the quote as JSON: lines, members, months,
    amount), how much in đồng, and where it stands."""

    __table_args__ = (UniqueConstraint("receipt_number", name="uq_paymentorder_receipt"),)

    id: str = Field(primary_key=True, max_length=32)  # random: it is in the provider's link
    payer_id: int = Field(foreign_key="person.id", index=True)
    kind: str = Field(max_length=16)
    quote: str = Field(sa_column=Column(Text, nullable=False))
    amount: int
    status: str = Field(default="created", max_length=16)
    provider: str = Field(max_length=16)
    provider_ref: str | None = Field(default=None, max_length=64)
    created_at: dt.datetime
    expires_at: dt.datetime
    paid_at: dt.datetime | None = None
    receipt_number: str | None = Field(default=None, max_length=32)


class PaymentCallback(SQLModel, table=True):
    """Every callback received, accepted or refused (the audit trail of payments). `nonce`
    is unique among the callbacks whose signature held: a replayed one is refused."""

    id: int | None = Field(default=None, primary_key=True)
    order_ref: str = Field(max_length=64, index=True)  # the order id as sent, unchecked
    received_at: dt.datetime
    signature_ok: bool
    nonce: str | None = Field(default=None, max_length=64, index=True)
    outcome: str = Field(max_length=16)
    raw: str = Field(sa_column=Column(Text, nullable=False))
