"""Service requests at a province's scale, on PostgreSQL (issue 15):

- the officer's queue with 100,000 pending requests in their province: time to the first
  page, to a page filtered by kind, by status, by a person's code, and to the next page,
  each over HTTP through the console's route (device proof, session, JSON), median of 20;
- requests submitted per second through the sync push (sync/protocol.push: form checks, the
  request, its first event, its notice and change-log rows, the mutation's once-only row),
  one transaction per push as the route does, on the 100,000-person database.

The 100,000 requests are written with one INSERT ... SELECT (the seed's people of province
01, the demo officer CB-02's), then analysed, and removed afterwards."""

from __future__ import annotations

import statistics
import time
import uuid

import pytest
from sqlalchemy import text
from sqlmodel import Session, select
from starlette.testclient import TestClient

from api.db import engine_for
from api.domain.models import Person
from api.http.app import build
from sync import protocol
from tests.bench.conftest import report
from tests.bench.seeded_pg import seeded
from tests.conftest import reset_logins
from tests.devicekit import Device, sms_login

pytestmark = pytest.mark.bench
PENDING = 100_000
RUNS = 20
SUBMITS = 2_000


@pytest.fixture(scope="module")
def pg(monkeypatch_module) -> str:
    url = seeded(100_000, report=lambda line: print(f"BENCH {line}", flush=True))
    monkeypatch_module.setenv("DB_URL", url)
    monkeypatch_module.setenv("SMS_GATEWAY", "outbox")
    eng = engine_for(url)
    reset_logins(eng)
    with eng.begin() as conn:
        conn.execute(text("DELETE FROM caseevent WHERE case_kind = 'request'"))
        conn.execute(text("DELETE FROM requestattachment"))
        conn.execute(text("DELETE FROM servicerequest"))
        # 100,000 pending requests in Hà Nội (01): the people of 01 in turn, spread over a
        # month, the kinds and the open statuses as a real queue would hold them.
        conn.execute(text("""
            INSERT INTO servicerequest (id, person_id, province_code, kind, fields, text,
                                        status, submitted_at, updated_at, reason)
            SELECT 'bench-' || g, p.id, '01',
                   (ARRAY['reissue_card','reissue_book','pension_payment','authorise',
                          'voluntary','other'])[1 + g % 6], '{}', 'bench',
                   (ARRAY['submitted','submitted','received','needs_info'])[1 + g % 4],
                   now() - make_interval(secs => g * 26), now(), ''
            FROM generate_series(1, :n) AS g
            JOIN LATERAL (SELECT id FROM person WHERE province_code = '01'
                          ORDER BY id OFFSET (g % 500) LIMIT 1) p ON true"""), {"n": PENDING})
        conn.execute(text("ANALYZE servicerequest"))
    yield url
    with eng.begin() as conn:
        conn.execute(text("DELETE FROM caseevent WHERE case_kind = 'request'"))
        conn.execute(text("DELETE FROM servicerequest"))
        conn.execute(text("DELETE FROM notice WHERE kind LIKE 'request_%'"))


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _median_ms(client: TestClient, device: Device, path: str) -> tuple[float, dict]:
    times, body = [], {}
    for _ in range(RUNS):
        start = time.perf_counter()
        answer = client.get(path, headers=device.headers("GET", path))
        times.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200, answer.text
        body = answer.json()
    return statistics.median(times), body


def test_request_queue_with_100000_pending(pg: str) -> None:
    eng = engine_for(pg)
    client, device = TestClient(build(), raise_server_exceptions=False), Device()
    sms_login(client, eng, device, staff_code="CB-02")
    ms, first = _median_ms(client, device, "/api/officer/requests")
    assert len(first["items"]) == 50 and first["next"]
    assert first["counts"]["submitted"] + first["counts"]["received"] >= 0.7 * PENDING
    report("officer queue, first page of 100,000 pending (HTTP, median of 20)", ms, "ms")
    ms, _ = _median_ms(client, device, "/api/officer/requests?kind=voluntary")
    report("officer queue, filtered by kind", ms, "ms")
    ms, _ = _median_ms(client, device, "/api/officer/requests?status=needs_info")
    report("officer queue, filtered by status (needs more information)", ms, "ms")
    code = first["items"][0]["code"]
    ms, found = _median_ms(client, device, f"/api/officer/requests?q={code}")
    assert found["items"] and all(i["code"] == code for i in found["items"])
    report("officer queue, one person's requests by code", ms, "ms")
    after = first["next"].replace("+", "%2B")
    ms, second = _median_ms(client, device, f"/api/officer/requests?after={after}")
    assert second["items"][0]["submitted"] >= first["items"][-1]["submitted"]
    report("officer queue, next page", ms, "ms")
    request_id = first["items"][0]["id"]
    ms, _ = _median_ms(client, device, f"/api/officer/requests/{request_id}")
    report("officer queue, one request beside the person's record", ms, "ms")


def test_requests_submitted_per_second_through_sync(pg: str) -> None:
    eng = engine_for(pg)
    with Session(eng) as session:
        people = session.exec(select(Person).where(Person.province_code == "79")
                              .order_by(Person.id).limit(SUBMITS)).all()
        for person in people:
            session.expunge(person)
    start = time.perf_counter()
    for person in people:
        with Session(eng) as session:
            answer = protocol.push(session, person, [{
                "id": str(uuid.uuid4()), "type": "request.submit", "data": {
                    "request_id": str(uuid.uuid4()), "kind": "reissue_book",
                    "fields": {"reason": "damaged"}, "text": "Sổ bị ướt, rách bìa."}}], "vi")
            session.commit()
        assert answer["acked"], answer
    elapsed = time.perf_counter() - start
    report(f"requests submitted through the sync push ({len(people):,} people, one push "
           "and one transaction each, one thread)", len(people) / elapsed, "requests/s")
    with eng.begin() as conn:
        conn.execute(text("DELETE FROM appliedmutation WHERE kind = 'request.submit'"))
