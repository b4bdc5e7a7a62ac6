"""Shared fixtures: real databases (a SQLite file, and PostgreSQL when one is reachable),
migrated with alembic and seeded with the real generator."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from api.db import engine_for
from api.seed import generator
from api.seed.demo import DEMO_PEOPLE, DEMO_STAFF
from api.services import revocations

ROOT = Path(__file__).resolve().parent.parent
# Tests pin "today" so that card validity and history lengths do not drift with the calendar.
TODAY = dt.date(2026, 11, 23)
# Login state, children before parents, emptied between tests.
AUTH_TABLES = ("websession", "loginticket", "passkey", "webauthnchallenge", "securityevent",
               "attempt", "device", "otpchallenge", "smsoutbox", "revocation")
# A clinic's look-ups and visits, and applied mutations: a test starts with none (a photo
# needs a check first; counts of applied mutations start at zero).
DESK_TABLES = ("cardview", "checkin", "appliedmutation")
# Web push: subscriptions belong to devices, and what was queued for them goes with them;
# announcements, news and guides belong to staff accounts.
PUSH_TABLES = ("pushoutbox", "pushsubscription", "announcement", "newsitem")
# Service requests and registrations with their steps and photos: a test starts with none.
CASE_TABLES = ("requestattachment", "caseevent", "servicerequest", "registration")
PG_ADMIN_URL = os.environ.get("TEST_PG_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")


def migrate(url: str, revision: str = "head") -> Engine:
    """Apply the alembic migrations to `url` up to `revision` (DB_URL is what
    migrations/env.py reads)."""
    old = os.environ.get("DB_URL")
    os.environ["DB_URL"] = url
    try:
        command.upgrade(Config(str(ROOT / "alembic.ini")), revision)
    finally:
        if old is None:
            os.environ.pop("DB_URL", None)
        else:
            os.environ["DB_URL"] = old
    return engine_for(url)


def postgres_database() -> Iterator[str]:
    """Create a throw-away PostgreSQL database; skips when no server is reachable."""
    try:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL} ({exc.orig}); "
                    "start it or set TEST_PG_URL")
    name = f"wallet_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        engine_for(url).dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[str]:
    """A migrated, seeded database: every test using it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'wallet.db'}"
        generator.run(migrate(url), people=40, seed=7)
        yield url
        return
    gen = postgres_database()
    url = next(gen)
    generator.run(migrate(url), people=40, seed=7)
    yield url
    gen.close()


@pytest.fixture
def use_db(db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Engine:
    """Point the app at the seeded database, with a fresh issuer key per test."""
    monkeypatch.setenv("DB_URL", db_url)
    monkeypatch.setenv("CARD_KEY_FILE", str(tmp_path / "issuer.pem"))
    monkeypatch.setenv("SMS_GATEWAY", "outbox")
    eng = engine_for(db_url)
    reset_logins(eng)
    return eng


def reset_logins(eng: Engine) -> None:
    """Forget codes, sessions and devices, and put back the account languages of the seed
    (logging in keeps the phone's language on the account, and the seeded database is
    shared by the tests), so a test may log in at once."""
    with eng.begin() as conn:
        for table in CASE_TABLES + PUSH_TABLES + DESK_TABLES + AUTH_TABLES:
            conn.execute(text(f"DELETE FROM {table}"))
        # Notices the scheduler or a clinic visit made: a test starts with the seed's.
        conn.execute(text("DELETE FROM notice WHERE due_key IS NOT NULL "
                          "OR kind = 'visit_recorded' OR kind LIKE 'request_%'"))
        # Staff accounts: the seed's demo staff, live again; those a test made, gone.
        demo_staff = ", ".join(f"'{s.staff_code}'" for s in DEMO_STAFF)
        conn.execute(text(f"DELETE FROM staffaccount WHERE staff_code NOT IN ({demo_staff})"))
        conn.execute(text("UPDATE staffaccount SET revoked_at = NULL"))
    revocations.forget_heads()
    with eng.begin() as conn:
        conn.execute(text("UPDATE person SET lang = 'vi' WHERE lang <> 'vi'"))
        for demo in DEMO_PEOPLE:
            conn.execute(text("UPDATE person SET lang = :lang WHERE code = :code"),
                         {"lang": demo.lang, "code": demo.code})


def stop_group(proc: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM a server started with start_new_session=True and its children; SIGKILL
    them if they are not gone within `timeout` seconds."""
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def last_sms(eng: Engine, code: str) -> str:
    """The body of the newest outbox message for a person."""
    with eng.connect() as conn:
        return conn.execute(text("SELECT body FROM smsoutbox WHERE person_code = :c "
                                 "ORDER BY id DESC LIMIT 1"), {"c": code}).scalar_one()


def sms_code(eng: Engine, code: str) -> str:
    """The 6-digit code in the newest SMS to a person."""
    import re

    return re.search(r"(?<!\d)(\d{6})(?!\d)", last_sms(eng, code)).group(1)
