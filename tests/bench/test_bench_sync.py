"""Benchmarks (`make bench`) of the sync protocol for the 35-year demo person in a
100,000-person SQLite database: bytes and time of a full sync, a pull with no changes and a
pull after one change (gzip as on the wire), and pulls per second on one worker."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest
from sqlmodel import Session, select

from api.domain.models import Person
from api.services import notices
from sync import protocol
from tests.bench.conftest import report

pytestmark = pytest.mark.bench


def wire(answer: dict) -> int:
    """Bytes on the wire: the JSON, gzip-compressed as the API sends it."""
    return len(gzip.compress(json.dumps(answer, ensure_ascii=False).encode()))


def test_sync_bytes_and_pull_rate(big_sqlite: str, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DB_URL", big_sqlite)
    monkeypatch.setenv("CARD_KEY_FILE", str(tmp_path / "k.pem"))
    from api.db import engine

    with Session(engine()) as s:
        person = s.exec(select(Person).where(Person.code == "0123456789")).one()
        start = time.perf_counter()
        full = protocol.pull(s, person, "")
        full_ms = (time.perf_counter() - start) * 1000
        full_bytes = wire(full)
        report("sync, initial full sync (35-year person)", full_bytes / 1024, "KiB gzip")
        report("sync, initial full sync time", full_ms, "ms")
        report("sync, documents in the full sync", len(full["changes"]), "documents")
        start = time.perf_counter()
        noop = protocol.pull(s, person, full["cursor"])
        report("sync, pull with no changes", wire(noop), "bytes gzip")
        report("sync, pull with no changes time", (time.perf_counter() - start) * 1000, "ms")
        notices.publish(s, person.id, "contribution_due", month="2026-12")
        s.commit()
        start = time.perf_counter()
        one = protocol.pull(s, person, full["cursor"])
        one_ms = (time.perf_counter() - start) * 1000
        report("sync, pull after one change", wire(one), "bytes gzip")
        report("sync, pull after one change time", one_ms, "ms")
        report("sync, full re-download / one-change delta", full_bytes / wire(one), "x")
        runs, start = 2000, time.perf_counter()
        for _ in range(runs):
            protocol.pull(s, person, one["cursor"])
        report("sync, no-change pulls on one worker (protocol, no HTTP)",
               runs / (time.perf_counter() - start), "pulls/s")
