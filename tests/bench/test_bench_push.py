"""Benchmarks (`make bench`) of notices and web push (issue 14), on the machine's PostgreSQL:

- pushes sent per second to a push service on loopback for 10,000 subscriptions, each
  encrypted (aes128gcm) and signed (VAPID) by the real sender, with the memory it took;
- the notice scheduler (`make notify`) over 1,000,000 people: time for a run that finds
  every occasion of the day, and for the run after it, which finds them all made.

The push service is a separate process (aiohttp, answering 201), so the sender's figures
are not the test server's."""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from api.db import engine_for
from api.push import sender
from api.seed import generator
from api.services import notice_schedule
from tests.aio import run_apart
from tests.bench.conftest import report
from tests.bench.seeded_pg import seeded
from tests.conftest import free_port, migrate, postgres_database
from tests.pushkit import Subscriber

pytestmark = pytest.mark.bench
SUBSCRIPTIONS = 10_000
# A push service that accepts everything, counts it and keeps one body to decrypt.
PUSH_SERVICE = """
import sys
from aiohttp import web
seen = {"count": 0, "first": b""}
async def push(request):
    body = await request.read()
    seen["count"] += 1
    if not seen["first"]:
        seen["first"] = body
    return web.Response(status=201)
async def count(request):
    return web.json_response({"count": seen["count"], "first": seen["first"].hex()})
app = web.Application()
app.add_routes([web.post("/push/{id}", push), web.get("/count", count)])
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
"""


@pytest.fixture
def push_service(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    script = tmp_path / "push_service.py"
    script.write_text(PUSH_SERVICE)
    proc = subprocess.Popen([sys.executable, str(script), str(port)])
    origin = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(origin + "/count", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield origin
    proc.terminate()
    proc.wait(timeout=10)


def _subscribe_everyone(eng: Engine, origin: str, subscriber: Subscriber, count: int) -> None:
    """A bound device with one push subscription for each of `count` people (rows written
    directly: the subscribe route is tested elsewhere, this measures sending)."""
    sub = subscriber.subscription()
    now = dt.datetime.now(dt.UTC)
    with eng.begin() as conn:
        people = [pid for (pid,) in conn.execute(
            text("SELECT id FROM person ORDER BY id LIMIT :n"), {"n": count})]
        conn.execute(text(
            "INSERT INTO device (person_id, key_thumbprint, public_jwk, name, bound_at, "
            "last_seen, revoked_reason) VALUES (:p, :t, '{}', 'Bench phone', :now, :now, '')"),
            [{"p": pid, "t": f"bench-{pid}", "now": now} for pid in people])
        devices = dict(conn.execute(text("SELECT person_id, id FROM device")).all())
        conn.execute(text(
            "INSERT INTO pushsubscription (person_id, device_id, endpoint, p256dh, auth, "
            "created_at) VALUES (:p, :d, :e, :k, :a, :now)"),
            [{"p": pid, "d": devices[pid], "e": f"{origin}/push/{pid}",
              "k": sub["keys"]["p256dh"], "a": sub["keys"]["auth"], "now": now}
             for pid in people])
        # Everyone's card ends in ten days: the scheduler makes one notice each.
        conn.execute(text("UPDATE healthcard SET valid_to = :d"),
                     {"d": dt.date.today() + dt.timedelta(days=10)})


def test_pushes_per_second_for_ten_thousand_subscriptions(push_service: str) -> None:
    gen = postgres_database()
    url = next(gen)
    try:
        eng = migrate(url)
        generator.run(eng, people=SUBSCRIPTIONS, seed=3)
        subscriber = Subscriber(SimpleNamespace(origin=push_service))
        _subscribe_everyone(eng, push_service, subscriber, SUBSCRIPTIONS)
        with Session(eng) as session:
            started = time.perf_counter()
            made = notice_schedule.run(session, dt.date.today(), ("card_expiring",))
            scheduled = time.perf_counter() - started
            rss_before = _rss_mib()
            started = time.perf_counter()
            result = run_apart(sender.send_due(session))
            elapsed = time.perf_counter() - started
            rss_after = _rss_mib()
        seen = httpx.get(push_service + "/count").json()
        assert made["card_expiring"] >= SUBSCRIPTIONS  # every card (a few people have none)
        assert result.sent == seen["count"] == SUBSCRIPTIONS, (result, seen["count"])
        first = json.loads(_decrypt(subscriber, bytes.fromhex(seen["first"])))
        assert first["kind"] == "card_expiring"  # really encrypted for the subscription
        report(f"push: {made['card_expiring']:,} notices made, {SUBSCRIPTIONS:,} pushes queued, "
               "by the scheduler", scheduled, "s")
        report(f"push: sent to a loopback push service, {SUBSCRIPTIONS:,} subscriptions, "
               f"aes128gcm + VAPID, {os.environ.get('PUSH_CONCURRENCY', '50')} in flight",
               SUBSCRIPTIONS / elapsed, "pushes/s")
        report("push: memory the sending added to the process (resident set)",
               rss_after - rss_before, "MiB")
        report("push: the test process's max RSS",
               resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "MiB")
    finally:
        engine_for(url).dispose()
        gen.close()


def _rss_mib() -> float:
    """The process's resident memory now (not its peak), from /proc."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _decrypt(subscriber: Subscriber, body: bytes) -> bytes:
    import http_ece

    return http_ece.decrypt(body, private_key=subscriber.key, auth_secret=subscriber.auth,
                            version="aes128gcm")


@pytest.mark.timeout(3600)
def test_scheduler_over_a_million_people() -> None:
    url = seeded(1_000_000, report=lambda line: print(f"BENCH {line}", flush=True))
    eng = engine_for(url)
    with eng.begin() as conn:  # what an earlier run made: this one starts from none
        conn.execute(text("DELETE FROM pushoutbox"))
        conn.execute(text("DELETE FROM change WHERE entity = 'notice' AND entity_id IN "
                          "(SELECT CAST(id AS TEXT) FROM notice WHERE due_key IS NOT NULL)"))
        conn.execute(text("DELETE FROM notice WHERE due_key IS NOT NULL"))
    today = dt.date.today().replace(day=15)  # after the 10th: the arrears rule runs too
    with Session(eng) as session:
        started = time.perf_counter()
        made = notice_schedule.run(session, today)
        first = time.perf_counter() - started
        started = time.perf_counter()
        again = notice_schedule.run(session, today)
        second = time.perf_counter() - started
    assert sum(again.values()) == 0
    report("scheduler, 1,000,000 people on PostgreSQL, notices made: " + ", ".join(
        f"{kind} {count:,}" for kind, count in sorted(made.items())), sum(made.values()),
        "notices")
    report("scheduler, 1,000,000 people: first run of the day", first, "s")
    report("scheduler, 1,000,000 people: notices made per second",
           sum(made.values()) / first, "notices/s")
    report("scheduler, 1,000,000 people: a second run (everything made already)", second, "s")
