"""Shared benchmark fixtures: one 100,000-person SQLite database per run."""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

import pytest

from api.seed import generator
from tests.browser.conftest import browser, server  # noqa: F401  (one browser, one app for all)
from tests.conftest import migrate

# 100,000 as the issues ask; BENCH_PEOPLE makes a quick run while working on a benchmark.
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "100000"))


def report(name: str, value: float, unit: str) -> None:
    """Print one figure with its unit (collected by `make bench`)."""
    print(f"BENCH {name}: {value:,.2f} {unit}", flush=True)


@pytest.fixture(scope="session")
def big_sqlite(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('bench') / 'big.db'}"
    eng = migrate(url)
    start = time.perf_counter()
    written = generator.run(eng, people=PEOPLE, seed=1)
    elapsed = time.perf_counter() - start
    report(f"seed SQLite, {PEOPLE:,} people", written / elapsed, "people/s")
    report("seed SQLite, total time", elapsed, "s")
    report("peak memory of the process (max RSS)",
           resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "MiB")
    report("SQLite file size", Path(url.removeprefix("sqlite:///")).stat().st_size / 2**20, "MiB")
    return url


