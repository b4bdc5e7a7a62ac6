"""Payment callbacks per second with idempotency (issue 16), service level on PostgreSQL:
api/payments/orders.receive with a session of its own per callback, as the route runs it
(HMAC check, the order locked FOR UPDATE, the nonce looked up, the callback logged), without
HTTP. Two figures: distinct orders paid (each one extends a card, draws its new signed QR
and card for the phone's sync, and publishes a notice), and the same order's callback sent
again with a fresh signature (a duplicate: checked, logged, nothing applied). On a throw-away
database seeded with BENCH_PAYMENT_PEOPLE people (2,000 by default) and the demo household."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time

import pytest
from sqlmodel import Session, select

from api.domain.models import HealthCard, Person
from api.payments import orders, simulated
from api.seed import generator
from api.seed.demo import DEMO_PEOPLE, HOUSEHOLD_HEAD
from tests.bench.conftest import report
from tests.conftest import migrate, postgres_database

pytestmark = pytest.mark.bench
PEOPLE = int(os.environ.get("BENCH_PAYMENT_PEOPLE", "2000"))
ORDERS = 100  # distinct orders paid per round
REPEATS = 200  # duplicate callbacks per round
ROUNDS = 3
TODAY = dt.date(2026, 11, 26)
WIFE = next(d.code for d in DEMO_PEOPLE if d.household_head == HOUSEHOLD_HEAD)


def _orders(eng, head_id: int, count: int) -> list[tuple[str, int]]:
    made = []
    with Session(eng) as session:
        for _ in range(count):
            order = orders.create_household(session, head_id, [WIFE], 3, TODAY)
            made.append((order.id, order.amount))
        session.commit()
    return made


def _signed(eng, order_id: str, amount: int) -> dict[str, object]:
    with Session(eng) as session:
        return simulated.sign(session, order_id, amount, "success")


def _rate(eng, payloads: list[dict[str, object]], expected: str) -> tuple[float, float]:
    start, start_cpu = time.perf_counter(), time.process_time()
    for payload in payloads:
        with Session(eng) as session:
            _, outcome = orders.receive(session, payload, "{}", today=TODAY)
        assert outcome == expected
    elapsed = time.perf_counter() - start
    return len(payloads) / elapsed, (time.process_time() - start_cpu) / len(payloads) * 1000


def test_callbacks_per_second_with_idempotency(monkeypatch: pytest.MonkeyPatch) -> None:
    databases = postgres_database()
    url = next(databases)
    try:
        monkeypatch.setenv("PAYMENT_SECRET", "bench-secret")
        eng = migrate(url)
        generator.run(eng, people=PEOPLE, seed=1, today=TODAY)
        with Session(eng) as session:
            head_id = session.exec(select(Person.id).where(Person.code == HOUSEHOLD_HEAD)).one()
        applied, duplicate = [], []
        for _ in range(ROUNDS):  # the median of rounds: the machine is shared
            made = _orders(eng, head_id, ORDERS)
            applied.append(_rate(eng, [_signed(eng, *o) for o in made], "applied"))
            again = [_signed(eng, *made[i % len(made)]) for i in range(REPEATS)]
            duplicate.append(_rate(eng, again, "duplicate"))
        with Session(eng) as session:
            card = session.exec(select(HealthCard).join(Person).where(
                Person.code == WIFE)).one()
        # Every order paid once: 3 months each, whatever came twice.
        assert card.valid_to > TODAY + dt.timedelta(days=ROUNDS * ORDERS * 3 * 28)
        for label, runs in (("distinct orders paid", applied),
                            ("same callback again (duplicate)", duplicate)):
            report(f"payment callbacks, {label} (service, PostgreSQL)",
                   statistics.median(r for r, _ in runs), "callbacks/s")
            report(f"payment callbacks, {label}, CPU per callback",
                   statistics.median(c for _, c in runs), "ms")
    finally:
        databases.close()
