"""The production command's rules and the shipped proxy configuration (deploy/)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from deploy import serve
from tests.conftest import ROOT


def test_several_workers_need_redis_and_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("DB_URL", raising=False)
    assert serve.shared_state_problem(1) is None  # the embedded default: one worker
    assert "REDIS_URL and DB_URL" in serve.shared_state_problem(2)
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("DB_URL", "sqlite:///var/wallet.db")
    assert "SQLite" in serve.shared_state_problem(2)
    monkeypatch.setenv("DB_URL", "postgresql+psycopg2://postgres@127.0.0.1/wallet")
    assert serve.shared_state_problem(4) is None


def test_the_command_refuses_with_a_reason(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert serve.main(["--workers", "3", "--port", "3999"]) == 2
    assert "3 workers need shared state" in capsys.readouterr().err


def test_defaults_listen_on_loopback_one_worker_per_core(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    for name in ("HOST", "WORKERS"):
        monkeypatch.delenv(name, raising=False)
    args = serve.parse([])
    assert args.host == "127.0.0.1"
    import os

    assert args.workers == os.cpu_count()


def test_the_caddyfile_is_valid() -> None:
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("caddy missing: `make test` installs it (apt-get install caddy)")
    done = subprocess.run([caddy, "validate", "--config", str(ROOT / "deploy" / "Caddyfile"),
                           "--adapter", "caddyfile"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Valid configuration" in done.stdout + done.stderr


class _Worker:
    """Stands in for a worker process (what Granian's respawn calls on one)."""

    def start(self) -> None: ...
    def terminate(self) -> None: ...
    def join(self, timeout: float | None = None) -> None: ...
    def kill(self) -> None: ...

    def is_alive(self) -> bool:
        return False


def test_only_five_quick_deaths_in_a_row_are_a_crash_loop(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """Granian stops the server when a respawned worker dies again within 5.5 s: that
    must take five quick deaths in a row of one worker here, and a slow death starts the
    count again (the kill -9 soak kills workers every few seconds)."""
    import time

    class Supervisor(serve.supervisor_class()):
        def _spawn_worker(self, idx, target, callback_loader):
            return _Worker()

    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    supervisor = Supervisor(target="pwa.pwa:app", workers=2)
    supervisor.wrks = [_Worker(), _Worker()]

    def dies(after: float) -> bool:
        """Worker 0 dies `after` s later and is respawned; would Granian's check now take
        its next death within 5.5 s for a crash loop?"""
        now[0] += after
        supervisor._respawn_workers([0], None, None)
        return 0 in supervisor.respawned_wrks

    assert dies(60) is False  # its first death: never quick
    assert [dies(1) for _ in range(3)] == [False, False, False]
    assert dies(1) is True  # the fourth quick death in a row: the next one ends the server
    assert dies(60) is False  # a death long after its respawn starts the count again
    assert dies(1) is False
