"""The account keeps the phone's language: set at login and when switched while logged in;
SMS texts use it, and the card image the phone keeps offline is redrawn in it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.http.app import build
from tests.conftest import last_sms, reset_logins, sms_code
from tests.devicekit import Device

AN = "0123456789"


def account_lang(eng: Engine) -> str:
    with eng.connect() as conn:
        return conn.execute(text("SELECT lang FROM person WHERE code = :c"), {"c": AN}).scalar_one()


def card_changes(eng: Engine) -> int:
    with eng.connect() as conn:
        return conn.execute(text(
            "SELECT count(*) FROM change c JOIN person p ON p.id = c.person_id"
            " WHERE p.code = :c AND c.entity = 'card'"), {"c": AN}).scalar_one()


@pytest.fixture
def eng(use_db: Engine) -> Iterator[Engine]:
    yield use_db
    reset_logins(use_db)  # the seeded database is shared: the demo person back in Vietnamese


def test_the_phone_language_becomes_the_account_language(eng: Engine) -> None:
    device, http = Device(), TestClient(build(), raise_server_exceptions=False)
    http.cookies.set("lang", "ko")
    http.post("/api/auth/otp", json={"code": AN, "device_key": device.jwk, "confirm_move": True})
    assert "BHXH số:" in last_sms(eng, AN)  # the account still says Vietnamese
    cards = card_changes(eng)
    answer = http.post("/api/auth/verify", json={"code": AN, "otp": sms_code(eng, AN),
                                                 "device_key": device.jwk})
    assert answer.status_code == 200, answer.text
    assert account_lang(eng) == "ko"
    assert card_changes(eng) == cards + 1  # the card image is redrawn in Korean for the phone

    path = "/api/me/language"
    answer = device.post(http, path, {"lang": "ja"})
    assert answer.json() == {"ok": True, "changed": True}
    assert account_lang(eng) == "ja"
    refused = device.post(http, path, {"lang": "xx"})
    assert refused.status_code == 400 and refused.json()["error"] == "bad_language"
    assert "목록" in refused.json()["message"]  # said in the phone's language (Korean)
    assert account_lang(eng) == "ja"
    stolen = http.post(path, json={"lang": "en"})  # no device proof: refused
    assert stolen.status_code == 401 and account_lang(eng) == "ja"

    # The next login code goes out in the account's language, whatever a new phone shows.
    with eng.begin() as conn:
        conn.execute(text("DELETE FROM otpchallenge"))
    other = TestClient(build(), raise_server_exceptions=False)
    other.post("/api/auth/otp", json={"code": AN, "device_key": Device().jwk,
                                      "confirm_move": True})
    assert last_sms(eng, AN).startswith("社会保険ウォレット")
