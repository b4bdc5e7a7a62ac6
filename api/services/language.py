"""The person's language, kept on the account once they log in.

The phone keeps the reader's choice for itself (localStorage and a `lang` cookie, so it works
offline and before login). Logging in, or switching language while logged in, stores it on
the account too, so what the server writes to the person speaks it as well: login codes and
account notices by SMS, and the text on the card image that phones keep for offline use.
"""

from __future__ import annotations

from sqlmodel import Session

from api.domain.models import Person
from api.services import family_cards
from api.services.errors import UserError
from locales import ENABLED
from sync import changes, documents


def remember(session: Session, person_id: int, lang: str) -> bool:
    """Store `lang` on the account; True when it changed (the card image is redrawn and
    reaches the person's phone through sync). An unknown language is refused."""
    if lang not in ENABLED:
        raise UserError("bad_language")
    person = session.get(Person, person_id)
    if person is None or person.lang == lang:
        return False
    person.lang = lang
    session.add(person)
    card = documents.card(session, person)
    if card is not None:
        changes.record(session, person.id, card)
    family_cards.redraw(session, person)  # the children's cards it shows, worded anew
    return True
