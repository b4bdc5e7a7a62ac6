"""Which phones may receive pushes: subscriptions belong to a person's bound device.

- A subscription is accepted only from the device the account is bound to (its proven
  session), at most MAX_PER_DEVICE per device (a browser that subscribes again replaces
  its own by endpoint).
- Its endpoint must be on a known push service (PUSH_SERVICES): the server posts to it, so
  an endpoint a phone could choose freely would let anyone make the server call addresses
  inside its own network.
- A device move, a sign-out or a logout removes the device's subscriptions (`drop_device`),
  so the old phone stops receiving the person's notices at once; a push service answering
  404 or 410 removes that one (api/push/sender.py).
"""

from __future__ import annotations

import base64
import binascii
from fnmatch import fnmatch
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from api.clock import utcnow
from api.config import settings
from api.push.models import PushOutbox, PushSubscription
from api.services.errors import UserError

MAX_PER_DEVICE = 3
# The push services of the browsers in use (Chrome, Edge, Firefox, Safari, Samsung
# Internet uses Chrome's): origins, `*` for one or more labels of the host name.
KNOWN_SERVICES = ("https://fcm.googleapis.com", "https://updates.push.services.mozilla.com",
                  "https://*.push.apple.com", "https://*.notify.windows.com")


def allowed_services() -> tuple[str, ...]:
    """Push-service origins accepted: PUSH_SERVICES (comma-separated), else the known
    ones."""
    configured = settings().push_services
    return configured or KNOWN_SERVICES


def _origin_allowed(endpoint: str) -> bool:
    try:
        parts = urlsplit(endpoint)
    except ValueError:
        return False
    if parts.username or parts.password or not parts.hostname:
        return False
    origin = f"{parts.scheme}://{parts.netloc}"
    return any(fnmatch(origin, pattern) for pattern in allowed_services())


def _key_bytes(value: object, size: int) -> bytes:
    text = value if isinstance(value, str) else ""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise UserError("push_subscription") from exc
    if len(raw) != size:
        raise UserError("push_subscription")
    return raw


def parse(data: dict) -> tuple[str, str, str]:
    """(endpoint, p256dh, auth) of a PushSubscription.toJSON(), checked: an https endpoint
    on an allowed push service, a P-256 public key and a 16-byte auth secret; else
    UserError "push_subscription" (or "push_service")."""
    endpoint = data.get("endpoint")
    keys = data.get("keys")
    if not isinstance(endpoint, str) or not 0 < len(endpoint) <= 1024 \
            or not isinstance(keys, dict):
        raise UserError("push_subscription")
    if not _origin_allowed(endpoint):
        raise UserError("push_service")
    point = _key_bytes(keys.get("p256dh"), 65)
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError as exc:
        raise UserError("push_subscription") from exc
    _key_bytes(keys.get("auth"), 16)
    return endpoint, keys["p256dh"], keys["auth"]


def subscribe(session: Session, person_id: int, device_id: int, data: dict
              ) -> PushSubscription:
    """Keep a subscription of the person's bound device (caller commits)."""
    endpoint, p256dh, auth = parse(data)
    row = session.exec(select(PushSubscription).where(
        PushSubscription.endpoint == endpoint)).first()
    if row is not None and (row.person_id, row.device_id) != (person_id, device_id):
        drop(session, row)  # the browser was handed to someone else, or logged in anew
        row = None
    if row is None:
        held = session.exec(select(func.count()).select_from(PushSubscription).where(
            PushSubscription.device_id == device_id)).one()
        if held >= MAX_PER_DEVICE:
            raise UserError("push_too_many", limit=MAX_PER_DEVICE)
        row = PushSubscription(person_id=person_id, device_id=device_id, endpoint=endpoint,
                               p256dh=p256dh, auth=auth, created_at=utcnow())
    else:
        row.p256dh, row.auth = p256dh, auth
    session.add(row)
    session.flush()
    return row


def unsubscribe(session: Session, device_id: int, endpoint: str) -> bool:
    """Forget this device's subscription with `endpoint`; whether there was one."""
    row = session.exec(select(PushSubscription).where(
        PushSubscription.endpoint == endpoint,
        PushSubscription.device_id == device_id)).first()
    if row is None:
        return False
    drop(session, row)
    return True


def drop(session: Session, row: PushSubscription) -> None:
    """Delete one subscription and what was still to be pushed to it."""
    session.execute(delete(PushOutbox).where(col(PushOutbox.subscription_id) == row.id))
    session.execute(delete(PushSubscription).where(col(PushSubscription.id) == row.id))


def drop_device(session: Session, device_id: int) -> None:
    """Delete every subscription of a device (moved away, signed out, logged out)."""
    ids = select(PushSubscription.id).where(PushSubscription.device_id == device_id)
    session.execute(delete(PushOutbox).where(col(PushOutbox.subscription_id).in_(ids)))
    session.execute(delete(PushSubscription).where(
        col(PushSubscription.device_id) == device_id))


def of_device(session: Session, device_id: int) -> list[PushSubscription]:
    """The device's subscriptions."""
    return list(session.exec(select(PushSubscription).where(
        PushSubscription.device_id == device_id)).all())
