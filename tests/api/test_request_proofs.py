"""Request proofs (api/auth/request_proofs.py) over HTTP, on SQLite and PostgreSQL: single
use, bound to the body, a server nonce, the phone's clock offset, and logout."""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.auth import request_proofs
from api.http.app import build
from tests.conftest import sms_code
from tests.devicekit import Device

AN = "0123456789"
LANG = "/api/me/language"


@pytest.fixture
def phone(use_db: Engine) -> tuple[TestClient, Device]:
    client, device = TestClient(build(), raise_server_exceptions=False), Device()
    assert client.post("/api/auth/otp", json={"code": AN, "device_key": device.jwk,
                                               "confirm_move": True}).status_code == 200
    assert client.post("/api/auth/verify", json={
        "code": AN, "otp": sms_code(use_db, AN), "device_key": device.jwk}).status_code == 200
    return client, device


def alarms(eng: Engine) -> int:
    with eng.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM securityevent "
                                 "WHERE kind = 'foreign_session'")).scalar_one()


def account_lang(eng: Engine) -> str:
    with eng.connect() as conn:
        return conn.execute(text("SELECT lang FROM person WHERE code = :c"),
                            {"c": AN}).scalar_one()


def test_a_captured_proof_works_once(phone, use_db: Engine) -> None:
    client, device = phone
    headers = device.headers("GET", "/api/me")
    assert client.get("/api/me", headers=headers).status_code == 200
    again = client.get("/api/me", headers=headers | {"accept-language": "en"})
    assert again.status_code == 401 and again.json()["error"] == "proof_replayed"
    assert "cannot be repeated" in again.json()["message"]
    assert alarms(use_db) == 1  # the owner sees the replay


def test_a_proof_covers_its_body(phone, use_db: Engine) -> None:
    client, device = phone
    body = json.dumps({"lang": "ja"}).encode()
    headers = device.headers("POST", LANG, body)
    swapped = client.post(LANG, content=json.dumps({"lang": "ko"}).encode(), headers=headers)
    assert swapped.status_code == 401 and swapped.json()["error"] == "device_proof"
    assert account_lang(use_db) != "ko"
    assert client.post(LANG, content=body, headers=headers).status_code == 200
    assert account_lang(use_db) == "ja"


def test_the_first_request_learns_a_nonce_and_the_server_clock(phone, use_db: Engine) -> None:
    client, device = phone
    first = client.get("/api/me", headers={
        "Device-Proof": device.proof("GET", "/api/me", nonce="")})
    assert first.status_code == 401 and first.json()["error"] == "proof_nonce"
    nonce = first.headers[request_proofs.NONCE_HEADER]
    assert request_proofs.nonce_valid(nonce)
    # A phone whose clock is an hour slow: refused, then right once it uses the server time.
    slow = int(time.time()) - 3600
    late = client.get("/api/me", headers={
        "Device-Proof": device.proof("GET", "/api/me", nonce=nonce, iat=slow)})
    assert late.status_code == 401 and late.json()["error"] == "proof_clock"
    server_time = int(late.headers[request_proofs.NONCE_HEADER].split(".")[0])
    offset = server_time - slow  # what device.js computes: server minus phone time
    fixed = client.get("/api/me", headers={"Device-Proof": device.proof(
        "GET", "/api/me", nonce=nonce, iat=slow + offset)})
    assert fixed.status_code == 200
    assert alarms(use_db) == 0  # neither is an attack


def test_a_forged_or_stale_nonce_is_refused(phone) -> None:
    client, device = phone
    for nonce in ("1.AAAA", f"{int(time.time())}.forged",
                  request_proofs.new_nonce(time.time() - request_proofs.NONCE_LIFETIME - 5)):
        answer = client.get("/api/me", headers={
            "Device-Proof": device.proof("GET", "/api/me", nonce=nonce)})
        assert answer.json()["error"] == "proof_nonce", nonce


@pytest.mark.parametrize("junk", ["", "x", "1" * 5000 + ".x", "a.b.c", "e30.e30.AAAA",
                                  "." * 3000])
def test_junk_proofs_are_refused_not_crashed(phone, junk: str) -> None:
    client, _ = phone
    answer = client.get("/api/me", headers={"Device-Proof": junk})
    assert answer.status_code == 401 and answer.json()["error"] == "device_proof"


def test_logout_needs_the_device(phone, use_db: Engine) -> None:
    client, device = phone
    thief = TestClient(build(), raise_server_exceptions=False)
    thief.cookies.set("wallet_session", client.cookies.get("wallet_session"))
    refused = thief.post("/api/auth/logout", json={})
    assert refused.status_code == 401
    assert "wallet_session=" in refused.headers["set-cookie"]  # the thief's copy goes
    assert client.get("/api/me", headers=device.headers("GET", "/api/me")).status_code == 200
    assert device.post(client, "/api/auth/logout", {}).json() == {"ok": True}
    assert client.get("/api/me", headers=device.headers("GET", "/api/me")).status_code == 401


def _with_redis(monkeypatch) -> None:
    import redis

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis not reachable at {url} ({exc})")
    monkeypatch.setenv("REDIS_URL", url)


def test_replays_are_refused_across_workers_with_redis(phone, monkeypatch) -> None:
    """With REDIS_URL, every worker shares the spent proofs."""
    _with_redis(monkeypatch)
    client, device = phone
    headers = device.headers("GET", "/api/me")
    other_worker = TestClient(build(), raise_server_exceptions=False)
    other_worker.cookies.set("wallet_session", client.cookies.get("wallet_session"))
    assert client.get("/api/me", headers=headers).status_code == 200
    assert other_worker.get("/api/me", headers=headers).json()["error"] == "proof_replayed"


def test_a_pull_without_a_transaction_keeps_every_proof_rule(phone, use_db: Engine,
                                                            monkeypatch) -> None:
    """With REDIS_URL a sync pull runs without BEGIN and COMMIT (`reads_only`): its proof
    is still single use, a replay still raises the alarm (written at once), a proof for
    another cursor still fails, and what another request writes meanwhile is seen."""
    _with_redis(monkeypatch)
    client, device = phone
    path = "/api/sync/pull?since=&limit=500"
    cursor = client.get(path, headers=device.headers("GET", path)).json()["cursor"]
    path = f"/api/sync/pull?since={cursor}&limit=500"
    headers = device.headers("GET", path)
    assert client.get(path, headers=headers).json()["changes"] == []
    before = alarms(use_db)
    assert client.get(path, headers=headers).json()["error"] == "proof_replayed"
    assert alarms(use_db) == before + 1
    other = device.headers("GET", "/api/sync/pull?since=1.0&limit=500")
    assert client.get(path, headers=other).json()["error"] == "device_proof"
    draft = {"id": "mutation-1", "type": "draft.save",
             "data": {"draft_id": "speed-test-draft", "kind": "reissue_card", "text": "x",
                      "updated": "2026-11-26T10:00:00Z"}}
    try:
        assert device.post(client, "/api/sync/push", {"mutations": [draft]}).json()["acked"]
        changed = client.get(path, headers=device.headers("GET", path)).json()
        assert [c["id"] for c in changed["changes"]] == ["speed-test-draft"]
    finally:  # the seeded database is shared: leave no draft behind
        with use_db.begin() as conn:
            conn.execute(text("DELETE FROM change WHERE entity = 'draft' "
                              "AND entity_id = 'speed-test-draft'"))
            conn.execute(text("DELETE FROM servicedraft WHERE id = 'speed-test-draft'"))
