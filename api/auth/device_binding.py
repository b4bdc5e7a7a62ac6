"""One active device per account: the rules, in one place.

- A device is bound by a verified SMS code (first login, a new phone, a lost phone).
- Binding a new device revokes the previous one, its sessions and its passkeys in the same
  transaction, and tells the owner by SMS on the registered phone.
- The database refuses two active devices for one person (partial unique index
  `one_active_device_per_person`), so two bindings racing each other cannot both win.
- A passkey logs in only on the device it was created on, while that device is active.
- A revoked device's key goes on the card revocation list (api/services/revocations.py).
- "Sign out this device" revokes the device like a move does; a sign-count regression of its
  passkey revokes the passkey and asks for an SMS code again.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from api.auth import events
from api.auth.device_keys import thumbprint
from api.auth.models import Device, Passkey, WebSession
from api.auth.sms import SmsGateway, SmsGatewayError
from api.clock import utcnow
from api.domain.models import Person
from api.push import subscriptions
from api.services import revocations
from api.services.errors import UserError
from locales import tr

log = logging.getLogger(__name__)


def active_device(session: Session, person_id: int) -> Device | None:
    """The person's bound device (of their citizen login: staff desk devices are apart, see
    api/auth/staff.py), if any."""
    return session.exec(select(Device).where(Device.person_id == person_id,
                                             col(Device.staff_id).is_(None),
                                             col(Device.revoked_at).is_(None))).first()


def other_active_device(session: Session, person_id: int, jwk: dict[str, str]) -> Device | None:
    """The active device if it is not the one holding `jwk` (a login here would move)."""
    device = active_device(session, person_id)
    if device is not None and device.key_thumbprint != thumbprint(jwk):
        return device
    return None


def revoke_device(session: Session, device: Device, reason: str) -> None:
    """Revoke a device with its sessions and passkeys (caller commits); its key goes on the
    revocation list, so a clinic refuses its live card QR offline."""
    now = utcnow()
    revocations.revoke_device(session, device, reason)
    session.execute(update(Device).where(col(Device.id) == device.id,
                                         col(Device.revoked_at).is_(None))
                    .values(revoked_at=now, revoked_reason=reason))
    session.execute(update(WebSession).where(col(WebSession.device_id) == device.id,
                                             col(WebSession.revoked_at).is_(None))
                    .values(revoked_at=now, revoked_reason=reason))
    session.execute(update(Passkey).where(col(Passkey.device_id) == device.id,
                                          col(Passkey.revoked_at).is_(None))
                    .values(revoked_at=now))
    # The old phone stops receiving the person's notices at once.
    subscriptions.drop_device(session, device.id)


def bind(session: Session, person: Person, jwk: dict[str, str], name: str, client: str,
         sms: SmsGateway, lang: str) -> Device:
    """Make the device holding `jwk` the person's one active device (after a verified OTP).

    Commits. Raises UserError("bind_conflict") if a concurrent binding won the race.
    """
    now = utcnow()
    thumb = thumbprint(jwk)
    current = active_device(session, person.id)
    if current is not None and current.key_thumbprint == thumb:
        current.last_seen, current.name = now, name or current.name
        session.add(current)
        session.commit()
        return current
    if current is not None:
        revoke_device(session, current, "moved")
        events.record(session, person.id, "device_moved_away", current.name, client)
    device = Device(person_id=person.id, key_thumbprint=thumb, public_jwk=json.dumps(jwk),
                    name=name or "?", bound_at=now, last_seen=now)
    session.add(device)
    try:
        session.flush()
    except IntegrityError as exc:
        session.rollback()
        raise UserError("bind_conflict", status=409) from exc
    events.record(session, person.id, "device_bound", device.name, client)
    if current is not None:
        # Tell the owner on another channel: if this was not them, they must act now.
        try:
            # One SMS segment in every language (tests/unit/test_sms_length.py): the text
            # leaves out the device name (it has "·", which makes even English UCS-2, 70
            # characters) and the date (the SMS is sent at once); the app's event list has both.
            sms.send(session, person.phone, person.code, tr(
                lang, "BHXH wallet: your account was just moved to a new device; the old one "
                      "is signed out. Not you? Call 1900 9068."))
        except SmsGatewayError:
            # The binding stands; the event list still shows it to the owner.
            log.warning("move notice for %s not sent", person.code, exc_info=True)
    session.commit()
    return device


def sign_out(session: Session, device: Device, client: str) -> None:
    """The owner signs this device out (commits)."""
    revoke_device(session, device, "signed_out")
    events.record(session, device.person_id, "device_signed_out", device.name, client,
                  staff_id=device.staff_id)
    session.commit()


def device_jwk(device: Device) -> dict[str, str]:
    """The device's public key as a JWK dict."""
    return json.loads(device.public_jwk)
