"""Benchmarks (`make bench`): seed rate and the time to build a page's data for the demo
citizen with 35 years of history in a 100,000-person database. Figures are printed with
their units; nothing here fails on a number."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import Session, select

from api.domain.models import Person
from api.seed import generator
from api.services import wallet
from tests.bench.conftest import report
from tests.conftest import migrate, postgres_database

pytestmark = pytest.mark.bench
PEOPLE = 100_000


def median_ms(fn: Callable[[], object], runs: int = 30) -> float:
    fn()  # warm caches once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def test_seed_rate_postgresql() -> None:
    gen = postgres_database()
    url = next(gen)
    try:
        eng = migrate(url)
        start = time.perf_counter()
        written = generator.run(eng, people=20_000, seed=1)
        report("seed PostgreSQL, 20,000 people", written / (time.perf_counter() - start),
               "people/s")
    finally:
        gen.close()


def test_page_data_for_35_years(big_sqlite: str, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DB_URL", big_sqlite)
    monkeypatch.setenv("CARD_KEY_FILE", str(tmp_path / "k.pem"))
    from api.db import engine

    with Session(engine()) as s:
        pid = s.exec(select(Person.id).where(Person.code == "0123456789")).one()
        views = {
            "home": lambda: wallet.home_view(s, pid, "vi"),
            "card (incl. ES256 signature and QR SVG)": lambda: wallet.card_view(s, pid, "vi"),
            "participation history (35 years)": lambda: wallet.participation_view(s, pid, "vi"),
            "benefits": lambda: wallet.benefits_view(s, pid, "vi"),
            "medical history": lambda: wallet.visits_view(s, pid, "vi"),
            "profile": lambda: wallet.profile_view(s, pid, "vi"),
        }
        total = 0.0
        for name, fn in views.items():
            ms = median_ms(fn)
            total += ms
            report(f"page data, {name}, 100k-person SQLite", ms, "ms (median)")
        report("page data, all six pages", total, "ms")
