"""The local simulated provider: a page on this server that looks like a bank's
confirmation (api/http/payment_routes.py), and callbacks signed as a real provider signs its
IPN, so the whole path (signature, replay, amount, expiry, idempotency) runs as in
production.

The signature is HMAC-SHA256 with the payment secret over the canonical string: the fields
of CANONICAL in this order, joined by "|" (none may contain one). PAYMENT_SECRET when set;
otherwise the server makes one on first use and keeps it in the database (`ServerKey`
"payment"), shared by every worker, as api/push/keys.py does for the VAPID key. Each
callback carries its Unix time and a random nonce: one older or newer than SKEW_SECONDS is
refused as a replay, and the order service refuses a nonce it has already accepted."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from api.clock import utcnow
from api.config import settings
from api.domain.payments import PaymentOrder
from api.payments.provider import RESULTS, Callback, Refused, register
from api.push.models import ServerKey

NAME = "simulated"
KEY_NAME = "payment"
CANONICAL = ("order_id", "amount", "result", "provider_ref", "timestamp", "nonce")
SKEW_SECONDS = 300  # a callback's time may be this far from ours (clocks, retries)
FIELD_MAX = 64


def secret(session: Session) -> bytes:
    """The signing secret: configured, stored, or made now and stored (the first worker
    to store it wins; the others read the winner's)."""
    configured = settings().payment_secret
    if configured:
        return configured.encode()
    row = session.get(ServerKey, KEY_NAME)
    if row is None:
        made = ServerKey(name=KEY_NAME, pem=secrets.token_hex(32), created_at=utcnow())
        try:
            with session.begin_nested():
                session.add(made)
            row = made
        except IntegrityError:
            row = session.get(ServerKey, KEY_NAME)
    return row.pem.encode()


def _canonical(payload: dict[str, object]) -> bytes:
    return "|".join(str(payload[name]) for name in CANONICAL).encode()


def sign(session: Session, order_id: str, amount: int, result: str,
         now: dt.datetime | None = None) -> dict[str, object]:
    """The callback the simulated bank sends for `order_id`: signed, timed, with a nonce."""
    payload: dict[str, object] = {
        "order_id": order_id, "amount": amount, "result": result,
        "provider_ref": "SIM" + secrets.token_hex(6).upper(),
        "timestamp": int((now or utcnow()).timestamp()), "nonce": secrets.token_hex(16)}
    payload["signature"] = hmac.new(secret(session), _canonical(payload),
                                    hashlib.sha256).hexdigest()
    return payload


def _well_formed(payload: dict[str, object]) -> bool:
    """Every field present, text without "|" (so the canonical string is unambiguous), the
    numbers whole."""
    for name in (*CANONICAL, "signature"):
        value = payload.get(name)
        if name in ("amount", "timestamp"):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                return False
        elif not isinstance(value, str) or not value or "|" in value \
                or len(value) > FIELD_MAX:
            return False
    return payload["result"] in RESULTS


@register(NAME)
class SimulatedProvider:
    """The provider used unless PAYMENT_PROVIDER names another."""

    name = NAME

    def pay_url(self, order: PaymentOrder) -> str:
        """The simulated bank's page, on this server."""
        return f"/pay/sim/{order.id}"

    def verify(self, session: Session, payload: dict[str, object],
               now: dt.datetime) -> Callback:
        """The callback if well formed, signed with our secret and fresh; else Refused."""
        ref = payload.get("order_id")
        order_ref = ref[:FIELD_MAX] if isinstance(ref, str) else ""
        if not _well_formed(payload):
            raise Refused("bad_signature", order_ref)
        expected = hmac.new(secret(session), _canonical(payload), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, str(payload["signature"])):
            raise Refused("bad_signature", order_ref)
        nonce = str(payload["nonce"])
        if abs(int(payload["timestamp"]) - now.timestamp()) > SKEW_SECONDS:
            raise Refused("replay", order_ref, nonce)
        return Callback(order_ref, int(payload["amount"]), str(payload["result"]),
                        str(payload["provider_ref"]), nonce, int(payload["timestamp"]))
