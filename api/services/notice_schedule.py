"""Notices the calendar makes (`make notify`, run from cron or a systemd timer): each rule
finds the people an occasion has come for, and each gets one notice per occasion.

Rules (`RULES`):
- card_expiring: the health card ends within 30 days, and again within 7 days;
- contribution_due: a voluntary social-insurance contributor's month has begun;
- employer_arrears: from the 10th of the month (the day the real app sends it), the
  employer of an ongoing job has months declared but not paid;
- child_card_ending: the free card of a child under six that a parent shows ends within
  30 days (the day before the sixth birthday; api/services/family_cards.py): the parent
  is told once;
- pension_adjusted: a pension adjustment takes effect (from 31 days ahead until 60 days
  after, so an adjustment decided late is still told);
- announcement: an officer's announcement not sent yet reaches everyone it addresses, each
  in their language or the nearest one written (api/services/announcements.py).

**Once per occasion.** Each notice carries a `due_key` naming its occasion
("card_expiring:7:2026-12-01"), unique per person in the database: a second run, or two
runs at once against PostgreSQL, inserts each notice once (`ON CONFLICT DO NOTHING`; the
one that loses the race inserts nothing). The notice is logged for sync and queued for
web push in the same transaction, so either all three happen or none.

Work goes in batches of BATCH people in person-id order, each its own transaction, with
the people's change-log locks taken in that order (sync/changes.py), so a run holds no
lock for long and two runs cannot deadlock.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from api.clock import utcnow
from api.domain.models import (
    Announcement,
    Benefit,
    Employer,
    HealthCard,
    Notice,
    Participation,
    PensionAdjustment,
)
from api.push import sender
from api.services import announcements, family_cards
from sync import changes, documents

BATCH = 1000
ARREARS_DAY = 10


@dataclass(frozen=True)
class Due:
    """One notice an occasion calls for."""

    person_id: int
    kind: str
    due_key: str
    params: dict


def _month(day: dt.date, back: int = 0) -> str:
    index = day.year * 12 + day.month - 1 - back
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def card_expiring(session: Session, today: dt.date, after: int) -> list[Due]:
    """Cards ending within 30 days (and within 7: a second notice). Not a young child's
    free card (group TE): the child has no phone, the parent is told (child_card_ending)."""
    rows = session.execute(
        select(HealthCard.person_id, HealthCard.valid_to)
        .where(col(HealthCard.valid_to) >= today, col(HealthCard.group_code) != "TE",
               col(HealthCard.valid_to) <= today + dt.timedelta(days=30),
               col(HealthCard.person_id) > after)
        .order_by(HealthCard.person_id).limit(BATCH)).all()
    return [Due(pid, "card_expiring",
                f"card_expiring:{7 if (valid_to - today).days <= 7 else 30}:{valid_to}",
                {"day": valid_to.isoformat()}) for pid, valid_to in rows]


def contribution_due(session: Session, today: dt.date, after: int) -> list[Due]:
    """Voluntary contributors (an ongoing social-insurance period with no employer)."""
    pids = session.execute(
        select(Participation.person_id).distinct()
        .where(col(Participation.scheme) == "BHXH", col(Participation.employer_id).is_(None),
               col(Participation.to_month).is_(None), col(Participation.from_month) <= today,
               col(Participation.person_id) > after)
        .order_by(Participation.person_id).limit(BATCH)).scalars().all()
    month = _month(today)
    return [Due(pid, "contribution_due", f"contribution_due:{month}", {"month": month})
            for pid in pids]


def employer_arrears(session: Session, today: dt.date, after: int) -> list[Due]:
    """From the 10th: ongoing jobs whose employer owes months."""
    if today.day < ARREARS_DAY:
        return []
    rows = session.execute(
        select(Participation.person_id, Employer.name, Participation.unpaid_months)
        .join(Employer, col(Employer.id) == col(Participation.employer_id))
        .where(col(Participation.scheme) == "BHXH", col(Participation.to_month).is_(None),
               col(Participation.unpaid_months) > 0, col(Participation.person_id) > after)
        .order_by(Participation.person_id).limit(BATCH)).all()
    month = _month(today)
    return [Due(pid, "employer_arrears", f"employer_arrears:{month}",
                {"employer": name, "month": _month(today, unpaid)})
            for pid, name, unpaid in rows]


def pension_adjusted(session: Session, today: dt.date, after: int) -> list[Due]:
    """Pension adjustments taking effect from 31 days ahead to 60 days back."""
    rows = session.execute(
        select(Benefit.person_id, PensionAdjustment.id, PensionAdjustment.effective)
        .join(Benefit, col(Benefit.id) == col(PensionAdjustment.benefit_id))
        .where(col(PensionAdjustment.effective) >= today - dt.timedelta(days=60),
               col(PensionAdjustment.effective) <= today + dt.timedelta(days=31),
               col(Benefit.person_id) > after)
        .order_by(Benefit.person_id).limit(BATCH)).all()
    return [Due(pid, "pension_adjusted", f"pension_adjusted:{adj_id}",
                {"day": effective.isoformat()}) for pid, adj_id, effective in rows]


def child_card_ending(session: Session, today: dt.date, after: int) -> list[Due]:
    """A linked child's card ends within 30 days: the parent or guardian is told, once per
    child and card."""
    return [Due(guardian_id, "child_card_ending", f"child_card_ending:{child.code}:{ends}",
                {"day": ends.isoformat(), "child": child.full_name})
            for guardian_id, child, ends in family_cards.ending_soon(session, today, after,
                                                                      BATCH)]


RULES: dict[str, Callable[[Session, dt.date, int], list[Due]]] = {
    "card_expiring": card_expiring, "child_card_ending": child_card_ending,
    "contribution_due": contribution_due,
    "employer_arrears": employer_arrears, "pension_adjusted": pension_adjusted,
}


def _batches(session: Session, rule: Callable[[Session, dt.date, int], list[Due]],
             today: dt.date) -> Iterator[list[Due]]:
    """The rule's dues, BATCH rows at a time, never splitting one person's rows."""
    after = 0
    while found := rule(session, today, after):
        if len(found) < BATCH:
            yield found
            return
        last = found[-1].person_id
        # The last person may have more rows in the next batch: they all go there.
        whole = [d for d in found if d.person_id != last] or found
        yield whole
        after = whole[-1].person_id


def _insert(session: Session, dues: list[Due], now: dt.datetime) -> list[Notice]:
    """Insert the notices not made yet (conflicts skipped); the ones inserted."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    values = [{"person_id": d.person_id, "kind": d.kind, "due_key": d.due_key,
               "params": json.dumps(d.params, ensure_ascii=False), "created_at": now}
              for d in dues]
    statement = insert(Notice).values(values).on_conflict_do_nothing(
        index_elements=["person_id", "due_key"]).returning(
        Notice.id, Notice.person_id, Notice.kind, Notice.params, Notice.created_at)
    return [Notice(id=r.id, person_id=r.person_id, kind=r.kind, params=r.params,
                   created_at=r.created_at) for r in session.execute(statement).all()]


def _publish(session: Session, dues: list[Due]) -> list[Notice]:
    """One batch, in one transaction: notices, their change-log rows and their pushes."""
    known = set(map(tuple, session.execute(select(Notice.person_id, Notice.due_key).where(
        col(Notice.person_id).in_({d.person_id for d in dues}),
        col(Notice.due_key).in_({d.due_key for d in dues}))).all()))
    fresh = {(d.person_id, d.due_key): d for d in dues if (d.person_id, d.due_key) not in known}
    if not fresh:
        return []
    for pid in sorted({pid for pid, _ in fresh}):  # in order: two runs cannot deadlock
        changes.lock(session, pid)
    made = _insert(session, list(fresh.values()), utcnow())
    for notice in made:
        changes.record(session, notice.person_id, documents.notice(notice), new=True)
    sender.queue(session, made)
    session.commit()
    return made


def announce(session: Session) -> int:
    """Make the notices of every announcement not sent yet (api/services/announcements.py);
    how many were made now. Once all its people have theirs, the announcement is marked
    sent with the number of people it reached."""
    made = 0
    pending = session.execute(select(Announcement).where(
        col(Announcement.sent_at).is_(None)).order_by(Announcement.id)).scalars().all()
    for row in pending:
        texts, key, after = json.loads(row.texts), f"announcement:{row.id}", 0
        while people := session.execute(announcements.addressed(row, after, BATCH)).all():
            made += len(_publish(session, [
                Due(pid, "announcement", key, {"text": announcements.nearest(texts, lang)})
                for pid, lang in people]))
            after = people[-1][0]
        reached = session.execute(select(func.count()).select_from(Notice).where(
            col(Notice.due_key) == key)).scalar_one()
        session.execute(update(Announcement).where(col(Announcement.id) == row.id).values(
            sent_at=utcnow(), recipients=reached))
        session.commit()
    return made


def run(session: Session, today: dt.date, rules: tuple[str, ...] = (*RULES, "announcement")
        ) -> Counter[str]:
    """Make every notice due `today`, and those of announcements not sent yet; how many of
    each kind were made now."""
    made: Counter[str] = Counter()
    for name in rules:
        if name == "announcement":
            made[name] += announce(session)
            continue
        for dues in _batches(session, RULES[name], today):
            made[name] += len(_publish(session, dues))
    return +made

