"""The payment-provider interface: what the order service needs from a provider (VNPay, MoMo,
a bank, or the local simulated one), and the registry that picks one by PAYMENT_PROVIDER.

A provider does two things: it gives the link where the payer confirms a payment, and it
verifies a callback (the "IPN": the provider's server telling ours what happened), which the
order service then applies. Everything a provider signs is checked here before any order is
touched; what the callback says is then checked against the order (amount, expiry) by
api/payments/orders.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sqlmodel import Session

from api.config import settings
from api.domain.payments import PaymentOrder

RESULTS = ("success", "failure", "cancel")  # what a callback may say of a payment


class Refused(Exception):
    """A callback refused before its order is looked at: `outcome` is a PaymentCallback
    outcome (bad_signature, replay)."""

    def __init__(self, outcome: str, order_ref: str = "", nonce: str | None = None) -> None:
        super().__init__(outcome)
        self.outcome, self.order_ref, self.nonce = outcome, order_ref, nonce


@dataclass(frozen=True)
class Callback:
    """A callback whose signature held: the order it is about, the amount paid in đồng, the
    result (RESULTS), the provider's own reference, and its nonce and time (replays)."""

    order_id: str
    amount: int
    result: str
    provider_ref: str
    nonce: str
    timestamp: int


class Provider(Protocol):
    """A payment provider."""

    name: str

    def pay_url(self, order: PaymentOrder) -> str:
        """Where the payer confirms the payment (same origin or the provider's site)."""
        ...

    def verify(self, session: Session, payload: dict[str, object],
               now: dt.datetime) -> Callback:
        """The callback, if its signature holds and it is fresh; else Refused."""
        ...


_REGISTRY: dict[str, Callable[[], Provider]] = {}


def register(name: str) -> Callable[[Callable[[], Provider]], Callable[[], Provider]]:
    """Class decorator: make a provider available under `name`."""
    def add(factory: Callable[[], Provider]) -> Callable[[], Provider]:
        _REGISTRY[name] = factory
        return factory
    return add


def current() -> Provider:
    """The provider PAYMENT_PROVIDER names (the simulated one by default)."""
    from api.payments import simulated  # noqa: F401  (registers itself)
    name = settings().payment_provider
    if name not in _REGISTRY:
        raise RuntimeError(f"unknown PAYMENT_PROVIDER {name!r}; known: {sorted(_REGISTRY)}")
    return _REGISTRY[name]()
