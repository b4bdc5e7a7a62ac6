"""Bench helpers: count the bytes that cross a TCP connection, and run the API server alone.

A counting proxy sits between a client and a server, so our protocol and the peer it is
compared with are measured the same way: at the socket, headers and gzip included.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


class CountingProxy:
    """A TCP relay to 127.0.0.1:`target` that counts bytes each way."""

    def __init__(self, target: int) -> None:
        self.target, self.up, self.down = target, 0, 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            for src, dst, way in ((client, upstream, "up"), (upstream, client, "down")):
                threading.Thread(target=self._pump, args=(src, dst, way), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, way: str) -> None:
        try:
            while data := src.recv(65536):
                with self._lock:
                    setattr(self, way, getattr(self, way) + len(data))
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def take(self) -> tuple[int, int]:
        """Bytes (up, down) since the last call."""
        with self._lock:
            counts, self.up, self.down = (self.up, self.down), 0, 0
        return counts

    def close(self) -> None:
        self._listener.close()


@contextmanager
def serving(argv: list[str], env: dict[str, str], ready: str) -> Iterator[str]:
    """Run a server command (`{port}` in `argv` becomes a free port) with `env` added to
    this environment; yields its URL once GET `ready` answers 200, stops it afterwards."""
    port = free_port()
    proc = subprocess.Popen([arg.replace("{port}", str(port)) for arg in argv], cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT), **env),
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if httpx.get(url + ready, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None:
                raise RuntimeError(f"{argv} exited with {proc.returncode}")
            time.sleep(0.5)
        else:
            raise RuntimeError(f"{argv} did not answer {ready}")
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


@contextmanager
def api_server(db_url: str, key_file: Path, workers: int = 1) -> Iterator[str]:
    """The JSON API alone (no Reflex), served by granian as in production."""
    with serving([str(ROOT / ".venv" / "bin" / "granian"), "--interface", "asgi", "--factory",
                  "--host", "127.0.0.1", "--port", "{port}", "--workers", str(workers),
                  "--log-level", "warning", "api.http.app:build"],
                 {"DB_URL": db_url, "CARD_KEY_FILE": str(key_file), "SMS_GATEWAY": "outbox"},
                 "/api/card-keys") as url:
        yield url


AN = "0123456789"  # the demo person with 35 years of history


class SyncClient:
    """A logged-in phone speaking the sync protocol over real HTTP (gzip accepted, pushes
    gzip-compressed)."""

    def __init__(self, url: str, db_url: str, code: str = AN, reset: bool = True) -> None:
        """Log the person `code` in on a new device; `reset`: forget every login first
        (False for a second phone beside one already logged in)."""
        from api.db import engine_for
        from tests.conftest import reset_logins, sms_code
        from tests.devicekit import Device

        if reset:
            reset_logins(engine_for(db_url))  # each benchmark logs in afresh
        self.device, self.requests = Device(), 0
        self.http = httpx.Client(base_url=url, headers={"accept-encoding": "gzip"}, timeout=60)
        self.http.post("/api/auth/otp", json={"code": code, "device_key": self.device.jwk,
                                              "confirm_move": True}).raise_for_status()
        self.http.post("/api/auth/verify", json={
            "code": code, "otp": sms_code(engine_for(db_url), code),
            "device_key": self.device.jwk}).raise_for_status()

    def pull_all(self, cursor: str = "") -> tuple[str, list[dict]]:
        """Pull pages until nothing more: (new cursor, changes)."""
        got: list[dict] = []
        while True:
            path = f"/api/sync/pull?since={cursor}&limit=500"
            page = self.http.get(path, headers=self.device.headers("GET", path))
            page.raise_for_status()
            self.requests += 1
            body = page.json()
            got += body["changes"]
            cursor = body["cursor"]
            if not body["has_more"]:
                return cursor, got

    def push(self, mutations: list[dict]) -> dict:
        path = "/api/sync/push"
        # Compressed as the phone's sync engine sends it (sync/browser/engine.js).
        answer = self.device.post(self.http, path, {"mutations": mutations}, compress=True)
        answer.raise_for_status()
        self.requests += 1
        return answer.json()
