"""Young children's cards on a parent's phone (issue 16).

Children under six are insured by the state (group TE) and have no phone: a parent or
guardian linked to the child (api/domain/family.py `FamilyLink`: by the birth registration,
or by an officer approving the parent's request, "family_link" in
api/services/service_requests.py) carries each child's card in their own wallet, as a
`childcard` document (id: the child's code) with the child's own signed static QR, drawn as
the holder's card is (sync/documents.card_body). It is worded in the guardian's language.

The document goes to the guardian's phone while the child is under six; the card ends the
day before the sixth birthday. Its changes are logged for every guardian: a new card or
facility (`card_changed`), the guardian's language (`redraw`), a link made or removed
(`link`, `unlink`), and the sixth birthday (`retire`, run by `make notify`, deletes it;
a phone also hides a card past its end by itself).
The scheduler's notice 30 days ahead is `ending_soon` (api/services/notice_schedule.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import and_, exists
from sqlmodel import Session, col, select

from api.clock import utcnow, vietnam_today
from api.domain.family import (
    CHILD_CARD_YEARS,
    FamilyLink,
    child_card_ends,
    sixth_birthday,
    under_six,
)
from api.domain.models import Person
from locales import labels
from sync import changes, documents
from sync.models import Change

DOC_TYPE = "childcard"
RELATIONS = tuple(labels.RELATIONS)  # mother, father, guardian
NOTICE_DAYS = 30  # the parent is told this many days before the card ends
RETIRE_DAYS = 366  # how long after the sixth birthday a phone is still told to delete it


def _linked(session: Session, *where) -> list[tuple[FamilyLink, Person, Person]]:
    """(link, guardian, child) rows matching `where` (on FamilyLink and the child, Person),
    by guardian, then the child's birth."""
    rows = session.exec(
        select(FamilyLink, Person).join(Person, col(Person.id) == col(FamilyLink.child_id))
        .where(*where).order_by(col(FamilyLink.guardian_id), col(Person.dob))).all()
    return [(link, session.get(Person, link.guardian_id), child) for link, child in rows]


def born_by(birthday: dt.date) -> dt.date:
    """The last date of birth whose sixth birthday falls on or before `birthday` (the sixth
    birthday only grows with the date of birth, so a range of birthdays is a range of dates
    of birth: the queries below compare plain dates)."""
    try:
        born = birthday.replace(year=birthday.year - CHILD_CARD_YEARS)
    except ValueError:  # 29 February six years on is no date
        born = dt.date(birthday.year - CHILD_CARD_YEARS, 2, 28)
    while sixth_birthday(born + dt.timedelta(days=1)) <= birthday:
        born += dt.timedelta(days=1)
    while sixth_birthday(born) > birthday:
        born -= dt.timedelta(days=1)
    return born


def children(session: Session, guardian_id: int, today: dt.date | None = None
             ) -> list[tuple[FamilyLink, Person]]:
    """The guardian's linked children under six, youngest last."""
    today = today or vietnam_today()
    return [(link, child) for link, _, child in
            _linked(session, col(FamilyLink.guardian_id) == guardian_id)
            if under_six(child.dob, today)]


def linked(session: Session, guardian_id: int, child_id: int) -> bool:
    """Whether the guardian already shows the child's card."""
    return session.exec(select(FamilyLink.id).where(FamilyLink.guardian_id == guardian_id,
                                                    FamilyLink.child_id == child_id)
                        ).first() is not None


def document(session: Session, link: FamilyLink, child: Person, guardian: Person
             ) -> documents.Doc | None:
    """The child's card as the guardian's phone keeps it (None: the child has no card)."""
    body = documents.card_body(session, child, guardian.lang or "vi")
    if body is None:
        return None
    # No live credential for a child (no device of their own): no version to renew it by.
    body.pop("version", None)
    body.update(relation=link.relation, guardian=guardian.full_name,
                ends=child_card_ends(child.dob).isoformat())
    return (DOC_TYPE, child.code, body)


def documents_of(session: Session, guardian: Person, today: dt.date | None = None
                 ) -> Iterator[documents.Doc]:
    """Every child's card the guardian carries (a first sync, a reset)."""
    for link, child in children(session, guardian.id, today):
        doc = document(session, link, child, guardian)
        if doc:
            yield doc


def card_changed(session: Session, person: Person, today: dt.date | None = None) -> None:
    """The person's card changed (re-issued, new facility): log the holder's own card and,
    for a child under six, the card on each guardian's phone."""
    own = documents.card(session, person)
    if own:
        changes.record(session, person.id, own)
    if not under_six(person.dob, today or vietnam_today()):
        return
    for link, guardian, child in _linked(session, col(FamilyLink.child_id) == person.id):
        doc = document(session, link, child, guardian)
        if doc:
            changes.record(session, guardian.id, doc)


def redraw(session: Session, guardian: Person, today: dt.date | None = None) -> None:
    """The guardian's language changed: their children's cards are worded anew."""
    for doc in documents_of(session, guardian, today):
        changes.record(session, guardian.id, doc)


def link(session: Session, guardian: Person, child: Person, relation: str, source: str,
         today: dt.date | None = None) -> FamilyLink:
    """Link a child under six to a parent or guardian (caller commits); the child's card
    reaches the guardian's phone at its next sync. ValueError for a child of six or more,
    an unknown relation, or oneself."""
    if relation not in RELATIONS or guardian.id == child.id:
        raise ValueError("bad family link")
    if not under_six(child.dob, today or vietnam_today()):
        raise ValueError(f"the child is {CHILD_CARD_YEARS} or older")
    row = session.exec(select(FamilyLink).where(FamilyLink.guardian_id == guardian.id,
                                                FamilyLink.child_id == child.id)).first()
    if row is None:  # an officer's link where the birth registration made none
        row = FamilyLink(guardian_id=guardian.id, child_id=child.id, relation=relation,
                         source=source, created_at=utcnow())
        session.add(row)
        session.flush()
    doc = document(session, row, child, guardian)
    if doc:
        changes.record(session, guardian.id, doc)
    return row


def unlink(session: Session, row: FamilyLink) -> None:
    """Remove a link (caller commits): the child's card leaves the guardian's phone."""
    child = session.get(Person, row.child_id)
    changes.record(session, row.guardian_id, delete=(DOC_TYPE, child.code))
    session.delete(row)
    session.flush()


def retire(session: Session, today: dt.date | None = None) -> int:
    """Delete the card of each child who turned six in the last RETIRE_DAYS from their
    guardians' phones, once (the newest change of that document is the delete: the change
    log keeps only the newest one per document); commits. How many were deleted. (Later
    still, the phone hides a card past its end by itself.)"""
    today = today or vietnam_today()
    deleted = exists().where(and_(col(Change.person_id) == col(FamilyLink.guardian_id),
                                  col(Change.entity) == DOC_TYPE,
                                  col(Change.entity_id) == col(Person.code),
                                  col(Change.op) == "delete"))
    rows = session.exec(
        select(FamilyLink.guardian_id, Person.code)
        .join(Person, col(Person.id) == col(FamilyLink.child_id))
        .where(col(Person.dob) <= born_by(today),
               col(Person.dob) > born_by(today - dt.timedelta(days=RETIRE_DAYS)), ~deleted)
        .order_by(col(FamilyLink.guardian_id))).all()
    for guardian_id, code in rows:  # in guardian order: the change-log locks too
        changes.record(session, guardian_id, delete=(DOC_TYPE, code))
    session.commit()
    return len(rows)


def ending_soon(session: Session, today: dt.date, after: int, limit: int
                ) -> list[tuple[int, Person, dt.date]]:
    """(guardian id, child, last day of the card) for each link whose child's card ends
    within NOTICE_DAYS (the sixth birthday in the NOTICE_DAYS + 1 days after today),
    guardians after `after` in id order, at most `limit` rows."""
    first = born_by(today) + dt.timedelta(days=1)
    last = born_by(today + dt.timedelta(days=NOTICE_DAYS + 1))
    rows = session.exec(
        select(FamilyLink.guardian_id, Person)
        .join(Person, col(Person.id) == col(FamilyLink.child_id))
        .where(col(FamilyLink.guardian_id) > after, col(Person.dob) >= first,
               col(Person.dob) <= last)
        .order_by(col(FamilyLink.guardian_id), col(Person.id)).limit(limit)).all()
    return [(guardian_id, child, child_card_ends(child.dob)) for guardian_id, child in rows]
