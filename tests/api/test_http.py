"""The JSON API over HTTP (Starlette test client), on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.card import qr
from api.card.base45 import b45decode, b45encode
from api.http.app import build
from locales import trn
from tests.conftest import sms_code
from tests.devicekit import Device

AN = "0123456789"


@pytest.fixture
def client(use_db: Engine) -> TestClient:
    return TestClient(build(), raise_server_exceptions=False)


@pytest.fixture
def device() -> Device:
    return Device()


def login(client: TestClient, eng: Engine, device: Device, code: str = AN) -> None:
    sent = client.post("/api/auth/otp", json={"code": code, "device_key": device.jwk,
                                              "confirm_move": True})
    assert sent.status_code == 200, sent.text
    answer = client.post("/api/auth/verify", json={"code": code, "otp": sms_code(eng, code),
                                                   "device_key": device.jwk,
                                                   "device_name": device.name})
    assert answer.status_code == 200, answer.text


def get(client: TestClient, device: Device, path: str, **kwargs):
    """GET with the device proof a browser adds."""
    return client.get(path, headers=device.headers("GET", path), **kwargs)


def test_login_sets_a_strict_httponly_cookie(client: TestClient, use_db: Engine,
                                             device: Device) -> None:
    sent = client.post("/api/auth/otp", json={"code": AN, "device_key": device.jwk})
    assert sent.json() == {"ok": True, "phone": "*******678", "resend_after": 60}
    answer = client.post("/api/auth/verify", json={"code": AN, "otp": sms_code(use_db, AN),
                                                   "device_key": device.jwk})
    cookie = answer.headers["set-cookie"]
    assert "wallet_session=" in cookie and "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie
    assert "Secure" not in cookie  # plain http in tests
    assert get(client, device, "/api/me").json()["full_name"] == "Nguyễn Văn An"


@pytest.mark.parametrize(("peer", "secure"), [("127.0.0.1", True), ("203.0.113.9", False)])
def test_cookie_is_secure_behind_an_https_proxy(use_db: Engine, device: Device, peer: str,
                                                secure: bool) -> None:
    """X-Forwarded-Proto counts from the trusted proxy (loopback) only: anyone else could
    write it."""
    client = TestClient(build(), raise_server_exceptions=False, client=(peer, 50000))
    client.post("/api/auth/otp", json={"code": AN, "device_key": device.jwk})
    answer = client.post("/api/auth/verify", json={"code": AN, "otp": sms_code(use_db, AN),
                                                   "device_key": device.jwk},
                         headers={"x-forwarded-proto": "https"})
    assert ("Secure" in answer.headers["set-cookie"]) is secure


def test_records_need_a_session(client: TestClient) -> None:
    for path in ("/api/me", "/api/me/card", "/api/me/card.png", "/api/me/participation",
                 "/api/me/benefits", "/api/me/visits", "/api/me/photo"):
        answer = client.get(path, headers={"accept-language": "en"})
        assert answer.status_code == 401, path
        assert answer.json() == {"error": "not_logged_in", "message": "Please log in first."}


def test_the_citizen_sees_card_history_benefits_visits(client: TestClient, use_db: Engine,
                                                        device: Device) -> None:
    login(client, use_db, device)
    card = get(client, device, "/api/me/card?lang=vi").json()
    assert card["number"] == AN and card["group_code"] == "DN" and card["level"] == "80%"
    assert card["legacy_number"] == "DN4010123456789"
    assert card["qr_svg"].startswith("data:image/svg+xml")
    keys = client.get("/api/card-keys").json()["keys"]
    assert qr.verify(card["qr_text"]).kid == keys[0]["kid"]
    history = get(client, device, "/api/me/participation?lang=vi").json()
    bhxh = next(s for s in history["schemes"] if s["scheme"] == "BHXH")
    assert bhxh["periods"] and bhxh["unpaid"] == 2
    unpaid = ("{n} month declared by the employer but not yet paid",
              "{n} months declared by the employer but not yet paid")
    assert bhxh["unpaid_text"] == trn("vi", *unpaid, 2, n=2)
    assert bhxh["unpaid_text"] != trn("en", *unpaid, 2, n=2)
    # babel's Vietnamese currency format: dots between thousands, a no-break space, ₫
    assert re.fullmatch(r"\d{1,3}(\.\d{3})+\u00a0₫", bhxh["periods"][0]["salary"])
    assert get(client, device, "/api/me/benefits").status_code == 200
    visits = get(client, device, "/api/me/visits?lang=vi").json()
    assert visits["count"] == len(visits["visits"]) > 0
    png = get(client, device, "/api/me/card.png?download=1")
    assert png.headers["content-type"] == "image/png" and png.content[:4] == b"\x89PNG"
    assert "attachment" in png.headers["content-disposition"]


def test_logout_ends_the_session(client: TestClient, use_db: Engine, device: Device) -> None:
    login(client, use_db, device)
    assert device.post(client, "/api/auth/logout", {}).json() == {"ok": True}
    assert get(client, device, "/api/me").status_code == 401


def test_forged_cookie_is_refused(client: TestClient) -> None:
    client.cookies.set("wallet_session", "A" * 43)
    assert client.get("/api/me").status_code == 401


@pytest.mark.parametrize("body, status, reason", [
    ({"code": "12"}, 400, "format"),
    ({"code": ""}, 400, "empty"),
    ({"code": "0000000001"}, 404, "unknown_person"),
    ({}, 400, "empty"),
    ({"code": AN, "device_key": None}, 400, "device_key"),
    ({"code": AN, "device_key": {"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"}}, 400,
     "device_key"),
])
def test_bad_codes_get_clear_messages(client: TestClient, body: dict, status: int,
                                      reason: str, device: Device) -> None:
    body = {"device_key": device.jwk, **body}
    answer = client.post("/api/auth/otp", json=body, headers={"accept-language": "vi"})
    assert answer.status_code == status
    assert answer.json()["error"] == reason
    assert answer.json()["message"]  # a sentence in Vietnamese, not a trace
    assert "Traceback" not in answer.text


@pytest.mark.parametrize("raw", [b"not json", b"[1,2]", b"\xff\xfe"])
def test_unreadable_bodies_are_400_not_500(client: TestClient, raw: bytes) -> None:
    answer = client.post("/api/auth/otp", content=raw,
                         headers={"content-type": "application/json", "accept-language": "en"})
    assert answer.status_code == 400
    assert answer.json()["error"] == "bad_request"


def test_wrong_otp_counts_down_in_the_users_language(client: TestClient, use_db: Engine,
                                                      device: Device) -> None:
    client.post("/api/auth/otp", json={"code": AN, "device_key": device.jwk})
    good = sms_code(use_db, AN)
    wrong = f"{(int(good) + 7) % 10**6:06d}"
    answer = client.post("/api/auth/verify", json={"code": AN, "otp": wrong,
                                                   "device_key": device.jwk},
                         headers={"accept-language": "en"})
    assert answer.status_code == 400
    assert answer.json()["message"] == "Wrong code. 4 tries left for this code."


def test_expired_login_ticket_goes_back_to_login(client: TestClient) -> None:
    answer = client.get("/api/auth/session?ticket=nope", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/login?expired=1"


def test_card_verify_endpoint_refuses_tampering(client: TestClient, use_db: Engine,
                                                 device: Device) -> None:
    login(client, use_db, device)
    text = get(client, device, "/api/me/card").json()["qr_text"]
    ok = client.post("/api/card/verify", json={"qr": text}).json()
    assert ok["ok"] and ok["code"] == AN
    blob = bytearray(b45decode(text[4:]))
    blob[20] ^= 0x01
    forged = client.post("/api/card/verify", json={"qr": "BV1:" + b45encode(bytes(blob))},
                         headers={"accept-language": "en"})
    assert forged.status_code == 422 and forged.json()["error"] in ("qr_bad_signature",
                                                                    "qr_format")
    junk = client.post("/api/card/verify", json={"qr": "hello"})
    assert junk.json()["error"] == "qr_format"


def test_lookups_search_without_accents_and_clamp_pages(client: TestClient) -> None:
    found = client.get("/api/lookup/facilities?q=benh vien bach mai&lang=en").json()
    assert [item["name"] for item in found["items"]] == ["Bệnh viện Bạch Mai"]
    everything = client.get("/api/lookup/agencies").json()
    assert everything["total"] == 34 * 5 and len(everything["items"]) == 20
    far = client.get("/api/lookup/agencies?page=999999&lang=en").json()
    assert far["page"] == far["pages"] == 9 and "no page 999999" in far["note"]
    assert client.get("/api/lookup/agencies?page=-3").json()["page"] == 1
    assert client.get("/api/lookup/agencies?page=abc").json()["page"] == 1
    short = client.get("/api/lookup/employers?q=a&lang=en")
    assert short.status_code == 400 and short.json()["error"] == "search_empty"
    assert client.get("/api/lookup/spaceships").status_code == 404
    hanoi = client.get("/api/lookup/agents?province=01").json()
    assert hanoi["total"] == 10


def test_unknown_route_is_json_404(client: TestClient) -> None:
    answer = client.get("/api/nothing-here")
    assert answer.status_code == 404


def test_a_shared_address_never_refuses_the_right_code(client: TestClient, use_db: Engine,
                                                       monkeypatch) -> None:
    """One carrier address, two people: the first one's wrong codes do not lock the second
    out (they only slow the address down a little)."""
    from api.auth import throttle as limits

    monkeypatch.setattr(limits, "ADDRESS_SOFT_LIMIT", {"send": 1, "verify": 1})
    monkeypatch.setattr(limits, "PAUSE_STEP", 0.01)
    clumsy, careful = Device(), Device()
    kim = "2712345670"
    assert client.post("/api/auth/otp", json={"code": kim, "device_key": clumsy.jwk,
                                               "confirm_move": True}).status_code == 200
    wrong = f"{(int(sms_code(use_db, kim)) + 1) % 10**6:06d}"
    for _ in range(6):
        answer = client.post("/api/auth/verify", json={"code": kim, "otp": wrong,
                                                       "device_key": clumsy.jwk})
        assert answer.status_code in (400, 429)
        assert answer.json()["error"] in ("otp_wrong", "otp_locked")
    login(client, use_db, careful)  # asserts 200 for the code request and the right code
    assert get(client, careful, "/api/me").json()["full_name"] == "Nguyễn Văn An"
