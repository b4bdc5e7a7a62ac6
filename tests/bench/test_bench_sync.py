"""Benchmarks (`make bench`) of the sync protocol for the 35-year demo person in a
100,000-person SQLite database: bytes and time of a full sync, a pull with no changes and a
pull after one change (gzip as on the wire), and pulls per second on one worker."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from sqlmodel import Session, select

from api.domain.models import Person
from api.services import notices
from sync import protocol
from tests.bench.conftest import report
from tests.bench.wire import SyncClient, api_server

pytestmark = pytest.mark.bench

# wrk: one single-use request proof per request, from a file made beforehand.
WRK_PROOFS = """
local proofs, n = {}, 0
for line in io.lines("PROOFS") do proofs[#proofs + 1] = line end
request = function()
  n = n + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Device-Proof"] = proofs[(n - 1) % #proofs + 1]
  return wrk.format(nil, nil, headers)
end
"""


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
        full = protocol.pull(s, person.id, "")
        full_ms = (time.perf_counter() - start) * 1000
        full_bytes = wire(full)
        report("sync, initial full sync (35-year person)", full_bytes / 1024, "KiB gzip")
        report("sync, initial full sync time", full_ms, "ms")
        report("sync, documents in the full sync", len(full["changes"]), "documents")
        start = time.perf_counter()
        noop = protocol.pull(s, person.id, full["cursor"])
        report("sync, pull with no changes", wire(noop), "bytes gzip")
        report("sync, pull with no changes time", (time.perf_counter() - start) * 1000, "ms")
        notices.publish(s, person.id, "contribution_due", month="2026-12")
        s.commit()
        start = time.perf_counter()
        one = protocol.pull(s, person.id, full["cursor"])
        one_ms = (time.perf_counter() - start) * 1000
        report("sync, pull after one change", wire(one), "bytes gzip")
        report("sync, pull after one change time", one_ms, "ms")
        report("sync, full re-download / one-change delta", full_bytes / wire(one), "x")
        runs, start = 2000, time.perf_counter()
        for _ in range(runs):
            protocol.pull(s, person.id, one["cursor"])
        report("sync, no-change pulls on one worker (protocol, no HTTP)",
               runs / (time.perf_counter() - start), "pulls/s")


def test_no_change_pulls_per_second_over_http(big_sqlite: str, tmp_path: Path) -> None:
    """The server as deployed (granian, one worker) answering no-op pulls, loaded by wrk.

    A device proof is valid for 120 s, so wrk can repeat one request with fixed headers.
    """
    if shutil.which("wrk") is None:
        pytest.skip("wrk missing: `make bench` installs it (apt-get install wrk)")
    with api_server(big_sqlite, tmp_path / "issuer.pem", workers=1) as url:
        phone = SyncClient(url, big_sqlite)
        cursor, _ = phone.pull_all()
        path = f"/api/sync/pull?since={cursor}&limit=500"
        cookie = "; ".join(f"{k}={v}" for k, v in phone.http.cookies.items())
        # Proofs are single-use: wrk sends a fresh one with every request, made beforehand
        # (far more than 10 s of pulls can use) and read by a small Lua script.
        proofs = tmp_path / "proofs.txt"
        proofs.write_text("\n".join(phone.device.proof("GET", path) for _ in range(40000)))
        script = tmp_path / "proofs.lua"
        script.write_text(WRK_PROOFS.replace("PROOFS", str(proofs)))
        args = ["wrk", "-t", "1", "-c", "8", "-d", "10s", "--latency", "-s", str(script),
                "-H", f"Cookie: {cookie}", "-H", "Accept-Encoding: gzip"]
        out = subprocess.run(args + [url + path], capture_output=True, text=True,
                             check=True).stdout
    assert "Non-2xx" not in out, out  # every pull answered 200, none refused
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    report("sync, no-change pulls over HTTP, one worker (granian + wrk, 8 connections)",
           rate, "pulls/s")
    print(f"BENCH sync, no-change pull latency p99 over HTTP: {p99}", flush=True)
