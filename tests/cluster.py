"""The production command (`python -m deploy.serve`) run by tests and benchmarks: several
Granian workers on PostgreSQL and Redis, with what a test needs to see and hurt them (which
worker holds a connection, kill -9 one, wait for the service to answer again).

Linux only: workers and sockets are read from /proc, with nothing to install."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, free_port, stop_group

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


def redis_or_skip(url: str = REDIS_URL) -> str:
    """`url` with its database emptied, or skip the test when no Redis answers there."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).flushdb()
    except redis.RedisError as exc:
        pytest.skip(f"Redis not reachable at {url} ({exc}); start it or set TEST_REDIS_URL")
    return url


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # "pid (name) state ppid ...": the name may hold spaces, so split after ")".
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    try:
        for fd in (Path("/proc") / str(pid) / "fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        pass
    return inodes


def _connection_inode(server_port: int, client_port: int) -> str | None:
    """The inode of the server side of the TCP connection client_port -> server_port."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            parts = line.split()
            local, remote, inode = parts[1], parts[2], parts[9]
            if (int(local.rsplit(":", 1)[1], 16) == server_port
                    and int(remote.rsplit(":", 1)[1], 16) == client_port):
                return inode
    return None


def cpu_ticks(pid: int) -> int:
    """User + system CPU time of `pid` so far, in clock ticks (0 once it is gone)."""
    try:
        fields = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def age(pid: int) -> float:
    """Seconds since process `pid` started (0 once it is gone)."""
    try:
        started = int((Path("/proc") / str(pid) / "stat").read_text()
                      .rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except OSError:
        return 0.0
    return uptime - started / os.sysconf("SC_CLK_TCK")


@dataclass
class Cluster:
    """A running `deploy.serve` supervisor and its workers."""

    url: str
    port: int
    db_url: str
    proc: subprocess.Popen
    log: Path
    kills: list[int] = field(default_factory=list)

    def workers(self) -> list[int]:
        """The live worker processes."""
        return children(self.proc.pid)

    def worker_of(self, client_port: int) -> int | None:
        """The worker holding the server side of the connection from `client_port`."""
        inode = _connection_inode(self.port, client_port)
        if inode is None:
            return None
        return next((pid for pid in self.workers() if inode in _socket_inodes(pid)), None)

    def connections_of(self, pid: int) -> int:
        """How many established connections to the server port `pid` holds."""
        mine = _socket_inodes(pid)
        count = 0
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for line in Path(table).read_text().splitlines()[1:]:
                parts = line.split()
                if (parts[3] == "01" and int(parts[1].rsplit(":", 1)[1], 16) == self.port
                        and parts[9] in mine):
                    count += 1
        return count

    def kill(self, pid: int) -> None:
        """kill -9 one worker, as a crash or the kernel's OOM killer would."""
        os.kill(pid, signal.SIGKILL)
        self.kills.append(pid)

    def wait_answering(self, timeout: float = 10) -> float:
        """Seconds until /api/health answers 200 (new connection each try)."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1).status_code == 200:
                    return time.monotonic() - start
            except httpx.HTTPError:
                pass
            time.sleep(0.02)
        raise AssertionError(f"no answer within {timeout} s: {self.tail()}")

    def wait_workers(self, count: int, timeout: float = 20) -> list[int]:
        """The workers once `count` of them are up (after a respawn)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pids = [pid for pid in self.workers() if pid not in self.kills]
            if len(pids) == count:
                return pids
            time.sleep(0.1)
        raise AssertionError(f"{count} workers expected, have {self.workers()}: {self.tail()}")

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


def build(web_dir: Path, port: int, log: Path) -> None:
    """The production frontend build for an app served on `port` (as `make build` does).
    Reflex writes the backend's address into the build (a page on localhost keeps that
    port; over https behind a proxy the page's own origin is used), so a server on another
    port needs its own build."""
    env = dict(os.environ, PORT=str(port), PYTHONPATH=str(ROOT),
               REFLEX_WEB_WORKDIR=str(web_dir))
    with log.open("w") as out:
        done = subprocess.run([str(ROOT / ".venv" / "bin" / "reflex"), "export",
                               "--frontend-only", "--no-zip", "--loglevel", "warning"],
                              cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode:
        raise AssertionError(f"the frontend build failed: {log.read_text()[-3000:]}")


@contextmanager
def cluster(db_url: str, redis_url: str, web_dir: Path, var: Path, workers: int = 2,
            port: int | None = None, extra_env: dict[str, str] | None = None
            ) -> Iterator[Cluster]:
    """`python -m deploy.serve --workers N` on `db_url` and `redis_url`, serving the build
    in `web_dir` (built for `port` by `build`), until the block ends."""
    port = port or free_port()
    env = dict(os.environ, DB_URL=db_url, REDIS_URL=redis_url, PORT=str(port),
               CARD_KEY_FILE=str(var / "issuer.pem"), SMS_GATEWAY="outbox",
               ALLOWED_ORIGINS=f"http://localhost:{port},http://127.0.0.1:{port}",
               PYTHONPATH=str(ROOT), REFLEX_WEB_WORKDIR=str(web_dir))
    env.update(extra_env or {})
    log = var / f"serve-{port}.log"
    with log.open("w") as out:
        proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "python"), "-m", "deploy.serve",
                                 "--workers", str(workers), "--port", str(port)], cwd=ROOT,
                                env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    running = Cluster(f"http://localhost:{port}", port, db_url, proc, log)
    try:
        deadline = time.monotonic() + 120
        while len(running.workers()) < workers or not _answers(running.url):
            if proc.poll() is not None:
                raise AssertionError(f"deploy.serve exited: {running.tail()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"deploy.serve not ready: {running.tail()}")
            time.sleep(0.3)
        yield running
    finally:
        stop_group(proc)


def _answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/api/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


class Phone:
    """A logged-in phone speaking to the cluster over plain HTTP connections whose local
    port is known, so a test can find (and kill) the worker serving a request."""

    def __init__(self, running: Cluster, code: str) -> None:
        from api.db import engine_for
        from tests.conftest import sms_code
        from tests.devicekit import Device

        self.cluster, self.device = running, Device("Scale-out phone")
        with httpx.Client(base_url=running.url, timeout=30) as http:
            http.post("/api/auth/otp", json={"code": code, "device_key": self.device.jwk,
                                             "confirm_move": True}).raise_for_status()
            http.post("/api/auth/verify", json={
                "code": code, "otp": sms_code(engine_for(running.db_url), code),
                "device_key": self.device.jwk}).raise_for_status()
            self.cookie = "; ".join(f"{k}={v}" for k, v in http.cookies.items())

    def connect(self, to: int | None = None, tries: int = 40):
        """A kept-alive connection, already accepted by a worker: (connection, worker).
        `to`: keep trying (up to `tries` connections) until worker `to` holds one."""
        import http.client

        for _ in range(tries):
            conn = http.client.HTTPConnection("127.0.0.1", self.cluster.port, timeout=30)
            conn.request("GET", "/api/health")
            conn.getresponse().read()
            worker = self.cluster.worker_of(conn.sock.getsockname()[1])
            if to is None or worker == to:
                return conn, worker
            conn.close()
        raise AssertionError(f"no connection reached worker {to} in {tries} tries")

    def push(self, conn, mutations: list[dict]) -> dict:
        """POST one push on `conn` with a fresh request proof; the JSON answer."""
        import json

        body = json.dumps({"mutations": mutations}).encode()
        headers = {"Cookie": self.cookie, "Content-Type": "application/json",
                   "Device-Proof": self.device.proof("POST", "/api/sync/push", body)}
        conn.request("POST", "/api/sync/push", body=body, headers=headers)
        answer = conn.getresponse()
        data = answer.read()
        if answer.status != 200:
            raise AssertionError(f"push answered {answer.status}: {data[:300]!r}")
        return json.loads(data)

    def push_until_acked(self, mutations: list[dict], timeout: float = 30) -> int:
        """Push (again on a new connection after any failure, as the phone's queue does)
        until every mutation is acknowledged; the number of attempts that failed."""
        failures, deadline = 0, time.monotonic() + timeout
        while True:
            try:
                conn, _ = self.connect()
                answer = self.push(conn, mutations)
                conn.close()
                if answer["rejected"]:
                    raise AssertionError(f"refused: {answer['rejected'][:3]}")
                if len(answer["acked"]) == len(mutations):
                    return failures
            except (OSError, ConnectionError) as exc:  # the worker died under the request
                failures += 1
                if time.monotonic() > deadline:
                    raise AssertionError(f"not acknowledged within {timeout} s") from exc
                time.sleep(0.05)


def drafts(count: int, prefix: str) -> list[dict]:
    """`count` draft.save mutations with ids and texts unique to `prefix`."""
    from locales import labels

    kind = next(iter(labels.REQUESTS))
    return [{"id": f"{prefix}-m{i}", "type": "draft.save",
             "data": {"draft_id": f"{prefix}-d{i}", "kind": kind, "text": f"{prefix} {i}",
                      "updated": "2026-11-26T10:00:00Z"}} for i in range(count)]


def applied(db_url: str, prefix: str) -> tuple[int, int, int]:
    """(drafts stored, distinct drafts, applied-mutation rows) for mutations of `prefix`."""
    from sqlalchemy import text

    from api.db import engine_for

    with engine_for(db_url).connect() as conn:
        stored, distinct = conn.execute(text(
            "SELECT count(*), count(DISTINCT id) FROM servicedraft WHERE id LIKE :p"),
            {"p": f"{prefix}-d%"}).one()
        marks = conn.execute(text(
            "SELECT count(*) FROM appliedmutation WHERE mutation_id LIKE :p"),
            {"p": f"{prefix}-m%"}).scalar_one()
    return stored, distinct, marks


@contextmanager
def nginx_in_front(running: Cluster, var: Path, https_port: int = 443) -> Iterator[str]:
    """deploy/nginx.conf, as shipped, in front of `running`: TLS on `https_port` with a
    self-signed certificate for localhost, the upstream pointed at the cluster's port.
    Yields the https address. Skips when nginx or openssl is missing or the port is taken."""
    nginx, openssl = shutil.which("nginx") or "/usr/sbin/nginx", shutil.which("openssl")
    if not Path(nginx).exists() or openssl is None:
        pytest.skip("nginx or openssl missing: `make test` installs nginx-light")
    import socket

    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as nginx does
        try:
            probe.bind(("127.0.0.1", https_port))
        except OSError:
            pytest.skip(f"port {https_port} is taken: the proxy test needs it")
    subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", str(var / "key.pem"),
                    "-out", str(var / "cert.pem"), "-days", "1", "-subj", "/CN=localhost"],
                   check=True, capture_output=True)
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    site = (site.replace("/etc/letsencrypt/live/wallet.example.vn/fullchain.pem",
                         str(var / "cert.pem"))
            .replace("/etc/letsencrypt/live/wallet.example.vn/privkey.pem", str(var / "key.pem"))
            .replace("server 127.0.0.1:3000", f"server 127.0.0.1:{running.port}")
            .replace("wallet.example.vn", "localhost")
            .replace("listen 443 ssl http2;", f"listen {https_port} ssl http2;")
            .replace("listen [::]:443 ssl http2;", f"listen [::]:{https_port} ssl http2;")
            .replace("listen 80;", f"listen {free_port()};")  # the http redirect
            .replace("listen [::]:80;", ""))
    (var / "site.conf").write_text(site)
    (var / "nginx.conf").write_text(
        f"pid {var}/nginx.pid;\nerror_log {var}/nginx-error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n include {var}/site.conf;\n}}\n")
    proc = subprocess.Popen([nginx, "-c", str(var / "nginx.conf"), "-p", str(var), "-g",
                             "daemon off;"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = "https://127.0.0.1" + ("" if https_port == 443 else f":{https_port}")
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(f"{url}/api/health", verify=False, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("nginx did not start: "
                                     + (var / "nginx-error.log").read_text()[-2000:])
            time.sleep(0.2)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


@dataclass
class KillRound:
    """What one push cut by kill -9 left behind."""

    cut: bool  # the push was under way when its worker died (else it had finished first)
    answered_after: float  # seconds until the service answered again
    records: int  # records the pushes carried
    stored: int  # drafts stored
    distinct: int  # distinct drafts stored
    marks: int  # applied-mutation rows

    @property
    def lost(self) -> int:
        return self.records - self.distinct

    @property
    def duplicated(self) -> int:
        return (self.stored - self.distinct) + max(0, self.marks - self.records)


def push_killed(running: Cluster, phone: Phone, prefix: str, delay: float,
                records: int = 300, to: int | None = None) -> KillRound:
    """Push `records` drafts in batches of 150 (as the phone's queue does), kill -9 the
    worker serving the first batch `delay` s after it was sent (worker `to`, or whichever
    took the connection), then push again until everything is acknowledged."""
    import threading

    batches = [drafts(records, prefix)[i:i + 150] for i in range(0, records, 150)]
    conn, worker = phone.connect(to=to)
    assert worker is not None, "no worker holds the connection"
    outcome: dict[str, object] = {}

    def push() -> None:
        try:
            outcome["answer"] = phone.push(conn, batches[0])
        except (OSError, ConnectionError) as exc:
            outcome["cut"] = exc

    pushing = threading.Thread(target=push)
    pushing.start()
    time.sleep(delay)
    running.kill(worker)
    answered_after = running.wait_answering()
    pushing.join(30)
    for batch in batches:
        phone.push_until_acked(batch)
    return KillRound("cut" in outcome, answered_after, records,
                     *applied(running.db_url, prefix))
