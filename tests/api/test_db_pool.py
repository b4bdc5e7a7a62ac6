"""The PostgreSQL pool pings a connection only when it sat idle (api/db.py): a server
restarted while the app was quiet is survived, without a round trip on every checkout."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from api import db
from tests.conftest import postgres_database


@pytest.fixture
def pg_url() -> str:
    gen = postgres_database()
    yield next(gen)
    gen.close()


def _backend_pid(eng) -> int:
    with eng.connect() as conn:
        return conn.execute(text("SELECT pg_backend_pid()")).scalar_one()


def _cut(url: str, pid: int) -> None:
    """What a database restart does to a pooled connection."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    admin.dispose()


def test_a_connection_cut_while_idle_is_replaced(pg_url: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    eng = db.engine_for(pg_url)
    first = _backend_pid(eng)
    _cut(pg_url, first)
    monkeypatch.setattr(db, "IDLE_PING_SECONDS", 0.0)  # it has been idle long enough
    assert _backend_pid(eng) != first  # answered, on a new connection


def test_a_connection_used_just_now_is_handed_out_unpinged(pg_url: str) -> None:
    """No round trip before each query: a connection cut mid-burst fails once, then the
    pool is replaced."""
    eng = db.engine_for(pg_url)
    first = _backend_pid(eng)
    _cut(pg_url, first)
    with pytest.raises(OperationalError):
        _backend_pid(eng)
    assert _backend_pid(eng) != first
