"""Recording changes and reading them without ever skipping one.

Every write to a document a phone keeps calls `record` in the same transaction, so the
change log and the records cannot disagree. The cursor is the change's `seq`.

PostgreSQL pitfall: sequence values are taken at insert but become visible at commit, so
with concurrent writers a reader could see seq 12 before 11 commits, move its cursor to 12
and never see 11. Writers for one person therefore take a transaction-scoped advisory lock
on that person before inserting: one person's changes are numbered and committed one after
another, and a pull (which is per person) can never see a later one first. SQLite has a
single writer and needs nothing.
"""

from __future__ import annotations

import json

from sqlalchemy import Row, bindparam, func, text
from sqlalchemy import delete as sql_delete
from sqlmodel import Session, col, select

from api.clock import utcnow
from sync.documents import Doc
from sync.models import Change

LOCK_NAMESPACE = 7_341  # first key of pg_advisory_xact_lock(int, int): "sync change log"


# session.info key: (transaction, person ids) whose lock that transaction already holds.
_HELD = "sync_change_locks"


def lock(session: Session, person_id: int) -> None:
    """Take the person's change-log lock for the rest of the session's transaction, outside
    any savepoint: a push takes it once, and each change it records then skips the round
    trip. (A lock taken inside a savepoint that is rolled back is released with it, so only
    this one is remembered.)"""
    if session.get_bind().dialect.name != "postgresql" or _holds(session, person_id):
        return
    _lock(session, person_id)  # begins the transaction if none had begun
    root = session.get_transaction()
    held = session.info.get(_HELD)
    if held is None or held[0] is not root:
        held = session.info[_HELD] = (root, set())
    held[1].add(person_id)


def _holds(session: Session, person_id: int) -> bool:
    held = session.info.get(_HELD)
    return held is not None and held[0] is session.get_transaction() \
        and person_id in held[1]


def _lock(session: Session, person_id: int) -> None:
    if session.get_bind().dialect.name == "postgresql" and not _holds(session, person_id):
        session.execute(text("SELECT pg_advisory_xact_lock(:ns, :person)"),
                        {"ns": LOCK_NAMESPACE, "person": person_id})


def record(session: Session, person_id: int, doc: Doc | None = None, *,
           delete: tuple[str, str] | None = None, new: bool = False) -> None:
    """Log a put of `doc` (type, id, body) or a delete (type, id) for the person.

    Earlier changes of the same document are dropped once the new one has its seq: a phone
    behind them needs only the newest (twenty language switches are one card to pull, not
    twenty). Deleting only rows older than a row just inserted never frees the highest seq,
    so SQLite cannot hand a freed number out again. `new`: the document did not exist
    before this transaction, so there is nothing to drop (at most the tombstone of an id
    used before, which costs a phone one delete and goes with the document's next change):
    the row is only added, and flushed with the caller's other rows (a push of a hundred
    new drafts: one INSERT of a hundred changes on PostgreSQL)."""
    _lock(session, person_id)
    if doc is not None:
        entity, entity_id, body = doc
        row = Change(person_id=person_id, entity=entity, entity_id=entity_id, op="put",
                     payload=json.dumps(body, ensure_ascii=False, separators=(",", ":")),
                     at=utcnow())
    elif delete is not None:
        row = Change(person_id=person_id, entity=delete[0], entity_id=delete[1],
                     op="delete", payload=None, at=utcnow())
    else:
        return
    session.add(row)
    if new:
        return  # inserted at the next flush, together with the other new rows
    session.flush()
    session.execute(sql_delete(Change).where(
        col(Change.person_id) == person_id, col(Change.entity) == row.entity,
        col(Change.entity_id) == row.entity_id, col(Change.seq) < row.seq))


def head(session: Session, person_id: int) -> int:
    """The newest committed seq of a person (0 if none)."""
    return session.exec(select(func.coalesce(func.max(Change.seq), 0))
                        .where(Change.person_id == person_id)).one()


# Built once: every pull runs it, and building it costs more CPU than running it. Plain
# rows (with the columns as attributes), not ORM objects: a pull only reads them, and
# loading them into the session would double the Python time of a no-change pull.
_SINCE = (select(*Change.__table__.c)
          .where(Change.__table__.c.person_id == bindparam("person"),
                 Change.__table__.c.seq > bindparam("cursor"))
          .order_by(Change.__table__.c.seq).limit(bindparam("limit")))


def since(session: Session, person_id: int, cursor: int, limit: int) -> list[Row]:
    """Changes after `cursor`, oldest first, at most `limit`: rows with Change's columns
    as attributes (seq, entity, entity_id, op, payload, at)."""
    return list(session.connection().execute(_SINCE, {"person": person_id, "cursor": cursor,
                                                      "limit": limit}).all())
