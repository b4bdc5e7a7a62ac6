"""One active device per account, on SQLite and PostgreSQL: moving with an SMS code signs
the old device out at once; a session cookie alone (without the device key) gets nothing."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select
from starlette.testclient import TestClient

from api.auth import device_binding
from api.auth.device_keys import thumbprint
from api.auth.models import Device as DeviceRow
from api.auth.sms import OutboxGateway
from api.clock import utcnow
from api.domain.models import Person
from api.http.app import build
from api.services.errors import UserError
from tests.conftest import last_sms, sms_code
from tests.devicekit import Device

AN = "0123456789"


def client() -> TestClient:
    return TestClient(build(), raise_server_exceptions=False)


def bind(c: TestClient, eng: Engine, device: Device, move: bool = False) -> dict:
    sent = c.post("/api/auth/otp", json={"code": AN, "device_key": device.jwk,
                                         "confirm_move": move})
    if sent.status_code != 200:
        return sent.json()
    answer = c.post("/api/auth/verify", json={"code": AN, "otp": sms_code(eng, AN),
                                              "device_key": device.jwk,
                                              "device_name": device.name})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_second_device_is_warned_then_moves_and_first_is_signed_out(use_db: Engine,
                                                                    monkeypatch) -> None:
    phone_a, phone_b = Device("Chrome · Android"), Device("Safari · iOS")
    a, b = client(), client()
    bind(a, use_db, phone_a)
    assert a.get("/api/me", headers=phone_a.headers("GET", "/api/me")).status_code == 200
    # Phone B: warned (naming nothing until the code is proven), no code sent yet.
    warned = b.post("/api/auth/otp", json={"code": AN, "device_key": phone_b.jwk},
                    headers={"accept-language": "en"})
    assert warned.status_code == 409 and warned.json()["error"] == "device_in_use"
    assert "Chrome · Android" not in warned.json()["message"]
    with use_db.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM smsoutbox")).scalar() == 1
    # Confirms; gets the code; binds.
    monkeypatch.setattr("api.auth.otp.RESEND_AFTER", dt.timedelta(0))
    bind(b, use_db, phone_b, move=True)
    assert b.get("/api/me", headers=phone_b.headers("GET", "/api/me")).status_code == 200
    # Phone A is out at once, and is told why.
    gone = a.get("/api/me", headers=phone_a.headers("GET", "/api/me") | {
        "accept-language": "en"})
    assert gone.status_code == 401 and gone.json()["error"] == "moved"
    assert "moved to another device" in gone.json()["message"]
    # The owner was told by SMS on the registered phone.
    assert "moved to a new device" in last_sms(use_db, AN) or \
        "BHXH số: tài khoản vừa đổi sang máy mới" in last_sms(use_db, AN)
    with Session(use_db) as s:
        person = s.exec(select(Person).where(Person.code == AN)).one()
        rows = s.exec(select(DeviceRow).where(DeviceRow.person_id == person.id)).all()
    assert [(r.name, r.revoked_reason) for r in rows] == [("Chrome · Android", "moved"),
                                                         ("Safari · iOS", "")]


def test_copied_cookie_without_device_key_is_refused(use_db: Engine) -> None:
    phone, thief_key = Device(), Device("attacker")
    owner = client()
    bind(owner, use_db, phone)
    thief = client()
    thief.cookies.set("wallet_session", owner.cookies.get("wallet_session"))
    for headers in ({}, thief_key.headers("GET", "/api/me"),
                    {"Device-Proof": phone.proof("GET", "/api/me/card")},  # other path
                    {"Device-Proof": "1" * 5000 + ".x"}):  # junk
        answer = thief.get("/api/me", headers=headers)
        assert answer.status_code == 401 and answer.json()["error"] == "device_proof"
    with use_db.connect() as conn:
        kinds = [r[0] for r in conn.execute(text("SELECT kind FROM securityevent"))]
    assert "foreign_session" in kinds  # the owner will see it


def test_database_refuses_two_active_devices(use_db: Engine) -> None:
    with Session(use_db) as s:
        person = s.exec(select(Person).where(Person.code == AN)).one()
        now = utcnow()
        for d in (Device(), Device()):
            s.add(DeviceRow(person_id=person.id, key_thumbprint=thumbprint(d.jwk),
                            public_jwk="{}", name="x", bound_at=now, last_seen=now))
        with pytest.raises(IntegrityError):
            s.commit()


def test_concurrent_bindings_leave_exactly_one_active_device(use_db: Engine) -> None:
    """Many devices bind at once (threads, separate connections): one wins each round and
    the database never holds two active devices for the person."""
    outcomes: list[str] = []
    barrier = threading.Barrier(4)

    def attempt(device: Device) -> None:
        with Session(use_db) as s:
            person = s.exec(select(Person).where(Person.code == AN)).one()
            barrier.wait()
            try:
                device_binding.bind(s, person, device.jwk, device.name, "", OutboxGateway(), "vi")
                outcomes.append("bound")
            except UserError as exc:
                outcomes.append(exc.reason)
            except Exception as exc:  # SQLite may say "database is locked" under contention
                outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=attempt, args=(Device(f"d{i}"),)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert "bound" in outcomes
    with use_db.connect() as conn:
        active = conn.execute(text("SELECT COUNT(*) FROM device d JOIN person p ON "
                                   "p.id = d.person_id WHERE p.code = :c AND "
                                   "d.revoked_at IS NULL"), {"c": AN}).scalar()
    assert active == 1


def test_sign_out_this_device(use_db: Engine, monkeypatch) -> None:
    monkeypatch.setattr("api.auth.otp.RESEND_AFTER", dt.timedelta(0))
    phone = Device()
    c = client()
    bind(c, use_db, phone)
    out = phone.post(c, "/api/security/sign-out", {})
    assert out.status_code == 200
    again = c.get("/api/me", headers=phone.headers("GET", "/api/me"))
    assert again.json()["error"] in ("signed_out", "not_logged_in")
    # Logging in again on the same phone needs the SMS code and binds it anew.
    c2 = client()
    bind(c2, use_db, phone)
    view = c2.get("/api/security", headers=phone.headers("GET", "/api/security")).json()
    kinds = [e["kind"] for e in view["events"]]
    assert kinds[:3] == ["login_otp", "device_bound", "device_signed_out"]
