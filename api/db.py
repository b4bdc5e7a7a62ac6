"""Database engine and sessions: SQLite by default, PostgreSQL through DB_URL."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError
from sqlmodel import Session, create_engine

from api.config import settings


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One pooled engine per database URL."""
    if url.startswith("sqlite"):
        eng = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(eng, "connect")
        def _sqlite_pragmas(conn, _record) -> None:  # pragma: no cover - trivial
            # WAL lets page reads go on while the seeder or a login writes.
            cur = conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return eng
    eng = create_engine(url, pool_size=10, max_overflow=20)
    _ping_when_idle(eng)
    return eng


@lru_cache(maxsize=8)
def autocommit_engine_for(url: str) -> Engine:
    """An engine whose connections stay in autocommit: statements run without BEGIN and
    COMMIT around them. A pool of its own, since switching a shared pool's connection to
    autocommit and back costs a round trip (`SET default_transaction_isolation`) at every
    return. Only for requests that write nothing (api/http/base.py `endpoint`, reads_only):
    at most api/off_loop.THREADS of them at once, and few kept idle."""
    if url.startswith("sqlite"):  # switching is free there: no server to tell
        return engine_for(url).execution_options(isolation_level="AUTOCOMMIT")
    eng = create_engine(url, isolation_level="AUTOCOMMIT", pool_size=4, max_overflow=20)
    _ping_when_idle(eng)
    return eng


# A pooled connection unused for this many seconds is tested before it is handed out.
IDLE_PING_SECONDS = 10.0


def _ping_when_idle(eng: Engine) -> None:
    """Test a pooled connection before use only if it sat idle: a database restarted or a
    connection cut while the server was quiet is noticed and replaced, as `pool_pre_ping`
    would, without its round trip on every checkout (on a busy server, one more query than
    a no-change sync pull makes). A connection that breaks mid-burst fails that one request
    and is dropped with its pool (SQLAlchemy invalidates the pool on a disconnect error)."""

    @event.listens_for(eng, "checkin")
    def _idle_from(_dbapi_conn, record) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(eng, "checkout")
    def _ping(dbapi_conn, record, _proxy) -> None:
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < IDLE_PING_SECONDS:
            return
        try:
            cursor = dbapi_conn.cursor()
            cursor.execute("SELECT 1")
            cursor.close()
            dbapi_conn.rollback()
        except Exception as exc:
            # The pool discards this connection and checks out a new one.
            raise DisconnectionError("idle connection gone") from exc


def engine() -> Engine:
    """The engine for the configured DB_URL."""
    return engine_for(settings().db_url)


def autocommit_engine() -> Engine:
    """`autocommit_engine_for` the configured DB_URL."""
    return autocommit_engine_for(settings().db_url)


@contextmanager
def session_scope() -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise
