"""No-change sync pulls, answered on the event loop without a thread or an ORM session.

Roles: citizen (the pull is a citizen route; anything else goes on to the route, which
refuses it).

A phone pulls at every start and every minute while open, and nearly always nothing has
changed: these pulls are most of the API's traffic. With PostgreSQL and Redis (the
production set-up, deploy/serve.py) such a pull costs here one asyncpg statement (the
session, its device key, its role and whether the person has any change after the cursor),
one ES256 check of the request proof and one Redis SET NX that spends it. Both waits are
asynchronous I/O, so nothing blocks the event loop, and there is no hand-over to a worker
thread, no SQLAlchemy session and no routing.

Only a pull that is in order *and* finds nothing new is answered here. Everything else (a
reset, changes to send, no or an expired session, a moved account, a revoked device, a
clinic login, a bad, stale or replayed proof, the database or Redis failing) goes on to the
normal route (api/http/sync_routes.py) untouched: nothing has been spent, so that route
gives exactly the answers, errors and security alarms it gives without this path. The rules
are the shared ones: `sessions.status`, `request_proofs.check`, the statement's columns
(`staff.SESSION_COLUMNS`) and the spent-proof key in Redis (`request_proofs.spent_key`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from dataclasses import dataclass
from types import SimpleNamespace

from sqlalchemy import bindparam, exists, select
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.engine import make_url
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from api.auth import request_proofs, sessions, staff
from api.auth.models import WebSession
from api.auth.secrets import digest
from api.config import settings
from sync import protocol as sync_protocol
from sync.models import Change

log = logging.getLogger(__name__)

PATH = "/api/sync/pull"
POOL_SIZE = 4  # connections per worker: a statement takes ~50 µs; more only wake more backends


def _statement() -> tuple[str, tuple[str, ...]]:
    """The one statement, as asyncpg SQL (`$1`, ...) and the order of its parameters: the
    columns every proven request reads, and whether the person has a change after the
    cursor (the index ix_change_person_seq answers it)."""
    changed = exists(select(Change.__table__.c.seq).where(
        Change.__table__.c.person_id == WebSession.__table__.c.person_id,
        Change.__table__.c.seq > bindparam("cursor"))).label("changed")
    compiled = staff.with_device(*staff.SESSION_COLUMNS, changed).compile(
        dialect=PGDialect_asyncpg())
    return str(compiled), tuple(compiled.positiontup or ())


_SQL, _ORDER = _statement()


def enabled() -> bool:
    """Whether this path is in use: PostgreSQL for the data and Redis for spent proofs
    (with proofs spent in the database, a pull writes, and goes to the route)."""
    return settings().db_url.startswith("postgresql") and bool(request_proofs.spent_in_redis())


@dataclass
class _Clients:
    """One event loop's connection pool and Redis client (both belong to their loop)."""

    loop: asyncio.AbstractEventLoop
    pool: object
    redis: object


class QuickPulls:
    """ASGI middleware: answers no-change pulls itself, passes every other request on."""

    answered = 0  # no-change pulls answered here, by every instance (tests read it)

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._clients: _Clients | None = None
        self._opening: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == PATH and scope["method"] == "GET" \
                and enabled():
            try:
                body = await self._answer(Request(scope))
            except Exception:  # the database or Redis failing: the route says so properly
                log.warning("no-change pull passed on to the route", exc_info=True)
                body = None
            if body is not None:
                QuickPulls.answered += 1
                await _send_json(send, body)
                return
        await self.app(scope, receive, send)

    async def _answer(self, request: Request) -> bytes | None:
        """The answer to a no-change pull in order, or None: the route takes it."""
        cursor = request.query_params.get("since")
        seq = sync_protocol.parse_cursor(cursor)
        token = request.cookies.get(sessions.COOKIE)
        proof = request.headers.get(request_proofs.HEADER)
        if seq is None or not token or not proof:
            return None
        clients = await self._open()
        params = {"digest": digest("session", token), "cursor": seq}
        async with clients.pool.acquire() as conn:
            found = await conn.fetchrow(_SQL, *(params[name] for name in _ORDER))
        if found is None or found["changed"] or found["staff_id"] is not None:
            return None
        row = SimpleNamespace(**found)
        if sessions.status(row) != "ok" or row.device_id is None \
                or row.device_revoked_at is not None:
            return None
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        try:
            checked = request_proofs.check(json.loads(row.public_jwk), proof, "GET", target,
                                           b"")
        except request_proofs.ProofError:
            return None
        key = request_proofs.spent_key(row.device_id, checked)
        if not await clients.redis.set(key, 1, nx=True, ex=request_proofs.SPENT_SECONDS):
            return None  # replayed: the route records the alarm
        # What the route answers (sync_protocol.pull, JSONResponse's rendering).
        answer = {"schema": sync_protocol.SCHEMA, "reset": False, "cursor": cursor,
                  "has_more": False, "changes": []}
        return json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode()

    async def _open(self) -> _Clients:
        """This event loop's pool and Redis client, opened at its first pull."""
        loop = asyncio.get_running_loop()
        if self._clients is not None and self._clients.loop is loop:
            return self._clients
        if self._opening is None or self._opening[0] is not loop:
            self._opening = (loop, asyncio.Lock())
        async with self._opening[1]:  # one pool per loop, however many pulls arrive at once
            if self._clients is None or self._clients.loop is not loop:
                if self._clients is not None:  # its loop has ended (tests start one a call)
                    _drop(self._clients)
                self._clients = await _connect(loop)
        return self._clients


def _drop(clients: _Clients) -> None:
    """Let go of an ended loop's pool: its connections are closed with the loop, or by the
    server when their sockets are collected."""
    with contextlib.suppress(RuntimeError):  # "Event loop is closed"
        clients.pool.terminate()


async def _nothing_to_reset(conn: object) -> None:
    """The pool's reset of a returned connection. Its default runs RESET ALL, UNLISTEN and
    more: a second round trip per pull. The one statement here changes no session state and
    runs outside any transaction, so there is nothing to undo."""


async def _connect(loop: asyncio.AbstractEventLoop) -> _Clients:
    import asyncpg
    import redis.asyncio

    dsn = make_url(settings().db_url).set(drivername="postgresql")
    pool = await asyncpg.create_pool(dsn.render_as_string(hide_password=False), min_size=1,
                                     max_size=POOL_SIZE, reset=_nothing_to_reset)
    client = redis.asyncio.Redis.from_url(request_proofs.spent_in_redis())
    return _Clients(loop, pool, client)


async def _send_json(send: Send, body: bytes) -> None:
    """Send a 200 JSON answer with the headers the route gives a pull."""
    await send({"type": "http.response.start", "status": 200, "headers": [
        (b"content-length", str(len(body)).encode()),
        (b"content-type", b"application/json"),
        (b"cache-control", b"no-store"),
        (request_proofs.NONCE_HEADER.lower().encode(), request_proofs.new_nonce().encode()),
    ]})
    await send({"type": "http.response.body", "body": body})
