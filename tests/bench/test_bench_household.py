"""Household renewal quotes per second for households of 1 to 10 members (issue 16).

Service level on PostgreSQL: api/services/household.quote with a session of its own per
quote, as the route runs it (the household, its members with their cards in one query,
the rules, the lines explained in Vietnamese), without HTTP and the device proof. On a
throw-away database seeded with BENCH_HOUSEHOLD_PEOPLE people (10,000 by default), where a
household of each size 1..10 is made of people in no household yet, all insured as a
household (group GD)."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time

import pytest
from sqlalchemy import text
from sqlmodel import Session

from api.seed import generator
from api.services import household
from tests.bench.conftest import report
from tests.conftest import migrate, postgres_database

pytestmark = pytest.mark.bench
PEOPLE = int(os.environ.get("BENCH_HOUSEHOLD_PEOPLE", "10000"))
SIZES = range(1, 11)
QUOTES = 100  # per round
ROUNDS = 5  # per household size
TODAY = dt.date(2026, 11, 26)


def _households(eng) -> dict[int, tuple[int, list[str]]]:
    """A household of each size: head id and members' codes (people in no household)."""
    made = {}
    with eng.begin() as conn:
        free = conn.execute(text(
            "SELECT p.id, p.code FROM person p WHERE NOT EXISTS (SELECT 1 FROM householdmember"
            " m WHERE m.person_id = p.id) AND NOT EXISTS (SELECT 1 FROM household h WHERE "
            "h.head_id = p.id) AND EXISTS (SELECT 1 FROM healthcard c WHERE c.person_id = "
            "p.id) ORDER BY p.id LIMIT :n"), {"n": sum(SIZES) + len(SIZES)}).all()
        cursor = 0
        for size in SIZES:
            head, members = free[cursor], free[cursor + 1:cursor + 1 + size]
            cursor += size + 1
            hid = conn.execute(text(
                "INSERT INTO household (head_id, province_code, address) VALUES (:h, '01', '')"
                " RETURNING id"), {"h": head.id}).scalar()
            for position, member in enumerate(members, 1):
                conn.execute(text("INSERT INTO householdmember (household_id, person_id, "
                                  "position) VALUES (:h, :p, :n)"),
                             {"h": hid, "p": member.id, "n": position})
                conn.execute(text("UPDATE healthcard SET group_code = 'GD', valid_to = :d "
                                  "WHERE person_id = :p"),
                             {"p": member.id, "d": TODAY + dt.timedelta(days=10)})
            made[size] = (head.id, [m.code for m in members])
    return made


def test_renewal_quotes_per_second_by_household_size() -> None:
    databases = postgres_database()
    url = next(databases)
    try:
        eng = migrate(url)
        generator.run(eng, people=PEOPLE, seed=1, today=TODAY)
        for size, (head, codes) in _households(eng).items():
            for _ in range(50):  # warm the connection pool, the statement cache, the catalogs
                with Session(eng) as session:
                    household.quote(session, head, codes, 12, TODAY)
            rates, cpu = [], []
            for _ in range(ROUNDS):  # the median of rounds: the machine is shared
                start, start_cpu = time.perf_counter(), time.process_time()
                for _ in range(QUOTES):
                    with Session(eng) as session:
                        answer = household.quote(session, head, codes, 12, TODAY)
                rates.append(QUOTES / (time.perf_counter() - start))
                cpu.append((time.process_time() - start_cpu) / QUOTES * 1000)
            assert len(answer["lines"]) == size
            what = f"{size} member{'s' * (size > 1)} (service, PostgreSQL, {PEOPLE:,} people)"
            report(f"household renewal quote, {what}, median of {ROUNDS}",
                   statistics.median(rates), "quotes/s")
            report(f"household renewal quote, {what}, this process's CPU per quote",
                   statistics.median(cpu), "ms")
        eng.dispose()
    finally:
        databases.close()
