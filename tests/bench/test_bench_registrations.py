"""Benchmark (`make bench`): the officer console's registrations queue on PostgreSQL with
100,000 registrations, ~65,000 of them open in the officer's province: the first page, a
filtered page, searches, a deep page and one registration's detail. Registrations carry no
photo here (a page never reads photos: they are deferred). Figures are printed with their
units; nothing here fails on a number."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from api.auth.models import StaffAccount
from api.seed import generator
from api.services import registration_queue
from tests.bench.conftest import report
from tests.bench.test_bench_data import median_ms
from tests.conftest import migrate, postgres_database

pytestmark = pytest.mark.bench
REGISTRATIONS = 100_000
# One INSERT ... SELECT: every 10th registration in another province, 6 in 10 in the
# officer's (79); statuses 7 submitted : 1 asked : 1 approved : 1 refused; 7 in 10
# scanned; one in 17 with a name that differs from the record; a minute apart.
FILL = """
INSERT INTO registration (person_id, province_code, citizen_id, old_id, full_name, dob, sex,
    address, phone, email, scanned, status, submitted_at, updated_at, reason)
SELECT p.id, CASE WHEN g % 10 < 6 THEN '79' ELSE p.province_code END, p.citizen_id, '',
    p.full_name || CASE WHEN g % 17 = 0 THEN ' Thị' ELSE '' END, p.dob, p.sex, '',
    p.phone, '', g % 10 < 7,
    (ARRAY['submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'submitted',
           'submitted', 'needs_info', 'done', 'rejected'])[1 + g % 10],
    now() - g * interval '1 minute', now() - g * interval '1 minute', ''
FROM generate_series(1, :n) AS g
JOIN person p ON p.id = (SELECT min(id) FROM person) + g % (SELECT count(*) FROM person)
"""


def test_registration_queue_with_100000_registrations() -> None:
    gen = postgres_database()
    url = next(gen)
    try:
        eng = migrate(url)
        generator.run(eng, people=2_000, seed=3)
        start = time.perf_counter()
        with eng.begin() as conn:
            conn.execute(text(FILL), {"n": REGISTRATIONS})
        # What autovacuum does after so many inserts (PostgreSQL 13+): statistics, and the
        # visibility map that lets a count read the queue index alone.
        with eng.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE registration"))
        report(f"insert {REGISTRATIONS:,} registrations (one INSERT ... SELECT)",
               time.perf_counter() - start, "s")
        with Session(eng) as s:
            officer = s.exec(select(StaffAccount).where(StaffAccount.staff_code == "CB-01")
                             ).one()
            first = registration_queue.queue(s, officer)
            report("open registrations in the officer's province", first["total"],
                   "registrations")
            some = first["items"][0]
            cases = {
                "first page (open, oldest first, with the count)":
                    lambda: registration_queue.queue(s, officer),
                "filtered page (waiting for an officer, typed)":
                    lambda: registration_queue.queue(s, officer, "submitted", "typed"),
                "search by personal ID (12 digits)":
                    lambda: registration_queue.queue(s, officer, "open", "",
                                                     s.get(registration_queue.Registration,
                                                           some["id"]).citizen_id),
                "search by a name fragment":
                    lambda: registration_queue.queue(s, officer, "open", "", "Thị"),
                "page 1,000 (offset 19,980)":
                    lambda: registration_queue.queue(s, officer, page=1000),
                "one registration beside the record, with the audit trail":
                    lambda: registration_queue.detail(
                        s, registration_queue.registration_of(s, officer, some["id"])),
            }
            for name, run in cases.items():
                report(f"registration queue, {name}", median_ms(run, runs=20), "ms")
    finally:
        gen.close()
