"""The card document's drawn parts (signed QR, QR SVG, card image) are kept per worker by
everything they are drawn from: the same card is not drawn twice, and any change to what
the card shows (photo, validity, language, name, issuer key, a reissue) draws it anew. On
SQLite and PostgreSQL; nothing here is committed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from api.card import keys, qr
from api.domain.models import HealthCard, Person
from sync import documents
from tests.api.test_sync import AN

CHANGES: dict[str, Callable[[Person, HealthCard], None]] = {
    "photo": lambda p, c: setattr(p, "photo", (p.photo or b"") + b"\0"),
    "valid_to": lambda p, c: setattr(c, "valid_to", c.valid_to + dt.timedelta(days=365)),
    "language": lambda p, c: setattr(p, "lang", "ja" if p.lang != "ja" else "ko"),
    "name": lambda p, c: setattr(p, "full_name", p.full_name + " A"),
    "reissue": lambda p, c: setattr(c, "issued_at", c.issued_at + dt.timedelta(days=1)),
    "benefit level": lambda p, c: setattr(c, "benefit_level", 100 - c.benefit_level // 2),
}


def card_doc(session: Session) -> tuple[Person, HealthCard, dict]:
    person = session.exec(select(Person).where(Person.code == AN)).one()
    card = session.exec(select(HealthCard).where(HealthCard.person_id == person.id)).one()
    return person, card, documents.card(session, person)[2]


def test_the_same_card_is_drawn_once(use_db: Engine) -> None:
    with Session(use_db) as s:
        _, _, first = card_doc(s)
        _, _, again = card_doc(s)
    # An ECDSA signature differs at each signing: the same text is the same drawing.
    assert again["qr_text"] == first["qr_text"] and again["image"] == first["image"]
    assert again == first


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_to_what_the_card_shows_draws_it_anew(use_db: Engine, change: str) -> None:
    with Session(use_db) as s:
        person, card, before = card_doc(s)
        CHANGES[change](person, card)
        after = documents.card(s, person)[2]
        claims = qr.open_signed(after["qr_text"], trusted())
        assert (claims.valid_to, claims.issued_at, claims.benefit_level) == (
            card.valid_to, card.issued_at, card.benefit_level)
        s.rollback()
    assert after["qr_text"] != before["qr_text"] and after["image"] != before["image"]
    if change == "photo":
        assert after["photo"] != before["photo"]


def test_a_new_issuer_key_draws_it_anew(use_db: Engine, monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    with Session(use_db) as s:
        _, _, before = card_doc(s)
        old_keys = trusted()
        monkeypatch.setenv("CARD_KEY_FILE", str(tmp_path / "next-issuer.pem"))
        _, _, after = card_doc(s)
        both = old_keys | trusted()
    assert qr.open_signed(after["qr_text"], both).kid != qr.open_signed(
        before["qr_text"], both).kid


def test_the_kept_drawings_are_bounded(use_db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents._card_art, "budget", 2)
    with Session(use_db) as s:
        person, _, _ = card_doc(s)
        for lang in ("vi", "en", "zh", "ja"):
            person.lang = lang
            documents.card(s, person)
        assert len(documents._card_art) <= 2
        s.rollback()


def trusted() -> dict:
    """The current issuer key, by key id."""
    public = keys.signing_key().public_key()
    return {keys.key_id(public): public}
