"""No-change pulls answered on the event loop (api/http/quick_pulls.py), on the machine's
PostgreSQL and Redis, over HTTP with real logins and real request proofs: the answer is the
route's, byte for byte and header for header; every other pull (changes to send, a reset, a
replayed or foreign proof, a moved account, a revoked device, a clinic login, an expired
session, a failing connection) is left to the route, which answers it as it always has
(alarms included). On SQLite the path is off."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.http import quick_pulls
from api.http.app import build
from api.http.quick_pulls import QuickPulls
from tests.api.test_clinic_desk import AN, BACH_MAI, citizen, desk, get
from tests.api.test_request_proofs import _with_redis, alarms

# The headers that differ between two answers by their nature.
VARYING = {"device-nonce", "date"}


# The path is for PostgreSQL with Redis (the production set-up): these tests run there.
ON_PG = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


@pytest.fixture
def on_pg(use_db: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    _with_redis(monkeypatch)
    assert quick_pulls.enabled()
    return use_db


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_off_on_sqlite_even_with_redis(use_db: Engine, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    _with_redis(monkeypatch)
    assert not quick_pulls.enabled()  # the embedded default keeps the route alone


def _cursor(c: TestClient, d) -> str:
    return get(c, d, "/api/sync/pull?since=&limit=500").json()["cursor"]


def _pull(c: TestClient, d, cursor: str):
    """A pull with a fresh proof, and whether the quick path answered it."""
    before = QuickPulls.answered
    answer = get(c, d, f"/api/sync/pull?since={cursor}&limit=500")
    return answer, QuickPulls.answered - before


@ON_PG
def test_a_no_change_pull_gets_the_routes_answer(on_pg: Engine,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    c, d = citizen(on_pg, AN)
    cursor = _cursor(c, d)
    quick, answered = _pull(c, d, cursor)
    assert answered == 1 and quick.status_code == 200
    monkeypatch.setattr(quick_pulls, "enabled", lambda: False)
    route, answered = _pull(c, d, cursor)
    assert answered == 0 and route.status_code == 200
    assert quick.content == route.content
    assert quick.json() == {"schema": 1, "reset": False, "cursor": cursor, "has_more": False,
                            "changes": []}
    assert {k: v for k, v in quick.headers.items() if k not in VARYING} == \
        {k: v for k, v in route.headers.items() if k not in VARYING}
    assert quick.headers["device-nonce"]  # the phone's next proof needs it
    assert "content-security-policy" in quick.headers  # under the web surface's rules


@ON_PG
def test_changes_and_resets_go_to_the_route(on_pg: Engine) -> None:
    c, d = citizen(on_pg, AN)
    reset, answered = _pull(c, d, "")
    assert answered == 0 and reset.json()["reset"] is True
    cursor = reset.json()["cursor"]
    draft = {"id": "quick-pull-mutation", "type": "draft.save",
             "data": {"draft_id": "quick-pull-draft", "kind": "reissue_card", "text": "x",
                      "updated": "2026-11-26T10:00:00Z"}}
    try:
        assert d.post(c, "/api/sync/push", {"mutations": [draft]}).json()["acked"]
        changed, answered = _pull(c, d, cursor)
        assert answered == 0
        assert [x["id"] for x in changed.json()["changes"]] == ["quick-pull-draft"]
        _, answered = _pull(c, d, changed.json()["cursor"])
        assert answered == 1  # nothing new after the new cursor
    finally:  # the seeded database is shared: leave no draft behind
        with on_pg.begin() as conn:
            conn.execute(text("DELETE FROM change WHERE entity_id = 'quick-pull-draft'"))
            conn.execute(text("DELETE FROM servicedraft WHERE id = 'quick-pull-draft'"))


@ON_PG
def test_replayed_and_foreign_proofs_get_the_routes_refusal_and_alarm(on_pg: Engine) -> None:
    c, d = citizen(on_pg, AN)
    path = f"/api/sync/pull?since={_cursor(c, d)}&limit=500"
    headers = d.headers("GET", path)
    before = QuickPulls.answered
    assert c.get(path, headers=headers).status_code == 200
    alarmed = alarms(on_pg)
    again = c.get(path, headers=headers)
    assert again.status_code == 401 and again.json()["error"] == "proof_replayed"
    other = c.get(path, headers=d.headers("GET", "/api/sync/pull?since=1.0&limit=500"))
    assert other.status_code == 401 and other.json()["error"] == "device_proof"
    assert QuickPulls.answered - before == 1
    assert alarms(on_pg) == alarmed + 2  # both shown to the owner, as by the route
    stranger = TestClient(build(), raise_server_exceptions=False)
    stranger.cookies.set("wallet_session", c.cookies.get("wallet_session"))
    copied = stranger.get(path, headers={"device-proof": "a.b.c"})
    assert copied.status_code == 401 and copied.json()["error"] == "device_proof"


@ON_PG
def test_moved_revoked_expired_and_clinic_sessions_are_refused_by_the_route(
        on_pg: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("api.auth.otp.RESEND_AFTER", dt.timedelta(0))  # three logins
    c, d = citizen(on_pg, AN)
    cursor = _cursor(c, d)
    new_phone, new_device = citizen(on_pg, AN)  # the account moves to another phone
    moved, answered = _pull(c, d, cursor)
    assert answered == 0 and moved.status_code == 401 and moved.json()["error"] == "moved"
    with on_pg.begin() as conn:
        conn.execute(text("UPDATE device SET revoked_at = :now WHERE revoked_at IS NULL"),
                     {"now": dt.datetime.now(dt.UTC)})
    revoked, answered = _pull(new_phone, new_device, cursor)
    assert answered == 0 and revoked.json()["error"] == "not_logged_in"
    c, d = citizen(on_pg, AN)
    cursor = _cursor(c, d)
    with on_pg.begin() as conn:
        conn.execute(text("UPDATE websession SET expires_at = :then WHERE revoked_at IS NULL"),
                     {"then": dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)})
    expired, answered = _pull(c, d, cursor)
    assert answered == 0 and expired.json()["error"] == "not_logged_in"
    clinic, desk_device = desk(on_pg, BACH_MAI)
    refused, answered = _pull(clinic, desk_device, "1.999999999999")  # none after it
    assert answered == 0 and refused.status_code == 403
    assert refused.json()["error"] == "wrong_role"


@ON_PG
def test_a_failing_connection_leaves_the_pull_to_the_route(on_pg: Engine,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    async def unreachable(loop):
        raise OSError("connection refused")

    c, d = citizen(on_pg, AN)
    cursor = _cursor(c, d)
    monkeypatch.setattr(quick_pulls, "_connect", unreachable)
    answer, answered = _pull(c, d, cursor)
    assert answered == 0 and answer.status_code == 200 and answer.json()["changes"] == []
