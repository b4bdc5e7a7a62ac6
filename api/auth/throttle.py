"""Rate limits kept in the database, so they hold across workers and restarts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlmodel import Session, col, func, select

from api.auth.models import Attempt
from api.clock import utcnow


class Throttled(Exception):
    """Over the limit; `retry_after` seconds until the oldest counted attempt expires."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


def check(session: Session, scope: str, key: str, limit: int, window: dt.timedelta,
          now: dt.datetime | None = None) -> None:
    """Raise Throttled when `limit` attempts were counted for (scope, key) in `window`."""
    if not key:
        return
    now = now or utcnow()
    since = now - window
    count, oldest = session.exec(
        select(func.count(), func.min(Attempt.at)).where(
            Attempt.scope == scope, Attempt.key == key, Attempt.at > since)).one()
    if count >= limit:
        if oldest is not None and oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=dt.UTC)  # SQLite returns naive values
        wait = (oldest + window - now).total_seconds() if oldest else window.total_seconds()
        raise Throttled(max(1, int(wait) + 1))


def recent(session: Session, scope: str, key: str, window: dt.timedelta,
           now: dt.datetime | None = None) -> int:
    """How many attempts were counted for (scope, key) in `window`."""
    if not key:
        return 0
    since = (now or utcnow()) - window
    return session.exec(select(func.count()).select_from(Attempt).where(
        Attempt.scope == scope, Attempt.key == key, Attempt.at > since)).one()


def count(session: Session, scope: str, key: str, now: dt.datetime | None = None) -> None:
    """Count one attempt (and forget this key's attempts older than a day)."""
    if not key:
        return
    now = now or utcnow()
    session.execute(delete(Attempt).where(col(Attempt.scope) == scope, col(Attempt.key) == key,
                                       col(Attempt.at) < now - dt.timedelta(days=1)))
    session.add(Attempt(scope=scope, key=key, at=now))
