"""Our delta sync beside PouchDB replicating to express-pouchdb (both from the npm registry),
on the same documents of the 35-year demo person, in four phases: initial pull, no-op pull,
pull of 100 changes (90 new documents, 10 deletes), push of 100 edits made offline.
Both run over real HTTP with gzip (our pushes gzip-compressed, as the phone sends them);
bytes are counted at the socket by the same proxy. Both servers are warmed up first,
untimed: a full pull, a pull with nothing new and a push of throwaway drafts. Each phase is
timed RUNS times on both sides and the medians are compared; each phase ends with a line
saying whether ours was faster and smaller than PouchDB in this run."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import statistics
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from sqlmodel import Session, select

from api.db import engine_for
from api.domain.models import Person
from api.services import notices
from sync import changes
from tests.bench.conftest import report
from tests.bench.wire import AN, ROOT, CountingProxy, SyncClient, api_server
from tests.conftest import free_port

pytestmark = pytest.mark.bench
PEER = ROOT / "tools" / "bench-peer"
# Each phase is timed RUNS times on both sides, the same work each time, and its median is
# compared: on a shared 2-core machine one run can be slowed several times over by others.
RUNS = 5


def server_side_changes(db_url: str, snapshot: list[dict]) -> list[tuple[str, str]]:
    """90 new notices and 10 withdrawn participation periods (tombstones)."""
    gone = [(c["type"], c["id"]) for c in snapshot if c["type"] == "participation"][:10]
    with Session(engine_for(db_url)) as s:
        person = s.exec(select(Person).where(Person.code == AN)).one()
        for n in range(90):
            notices.publish(s, person.id, "contribution_due", month=f"2027-{n % 12 + 1:02d}")
        for entity, entity_id in gone:
            changes.record(s, person.id, delete=(entity, entity_id))
        s.commit()
    return gone


def offline_edits(run: int = 0) -> list[dict]:
    """100 drafts written offline; each timed run of the push phase has its own."""
    moment = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    return [{"id": str(uuid.uuid4()), "type": "draft.save", "data": {
        "draft_id": f"d-{run}-{n:03d}", "kind": "other", "updated": moment.isoformat(),
        "text": f"Yêu cầu số {n}: xin cấp lại giấy tờ, viết khi không có mạng."}}
        for n in range(100)]


def warm_up(phone: SyncClient) -> None:
    """Untimed, before the phases, as the peer warms its own server (pouch-peer.mjs): one
    full pull, one pull with nothing new and one push of throwaway drafts (saved, then
    deleted: nothing is left in the snapshot or the delta). A server that has just started
    pays once for imports, compiled statements and loaded fonts; the phases measure the
    protocol on a running server."""
    cursor, _ = phone.pull_all()
    phone.pull_all(cursor)
    names = [f"warm-up-{n}" for n in range(2)]
    moment = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC).isoformat()
    answer = phone.push([{"id": str(uuid.uuid4()), "type": "draft.save", "data": {
        "draft_id": name, "kind": "other", "text": "warm-up", "updated": moment}}
        for name in names] + [{"id": str(uuid.uuid4()), "type": "draft.delete",
                               "data": {"draft_id": name}} for name in names])
    assert len(answer["acked"]) == 4


def test_delta_sync_beside_pouchdb(big_sqlite: str, tmp_path: Path) -> None:
    if shutil.which("node") is None or not (PEER / "node_modules" / "express-pouchdb").exists():
        pytest.skip("the PouchDB peer is missing: `make bench` installs tools/bench-peer")
    # Its own copy of the database: the changes made here must not reach other benchmarks.
    copy = tmp_path / "peer.db"
    shutil.copyfile(big_sqlite.removeprefix("sqlite:///"), copy)
    big_sqlite = f"sqlite:///{copy}"
    ours: dict[str, dict] = {}
    with api_server(big_sqlite, tmp_path / "issuer.pem") as url:
        proxy = CountingProxy(int(url.rsplit(":", 1)[1]))
        phone = SyncClient(proxy.url, big_sqlite)

        def phase(name: str, work) -> object:
            """Time `work(run)` RUNS times; the first run's result. Requests and bytes
            per run (every run does the same)."""
            proxy.take()
            phone.requests, runs, results = 0, [], []
            for run in range(RUNS):
                start = time.perf_counter()
                results.append(work(run))
                runs.append((time.perf_counter() - start) * 1000)
            up, down = proxy.take()
            ours[name] = {"ms": statistics.median(runs), "runs": runs,
                          "requests": phone.requests // RUNS, "up": up // RUNS,
                          "down": down // RUNS}
            return results[0]

        warm_up(phone)
        cursor, snapshot = phase("initial pull", lambda run: phone.pull_all())
        phase("no-op pull", lambda run: phone.pull_all(cursor))
        gone = server_side_changes(big_sqlite, snapshot)
        # Each run pulls from the same cursor: the same 100 changes.
        cursor, delta = phase("pull of 100 changes", lambda run: phone.pull_all(cursor))
        assert len(delta) == 100 and sum(c["op"] == "delete" for c in delta) == 10
        edits = [offline_edits(run) for run in range(RUNS)]
        answer = phase("push of 100 edits", lambda run: phone.push(edits[run]))
        assert len(answer["acked"]) == 100
        proxy.close()

    # The same documents for the peer.
    data = {"snapshot": [{"type": c["type"], "id": c["id"], "doc": c["doc"]} for c in snapshot],
            "puts": [{"type": c["type"], "id": c["id"], "doc": c["doc"]}
                     for c in delta if c["op"] == "put"],
            "deletes": [{"type": t, "id": i} for t, i in gone],
            "edits": [[{"type": "draft", "id": e["data"]["draft_id"], "doc": e["data"]}
                       for e in run] for run in edits]}
    (tmp_path / "data.json").write_text(json.dumps(data, ensure_ascii=False))
    port = free_port()
    proxy = CountingProxy(port)
    peer = subprocess.Popen(["node", "pouch-peer.mjs", str(tmp_path / "data.json"), str(port),
                             proxy.url, str(RUNS)], cwd=PEER, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, bufsize=1)
    theirs: dict[str, dict] = {}
    for name in ours:
        assert peer.stdout.readline().strip() == f"ready {name}"
        proxy.take()
        peer.stdin.write("go\n")
        done = peer.stdout.readline().strip()
        assert done.startswith(f"done {name} "), done
        up, down = proxy.take()
        theirs[name] = json.loads(done.removeprefix(f"done {name} ")) | {
            "up": up // RUNS, "down": down // RUNS}
        peer.stdin.write("go\n")
    peer.wait(timeout=120)
    proxy.close()
    assert peer.returncode == 0
    assert theirs["pull of 100 changes"]["docs"] == 100
    print()
    print(f"Median of {RUNS} runs per phase; requests and bytes per run.")
    print(f"{'phase':<22}{'ours ms':>9}{'pouch ms':>10}{'ours req':>10}{'pouch req':>10}"
          f"{'ours ↑B':>10}{'ours ↓B':>10}{'pouch ↑B':>10}{'pouch ↓B':>10}")
    for name, mine in ours.items():
        peer_phase = theirs[name]
        print(f"{name:<22}{mine['ms']:>9.0f}{peer_phase['ms']:>10.0f}{mine['requests']:>10}"
              f"{peer_phase['requests']:>10}{mine['up']:>10,}{mine['down']:>10,}"
              f"{peer_phase['up']:>10,}{peer_phase['down']:>10,}")
        # The verdict per phase, with the figures it rests on (bytes: both ways together).
        faster = mine["ms"] < peer_phase["ms"]
        ours_b, theirs_b = mine["up"] + mine["down"], peer_phase["up"] + peer_phase["down"]
        smaller = ours_b < theirs_b
        print(f"  {name}: ours is {'faster' if faster else 'SLOWER'} "
              f"({mine['ms']:.0f} ms vs {peer_phase['ms']:.0f} ms) and "
              f"{'smaller' if smaller else 'LARGER'} ({ours_b:,} B vs {theirs_b:,} B, "
              f"up + down); runs in ms: ours {', '.join(f'{t:.0f}' for t in mine['runs'])}"
              f" / PouchDB {', '.join(f'{t:.0f}' for t in peer_phase['runs'])}")
        for who, row in (("ours", mine), ("PouchDB", peer_phase)):
            report(f"peer comparison, {name}, {who}", row["ms"], "ms")
            report(f"peer comparison, {name}, {who}, requests", row["requests"], "requests")
            report(f"peer comparison, {name}, {who}, bytes up", row["up"], "bytes")
            report(f"peer comparison, {name}, {who}, bytes down", row["down"], "bytes")
    assert ours["no-op pull"]["requests"] == 1
