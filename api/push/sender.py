"""Sending notices as web pushes (pywebpush: RFC 8291 aes128gcm encryption, RFC 8292 VAPID).

A notice published for a person (api/services/notices.py) is queued for each of their
subscriptions (`queue`, in the notice's own transaction). `send_due` then pushes what is
due:

- **Claimed before sending**: a sender takes a batch of due rows by moving their next try
  LEASE_SECONDS ahead in one statement (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so two
  senders at once, or a second run, never take the same row. A row is deleted once its
  push is accepted (201), so it is never sent again; a sender that dies mid-way leaves its
  rows to come back after the lease, and the push's `Topic` lets the push service replace
  an undelivered copy rather than show it twice.
- **Gone**: 404 or 410 means the browser dropped the subscription: it is deleted.
- **Busy**: 429 and 5xx (or no answer within PUSH_TIMEOUT) are tried again after a
  back-off that doubles from BACKOFF_SECONDS (or the service's Retry-After, if longer),
  MAX_TRIES times at most; other 4xx are not retried.
- **Bounded**: at most PUSH_CONCURRENCY pushes in flight, on one keep-alive session, each
  with its own timeout, so one slow push service holds up only its own pushes.

The payload carries the notice's kind and parameters, never a translated text: the
service worker words it in the phone's language from the same catalogs, offline.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import aiohttp
from pywebpush import WebPushException, webpush_async
from sqlalchemy import delete, select, update
from sqlmodel import Session, col

from api.clock import utcnow
from api.config import settings
from api.domain.models import Notice, Person
from api.push import keys
from api.push.models import PushOutbox, PushSubscription
from locales import labels

log = logging.getLogger(__name__)

BATCH = 500  # rows claimed at a time
LEASE_SECONDS = 120  # a claimed row comes back after this if its sender died
BACKOFF_SECONDS = 30
MAX_TRIES = 6  # 30 s, 1, 2, 4, 8 min: about a quarter of an hour of trying
TTL_SECONDS = 4 * 24 * 3600  # how long a push service keeps a push for a phone that is off


def queue(session: Session, notices: list[Notice]) -> int:
    """Queue each notice for every subscription of its person, with one look-up for all of
    them (a scheduler batch is a thousand notices; caller commits); how many pushes."""
    if not notices:
        return 0
    subs = session.execute(select(PushSubscription.id, PushSubscription.person_id).where(
        col(PushSubscription.person_id).in_({n.person_id for n in notices}))).all()
    by_person: dict[int, list[int]] = {}
    for sub_id, pid in subs:
        by_person.setdefault(pid, []).append(sub_id)
    now = utcnow()
    rows = [PushOutbox(notice_id=n.id, subscription_id=sub_id, next_try_at=now)
            for n in notices for sub_id in by_person.get(n.person_id, ())]
    session.add_all(rows)
    return len(rows)


def payload(notice: Notice, lang: str) -> str:
    """What the phone's service worker receives (decrypted): enough to word the notice in
    its language and to open the right screen."""
    return json.dumps({"id": notice.id, "kind": notice.kind,
                       "params": json.loads(notice.params or "{}"),
                       "created": notice.created_at.isoformat(), "lang": lang,
                       "url": labels.NOTICE_SCREENS.get(notice.kind, "/notices")},
                      ensure_ascii=False, separators=(",", ":"))


@dataclass
class Report:
    """What one `send_due` did."""

    sent: int = 0
    gone: int = 0  # subscriptions deleted (404/410)
    retrying: int = 0
    given_up: int = 0
    statuses: dict[int, int] = field(default_factory=dict)

    def add_status(self, status: int) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1


@dataclass(frozen=True)
class _Job:
    row_id: int
    tries: int
    subscription: dict
    data: str
    topic: str


def _claim(session: Session, now: dt.datetime, limit: int) -> tuple[int, list[_Job]]:
    """Take up to `limit` due rows for this sender (committed: other senders skip them):
    how many were taken, and the pushes to make of them."""
    due = (select(PushOutbox.id).where(col(PushOutbox.next_try_at) <= now)
           .order_by(PushOutbox.id).limit(limit).with_for_update(skip_locked=True))
    claimed = session.execute(
        update(PushOutbox).where(col(PushOutbox.id).in_(due.scalar_subquery()))
        .values(next_try_at=now + dt.timedelta(seconds=LEASE_SECONDS),
                tries=PushOutbox.tries + 1)
        .returning(PushOutbox.id, PushOutbox.tries, PushOutbox.notice_id,
                   PushOutbox.subscription_id)).all()
    session.commit()
    if not claimed:
        return 0, []
    notices = {n.id: n for n in session.execute(select(Notice).where(
        col(Notice.id).in_({c.notice_id for c in claimed}))).scalars()}
    subs = {s.id: s for s in session.execute(select(PushSubscription).where(
        col(PushSubscription.id).in_({c.subscription_id for c in claimed}))).scalars()}
    langs = dict(session.execute(select(Person.id, Person.lang).where(
        col(Person.id).in_({n.person_id for n in notices.values()}))).all())
    return len(claimed), [
        _Job(row.id, row.tries, {"endpoint": subs[row.subscription_id].endpoint, "keys": {
            "p256dh": subs[row.subscription_id].p256dh,
            "auth": subs[row.subscription_id].auth}},
            payload(notices[row.notice_id], langs.get(notices[row.notice_id].person_id, "vi")),
            f"notice-{row.notice_id}")
        # Both exist: deleting a subscription deletes its rows, and notices stay.
        for row in claimed if row.notice_id in notices and row.subscription_id in subs]


def _retry_after(exc: WebPushException, now: dt.datetime) -> float:
    value = exc.retry_after
    if not value:
        return 0.0
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - now).total_seconds())
    except (TypeError, ValueError):
        return 0.0


async def _push(http: aiohttp.ClientSession, limit: asyncio.Semaphore, pem: str,
                job: _Job) -> tuple[_Job, int | None, float]:
    """(job, HTTP status or None for no answer, Retry-After seconds)."""
    parts = urlsplit(job.subscription["endpoint"])
    headers = {"Authorization": keys.authorization(pem, f"{parts.scheme}://{parts.netloc}"),
               "Topic": job.topic, "Urgency": "normal"}
    async with limit:
        try:
            answer = await webpush_async(
                job.subscription, job.data, headers=headers, ttl=TTL_SECONDS,
                aiohttp_session=http,
                timeout=aiohttp.ClientTimeout(total=settings().push_timeout))
            return job, answer.status, 0.0
        except WebPushException as exc:
            return job, exc.status_code, _retry_after(exc, utcnow())
        except (TimeoutError, aiohttp.ClientError, OSError):
            return job, None, 0.0


def _settle(session: Session, results: list[tuple[_Job, int | None, float]],
            report: Report, now: dt.datetime) -> None:
    """Record what the push services answered (`now`: the run's clock)."""
    done, gone = [], []
    for job, status, wait in results:
        report.add_status(status or 0)
        if status is not None and status < 300:
            done.append(job.row_id)
            report.sent += 1
        elif status in (404, 410):
            gone.append(job.row_id)
            report.gone += 1
        elif (status is None or status == 429 or status >= 500) and job.tries < MAX_TRIES:
            backoff = max(wait, BACKOFF_SECONDS * 2 ** (job.tries - 1))
            session.execute(update(PushOutbox).where(col(PushOutbox.id) == job.row_id)
                            .values(next_try_at=now + dt.timedelta(seconds=backoff)))
            report.retrying += 1
        else:
            log.warning("push to %s given up: %s after %d tries",
                        urlsplit(job.subscription["endpoint"]).netloc, status, job.tries)
            done.append(job.row_id)
            report.given_up += 1
    if done:
        session.execute(delete(PushOutbox).where(col(PushOutbox.id).in_(done)))
    if gone:
        dead = select(PushOutbox.subscription_id).where(col(PushOutbox.id).in_(gone))
        dead_ids = [s for (s,) in session.execute(dead).all()]
        session.execute(delete(PushOutbox).where(
            col(PushOutbox.subscription_id).in_(dead_ids)))
        session.execute(delete(PushSubscription).where(col(PushSubscription.id).in_(dead_ids)))
    session.commit()


async def send_due(session: Session, now: dt.datetime | None = None) -> Report:
    """Push every queued notice that is due, batch after batch, until none is left. `now`:
    the clock to use (tests move it forward; the real time by default)."""
    report = Report()
    pem = keys.private_pem(session)
    limit = asyncio.Semaphore(settings().push_concurrency)
    connector = aiohttp.TCPConnector(limit=settings().push_concurrency)
    async with aiohttp.ClientSession(connector=connector) as http:
        while True:
            taken, jobs = _claim(session, now or utcnow(), BATCH)
            if not taken:
                break
            results = await asyncio.gather(*(_push(http, limit, pem, job) for job in jobs))
            _settle(session, list(results), report, now or utcnow())
    return report
