"""Passkeys at API level with a software authenticator (real P-256 keys and WebAuthn
structures), on SQLite and PostgreSQL: the happy path and every refusal the issue names."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.testclient import TestClient

from api.auth import passkeys
from api.clock import utcnow
from api.http.app import build
from tests.conftest import sms_code
from tests.devicekit import Authenticator, Device, unb64url

AN = "0123456789"


class Phone:
    """One browser profile: device key, authenticator, cookie jar."""

    def __init__(self, eng: Engine, name: str = "Chrome · Android") -> None:
        self.eng = eng
        self.device = Device(name)
        self.auth = Authenticator()
        self.http = TestClient(build(), raise_server_exceptions=False)

    def post(self, path: str, body: dict | None = None, signed: bool = False):
        if signed:
            return self.device.post(self.http, path, body or {}, **{"accept-language": "en"})
        return self.http.post(path, json=body or {}, headers={"accept-language": "en"})

    def sms_login(self, move: bool = True) -> None:
        assert self.post("/api/auth/otp", {"code": AN, "device_key": self.device.jwk,
                                           "confirm_move": move}).status_code == 200
        assert self.post("/api/auth/verify", {"code": AN, "otp": sms_code(self.eng, AN),
                                              "device_key": self.device.jwk,
                                              "device_name": self.device.name}).status_code == 200

    def create_passkey(self, **tamper) -> dict:
        options = self.post("/api/passkeys/options", signed=True).json()
        credential = self.auth.create(options, **tamper)
        return self.post("/api/passkeys", {"credential": credential}, signed=True).json()

    def passkey_options(self) -> dict:
        return self.post("/api/auth/passkey/options", {"device_key": self.device.jwk}).json()

    def passkey_login(self, options: dict | None = None, **tamper) -> dict:
        options = options or self.passkey_options()
        credential = self.auth.get(options, **tamper)
        answer = self.post("/api/auth/passkey", {
            "credential": credential, "device_key": self.device.jwk,
            "device_signature": self.device.sign(unb64url(options["challenge"]))})
        return answer.json() | {"status": answer.status_code}

    def me(self) -> int:
        return self.http.get("/api/me", headers=self.device.headers("GET", "/api/me")).status_code


@pytest.fixture
def phone(use_db: Engine, monkeypatch) -> Phone:
    monkeypatch.setattr("api.auth.otp.RESEND_AFTER", dt.timedelta(0))
    p = Phone(use_db)
    p.sms_login()
    assert p.create_passkey() == {"ok": True}
    p.post("/api/auth/logout")
    return p


def test_passkey_login_after_logout(phone: Phone, use_db: Engine) -> None:
    assert phone.me() == 401
    assert phone.passkey_login() == {"ok": True, "home": "/", "status": 200}
    assert phone.me() == 200
    with use_db.connect() as conn:
        count = conn.execute(text("SELECT sign_count FROM passkey")).scalar_one()
    assert count == 1
    options = phone.passkey_options()
    assert options["userVerification"] == "required" and options["rpId"] == "localhost"


def test_registration_requires_user_verification_and_right_origin(use_db: Engine,
                                                                   monkeypatch) -> None:
    monkeypatch.setattr("api.auth.otp.RESEND_AFTER", dt.timedelta(0))
    p = Phone(use_db)
    p.sms_login()
    options = p.post("/api/passkeys/options", signed=True).json()
    assert options["authenticatorSelection"]["userVerification"] == "required"
    assert options["authenticatorSelection"]["residentKey"] == "preferred"
    assert p.create_passkey(uv=False)["error"] == "passkey_invalid"
    assert p.create_passkey(origin="https://evil.example")["error"] == "passkey_invalid"
    assert p.create_passkey(rp_id="evil.example")["error"] == "passkey_invalid"
    # Registration needs a device-proven session.
    stranger = Phone(use_db)
    assert stranger.post("/api/passkeys/options").status_code == 401


@pytest.mark.parametrize("tamper, reason", [
    ({"origin": "https://vssid.evil.example"}, "passkey_invalid"),
    ({"rp_id": "evil.example"}, "passkey_invalid"),
])
def test_wrong_origin_or_rp_id_is_refused(phone: Phone, tamper: dict, reason: str) -> None:
    assert phone.passkey_login(**tamper)["error"] == reason
    assert phone.me() == 401


def test_replayed_challenge_is_refused(phone: Phone) -> None:
    options = phone.passkey_options()
    assert phone.passkey_login(options)["status"] == 200
    again = phone.passkey_login(options)
    assert again["error"] == "challenge_used"


def test_expired_challenge_is_refused(phone: Phone, monkeypatch) -> None:
    options = phone.passkey_options()
    later = utcnow() + dt.timedelta(minutes=5, seconds=1)
    monkeypatch.setattr(passkeys, "utcnow", lambda: later)
    assert phone.passkey_login(options)["error"] == "challenge_expired"


def test_unknown_challenge_is_refused(phone: Phone) -> None:
    made_up = {"challenge": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}
    assert phone.passkey_login(made_up)["error"] == "challenge_unknown"


def test_unknown_credential_is_refused(phone: Phone) -> None:
    stranger = Authenticator()
    stranger.create({"challenge": "x", "user": {"id": "AAAA"}})
    phone.auth = stranger
    assert phone.passkey_login()["error"] == "passkey_unknown"


def test_challenge_is_tied_to_the_device_key_that_asked(phone: Phone) -> None:
    options = phone.passkey_options()
    credential = phone.auth.get(options)
    other = Device()
    answer = phone.post("/api/auth/passkey", {
        "credential": credential, "device_key": other.jwk,
        "device_signature": other.sign(unb64url(options["challenge"]))})
    assert answer.json()["error"] == "device_proof"


def test_sign_count_regression_switches_the_passkey_off(phone: Phone, use_db: Engine) -> None:
    assert phone.passkey_login(counter=10)["status"] == 200
    phone.post("/api/auth/logout")
    cloned = phone.passkey_login(counter=7)
    assert cloned["error"] == "passkey_cloned" and cloned["status"] == 400
    assert "copied" in cloned["message"]
    assert phone.passkey_login(counter=11)["error"] == "passkey_revoked"
    with use_db.connect() as conn:
        kinds = [r[0] for r in conn.execute(text("SELECT kind FROM securityevent"))]
    assert "sign_count_regression" in kinds
    phone.sms_login()  # not locked out: the SMS code still works
    assert phone.me() == 200


def test_synced_passkey_reporting_zero_keeps_working(use_db: Engine, monkeypatch) -> None:
    monkeypatch.setattr("api.auth.otp.RESEND_AFTER", dt.timedelta(0))
    p = Phone(use_db)
    p.sms_login()
    p.create_passkey()
    for _ in range(3):
        assert p.passkey_login(counter=0)["status"] == 200


def test_revoked_device_credentials_never_verify(phone: Phone, use_db: Engine) -> None:
    new_phone = Phone(use_db, "Safari · iOS")
    new_phone.sms_login(move=True)  # the account moves: old device and passkey revoked
    assert phone.passkey_login()["error"] == "passkey_revoked"


def test_synced_passkey_on_another_phone_needs_sms_to_move(phone: Phone,
                                                           use_db: Engine) -> None:
    other = Phone(use_db, "Chrome · tablet")
    other.auth = phone.auth  # the same passkey, synced
    answer = other.passkey_login()
    assert answer["status"] == 409 and answer["error"] == "device_rebind"
    assert answer["code"] == AN
    assert other.me() == 401


def test_asking_for_login_options_again_and_again_fills_nothing(use_db: Engine,
                                                                 monkeypatch) -> None:
    """Options requests are unauthenticated: each asker keeps a few open challenges, expired
    ones are swept, and one address asking very often is slowed down, never shut out."""
    from api.auth import throttle as limits

    monkeypatch.setattr(limits, "PAUSE_STEP", 0.001)
    monkeypatch.setattr(limits, "ADDRESS_SOFT_LIMIT",
                        limits.ADDRESS_SOFT_LIMIT | {"passkey": 5})
    phone = Phone(use_db)
    for _ in range(30):
        assert "challenge" in phone.passkey_options()
    strangers = [Phone(use_db) for _ in range(3)]
    for stranger in strangers:
        stranger.passkey_options()
    with use_db.connect() as conn:
        stored = conn.execute(text("SELECT count(*) FROM webauthnchallenge")).scalar_one()
    assert stored <= 5 + 3
    with Session(use_db) as s:
        assert limits.address_pause(s, "passkey", "testclient") > 0
