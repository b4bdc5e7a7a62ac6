"""What the holder's phone needs to show its card offline beyond the static QR: the live
credential bound to its device key (api/card/live.py) and a light QR (api/card/light.py),
and replacing a lost card (which revokes the old one)."""

from __future__ import annotations

import datetime as dt
import json

from sqlmodel import Session, select

from api.auth.models import Device
from api.card import light, live, qr
from api.clock import utcnow, vietnam_today
from api.domain.models import HealthCard, Person
from api.jose import b64url, ec_key
from api.services import family_cards, revocations, wallet
from api.services.errors import UserError


def _card(session: Session, person_id: int) -> tuple[Person, HealthCard]:
    person = session.get(Person, person_id)
    card = session.exec(select(HealthCard).where(HealthCard.person_id == person_id)).first()
    if person is None or card is None:
        raise UserError("not_found", status=404)
    return person, card


def issue(session: Session, person_id: int, device: Device,
          now: dt.datetime | None = None) -> dict[str, object]:
    """A live credential for this device and a light QR, with when each runs out."""
    now = now or utcnow()
    person, card = _card(session, person_id)
    claims = wallet.card_claims(session, person, card)
    today = now.date()
    signed = live.issue(claims, card.valid_from, ec_key(json.loads(device.public_jwk)), today)
    cred = live.decode_credential(signed[:-64])
    unix = int(now.timestamp())
    return {
        "live": b64url(signed), "live_not_after": cred.not_after.isoformat(),
        "light": light.issue(person.code, person.full_name, person.dob, card.valid_to,
                             card.issued_at, unix),
        "light_expires": unix + light.LIGHT_HOURS * 3600,
        "renew_seconds": live.RENEW_SECONDS, "fresh_seconds": live.FRESH_SECONDS,
        "card_version": qr.claims_version(claims),  # the card doc's "version" it was made for
    }


def replace_card(session: Session, code: str, reason: str,
                 today: dt.date | None = None) -> HealthCard:
    """Revoke the person's card as issued and issue it again today (lost, replaced);
    commits. The phone receives the new card at its next sync."""
    person = session.exec(select(Person).where(Person.code == code)).first()
    if person is None:
        raise UserError("unknown_person", status=404)
    card = reissue(session, person, reason, today)
    session.commit()
    return card


def reissue(session: Session, person: Person, reason: str,
            today: dt.date | None = None) -> HealthCard:
    """Revoke the person's card as issued and issue it again today (lost, replaced) in the
    caller's transaction: the old issue date goes on the revocation list, the new card (a
    later issue date, so a new signed QR) is logged for the phone's next sync."""
    today = today or vietnam_today()  # the card's dates are Vietnam's calendar days
    person, card = _card(session, person.id)
    if card.issued_at >= today:
        raise UserError("card_replaced_today", status=409)
    revocations.revoke_card(session, card, person.code, reason)
    card.issued_at = today
    session.add(card)
    session.flush()
    family_cards.card_changed(session, person, today)  # and on a parent's phone
    return card
