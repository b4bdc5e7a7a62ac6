"""The web surface of the API (api/http/web_surface.py and the JSON 404/405): security
headers, cross-site writes, body limits and bad input, on SQLite and PostgreSQL. The page,
asset and service-worker side is walked in tests/browser/test_web_surface.py."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.http.app import build
from sync import protocol
from tests.conftest import sms_code
from tests.devicekit import Device

AN = "0123456789"
HEADERS = ("x-content-type-options", "referrer-policy", "permissions-policy",
           "cross-origin-opener-policy", "content-security-policy", "x-frame-options")


@pytest.fixture
def client(use_db: Engine) -> TestClient:
    return TestClient(build(), raise_server_exceptions=False)


def sms_count(eng: Engine) -> int:
    with eng.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM smsoutbox")).scalar_one()


def assert_hardened(answer) -> None:
    for name in HEADERS:
        assert name in answer.headers, name
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_every_kind_of_api_answer_carries_the_headers(client: TestClient) -> None:
    for answer in (client.get("/api/card-keys"),  # 200
                   client.get("/api/me"),  # 401
                   client.get("/api/nothing/here"),  # 404
                   client.get("/api/auth/otp"),  # 405
                   client.post("/api/auth/otp", content=b"{", headers={
                       "content-type": "application/json"})):  # 400
        assert_hardened(answer)
        assert answer.headers["content-type"].startswith("application/json")
        assert "strict-transport-security" not in answer.headers  # plain http here
    https = client.get("/api/card-keys", headers={"x-forwarded-proto": "https"})
    assert https.headers["strict-transport-security"].startswith("max-age=")


def test_unknown_api_routes_answer_json(client: TestClient) -> None:
    missing = client.get("/api/does-not-exist", headers={"accept-language": "en"})
    assert missing.status_code == 404
    assert missing.json() == {"error": "not_found",
                              "message": "Nothing was found at this address."}
    wrong = client.delete("/api/auth/otp", headers={"accept-language": "en"})
    assert wrong.status_code == 405 and wrong.json()["error"] == "method_not_allowed"
    assert wrong.headers["allow"] == "POST"


def test_a_foreign_page_cannot_ask_for_an_sms_code(client: TestClient,
                                                   use_db: Engine) -> None:
    device = Device()
    body = json.dumps({"code": AN, "device_key": device.jwk, "confirm_move": True})
    # What a <form> or fetch(no-cors) on another site can send: text/plain, foreign Origin.
    plain = client.post("/api/auth/otp", content=body, headers={
        "content-type": "text/plain", "origin": "https://evil.example"})
    assert plain.status_code == 403 and plain.json()["error"] == "cross_site"
    # Even as JSON, another origin is refused; so is text/plain from our own origin.
    foreign = client.post("/api/auth/otp", content=body, headers={
        "content-type": "application/json", "origin": "https://evil.example"})
    assert foreign.status_code == 403
    fetched = client.post("/api/auth/otp", content=body, headers={
        "content-type": "application/json", "sec-fetch-site": "cross-site"})
    assert fetched.status_code == 403
    typed = client.post("/api/auth/otp", content=body, headers={
        "content-type": "text/plain", "origin": "http://localhost:3000"})
    assert typed.status_code == 415 and typed.json()["error"] == "json_only"
    assert sms_count(use_db) == 0
    ours = client.post("/api/auth/otp", content=body, headers={
        "content-type": "application/json", "origin": "http://localhost:3000"})
    assert ours.status_code == 200 and sms_count(use_db) == 1


def test_bodies_have_limits(client: TestClient) -> None:
    big = json.dumps({"code": AN, "pad": "x" * 9000})
    answer = client.post("/api/auth/otp", content=big, headers={
        "content-type": "application/json", "accept-language": "en"})
    assert answer.status_code == 413 and answer.json()["error"] == "too_large"
    assert "8 KB" in answer.json()["message"]
    junk = b'{"mutations": [' + b'{"id": "x", "type": "y"},' * 60000 + b"{}]}"
    assert len(junk) > 1024 * 1024
    pushed = client.post("/api/sync/push", content=junk,
                         headers={"content-type": "application/json"})
    assert pushed.status_code == 413
    assert len(pushed.content) < 1000  # a small answer, whatever was sent


@pytest.fixture
def phone(client: TestClient, use_db: Engine) -> Device:
    device = Device()
    client.post("/api/auth/otp", json={"code": AN, "device_key": device.jwk,
                                        "confirm_move": True})
    assert client.post("/api/auth/verify", json={
        "code": AN, "otp": sms_code(use_db, AN), "device_key": device.jwk}).status_code == 200
    return device


def test_a_push_has_a_cap_on_mutations_and_on_its_answer(client: TestClient,
                                                         phone: Device) -> None:
    many = [{"id": f"m-{n:08d}", "type": "draft.delete", "data": {"draft_id": "none"}}
            for n in range(protocol.MAX_MUTATIONS + 1)]
    answer = phone.post(client, "/api/sync/push", {"mutations": many}, **{
        "accept-language": "en"})
    assert answer.status_code == 413 and answer.json()["error"] == "too_many_changes"
    # Junk ids are echoed back cut short, so the answer stays small.
    junk = [{"id": "x" * 5000, "type": "y"}] * 100
    small = phone.post(client, "/api/sync/push", {"mutations": junk})
    assert small.status_code == 200 and len(small.json()["rejected"]) == 100
    assert len(small.content) < 100 * 200 < len(json.dumps(junk)) / 20


@pytest.mark.parametrize("body", [
    b"[" * 5000 + b"]" * 5000,  # nested too deep for the parser
    b'{"code": ' + b"9" * 5000 + b"}",  # a number too long to read
    b'{"code": 1e999}', b"\xff\xfe", b"null", b'"text"', b"[]",
])
def test_bad_json_is_a_400(client: TestClient, body: bytes) -> None:
    answer = client.post("/api/auth/otp", content=body,
                         headers={"content-type": "application/json"})
    assert answer.status_code in (400, 413), answer.text
    assert answer.json()["error"] in ("bad_request", "too_large", "format", "empty",
                                      "device_key")


def test_huge_numbers_and_odd_values_in_sync_are_refused_not_crashed(
        client: TestClient, phone: Device) -> None:
    mutations = [
        {"id": "n-00000001", "type": "notice.read", "data": {"notice_id": 10 ** 30}},
        {"id": "n-00000002", "type": "notice.read", "data": {"notice_id": -1}},
        {"id": "n-00000003", "type": "draft.save", "data": {
            "draft_id": "d1", "kind": "other", "text": "x", "updated": "0000-13-45"}},
        {"id": "n-00000004", "type": "draft.save", "data": {
            "draft_id": "d2", "kind": "other", "text": "x", "updated": "99999-01-01"}},
    ]
    answer = phone.post(client, "/api/sync/push", {"mutations": mutations})
    assert answer.status_code == 200
    assert {r["id"] for r in answer.json()["rejected"]} == {m["id"] for m in mutations}
    for since in ("1." + "9" * 40, "x" * 3000, "1.-5", "1.1e9"):
        path = f"/api/sync/pull?since={since}&limit=99999999999999999999999"
        pulled = client.get(path, headers=phone.headers("GET", path))
        assert pulled.status_code == 200 and pulled.json()["reset"] is True
