"""Clinic staff accounts on SQLite and PostgreSQL, over HTTP with real device keys and
WebAuthn structures: the staff login (staff code, code to the staff phone, desk device,
session of role "clinic"), up to three desk devices, a person who is citizen and staff with
two separate logins, roles refused both ways, the CLI and the migration."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.testclient import TestClient

from api import cli
from api.auth import passkeys, staff
from api.auth.models import Device as DeviceRow
from api.auth.models import StaffAccount
from api.domain.models import Person
from api.http.app import build
from api.services import login
from tests.conftest import ROOT, last_sms, migrate, postgres_database, sms_code
from tests.devicekit import Authenticator, Device, sms_login, unb64url

AN, AN_DESK = "0123456789", "01H01-01"  # Nguyễn Văn An: citizen, and staff at Bạch Mai
NGOC_DESK = "79H01-01"


def client() -> TestClient:
    return TestClient(build(), raise_server_exceptions=False)


def get(c: TestClient, device: Device, path: str, **headers: str):
    return c.get(path, headers=device.headers("GET", path) | headers)


@pytest.fixture
def quick_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("api.auth.otp.RESEND_AFTER", dt.timedelta(0))


def test_staff_login_end_to_end(use_db: Engine) -> None:
    c, desk = client(), Device("Chrome · Windows")
    sent = c.post("/api/auth/otp", json={"staff_code": " 01h01-01 ", "device_key": desk.jwk})
    assert sent.status_code == 200 and sent.json()["phone"].endswith("101")
    # The code went to the staff phone, filed under the staff code (`api.cli outbox 01H01-01`).
    with use_db.connect() as conn:
        phone = conn.execute(text("SELECT phone FROM smsoutbox WHERE person_code = :c"),
                             {"c": AN_DESK}).scalar_one()
    assert phone == "0912000101"
    answer = c.post("/api/auth/verify", json={
        "staff_code": AN_DESK, "otp": sms_code(use_db, AN_DESK), "device_key": desk.jwk,
        "device_name": desk.name})
    assert answer.status_code == 200 and answer.json() == {"ok": True, "home": "/clinic"}
    me = get(c, desk, "/api/clinic/me")
    assert me.status_code == 200, me.text
    assert me.json()["staff_code"] == AN_DESK and me.json()["full_name"] == "Nguyễn Văn An"
    assert me.json()["facility"] == {"code": "01H01", "name": "Bệnh viện Bạch Mai",
                                     "province": "Hà Nội"}
    # A staff session is no citizen session.
    assert get(c, desk, "/api/me").status_code == 403
    with Session(use_db) as s:
        row = s.exec(select(DeviceRow).where(DeviceRow.key_thumbprint != "")).one()
        account = s.exec(select(StaffAccount).where(StaffAccount.staff_code == AN_DESK)).one()
        assert row.staff_id == account.id and staff.role_of(s, row) == "clinic"


def test_page_login_ticket_lands_on_the_clinic_page(use_db: Engine) -> None:
    desk = Device()
    with Session(use_db, expire_on_commit=False) as s:
        login.request_code(s, NGOC_DESK, "vi", desk.jwk, as_staff=True)
        ticket = login.confirm_code(s, NGOC_DESK, sms_code(use_db, NGOC_DESK), desk.jwk,
                                    "Tablet", as_staff=True)
    answer = client().get(f"/api/auth/session?ticket={ticket}", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == login.CLINIC_HOME


def test_bad_or_unknown_staff_codes_are_refused(use_db: Engine) -> None:
    c, desk = client(), Device()
    for typed, status, reason in (("", 400, "staff_empty"), ("0123456789", 400, "staff_format"),
                                  ("01H01-99", 404, "unknown_staff")):
        answer = c.post("/api/auth/otp", json={"staff_code": typed, "device_key": desk.jwk},
                        headers={"accept-language": "en"})
        assert (answer.status_code, answer.json()["error"]) == (status, reason), typed
        assert answer.json()["message"]


def test_three_desk_devices_and_a_fourth_signs_out_the_least_recently_seen(
        use_db: Engine, quick_codes: None) -> None:
    desks = [(client(), Device(name)) for name in ("PC", "Tablet", "Spare", "New PC")]
    for c, d in desks[:3]:
        sms_login(c, use_db, d, staff_code=NGOC_DESK)
    for c, d in desks[:3]:
        assert get(c, d, "/api/clinic/me").status_code == 200
    # The tablet was last seen an hour ago: the PC, bound first, was used since.
    with Session(use_db) as s:
        tablet = s.exec(select(DeviceRow).where(DeviceRow.name == "Tablet")).one()
        tablet.last_seen -= dt.timedelta(hours=1)
        s.add(tablet)
        s.commit()
    c4, d4 = desks[3]
    sms_login(c4, use_db, d4, staff_code=NGOC_DESK)
    assert get(c4, d4, "/api/clinic/me").status_code == 200
    states = {name: get(c, d, "/api/clinic/me").status_code for (c, d), name in
              zip(desks, ("PC", "Tablet", "Spare", "New PC"), strict=True)}
    assert states == {"PC": 200, "Tablet": 401, "Spare": 200, "New PC": 200}
    gone = get(*desks[1], "/api/clinic/me")
    assert gone.json()["error"] == "moved"
    # The staff phone is told, naming both devices.
    notice = last_sms(use_db, NGOC_DESK)
    # One SMS segment (tests/unit/test_sms_length.py): the staff code, not the device names.
    assert NGOC_DESK in notice and "Gọi 1900 9068" in notice
    with Session(use_db) as s:
        account = s.exec(select(StaffAccount).where(StaffAccount.staff_code == NGOC_DESK)).one()
        assert len(staff.desk_devices(s, account.id)) == staff.DESK_DEVICES
    # Logging in again on a desk that is still bound binds nothing new.
    sms_login(desks[0][0], use_db, desks[0][1], staff_code=NGOC_DESK)
    assert get(*desks[2], "/api/clinic/me").status_code == 200


def test_citizen_and_staff_logins_of_one_person_stay_apart(use_db: Engine,
                                                           quick_codes: None) -> None:
    phone_c, phone = client(), Device("Safari · iOS")
    desk_c, desk = client(), Device("Chrome · Windows")
    sms_login(phone_c, use_db, phone, code=AN)
    # The staff code right after the citizen's: its own limits, no "resend too soon".
    sms_login(desk_c, use_db, desk, staff_code=AN_DESK, move=False)
    assert get(phone_c, phone, "/api/me").status_code == 200
    assert get(desk_c, desk, "/api/clinic/me").status_code == 200
    # Two separate bindings: the citizen login still has exactly one device, the phone.
    with Session(use_db) as s:
        person = s.exec(select(Person).where(Person.code == AN)).one()
        from api.auth import device_binding
        assert device_binding.active_device(s, person.id).name == "Safari · iOS"
    # The citizen moving to a new phone leaves the desk alone, and needs no desk warning.
    new_c, new_phone = client(), Device("Chrome · Android")
    warned = new_c.post("/api/auth/otp", json={"code": AN, "device_key": new_phone.jwk})
    assert warned.status_code == 409
    sms_login(new_c, use_db, new_phone, code=AN, move=True)
    assert get(phone_c, phone, "/api/me").status_code == 401
    assert get(desk_c, desk, "/api/clinic/me").status_code == 200
    # The citizen's security page shows the citizen login only.
    view = get(new_c, new_phone, "/api/security").json()
    assert view["device"]["name"] == "Chrome · Android"
    assert all(e["device"] != "Chrome · Windows" for e in view["events"])
    # Each side refuses the other.
    assert get(new_c, new_phone, "/api/clinic/me").status_code == 403
    refused = get(desk_c, desk, "/api/security", **{"accept-language": "en"})
    assert refused.status_code == 403 and refused.json()["error"] == "wrong_role"
    assert "cannot use this page" in refused.json()["message"]


def test_staff_passkey_logs_in_to_the_clinic_with_its_own_user_handle(
        use_db: Engine, quick_codes: None) -> None:
    auth = Authenticator()  # one phone's authenticator holds both passkeys
    results = {}
    for who, device in (({"code": AN}, Device("phone")), ({"staff_code": AN_DESK},
                                                         Device("desk"))):
        c = client()
        sms_login(c, use_db, device, **who)
        options = device.post(c, "/api/passkeys/options", {}).json()
        assert options["user"]["name"] == (who.get("staff_code") or AN)
        created = device.post(c, "/api/passkeys", {"credential": auth.create(options)})
        assert created.json() == {"ok": True}
        device.post(c, "/api/auth/logout", {})
        cred_id = list(auth.credentials)[-1]
        login_options = c.post("/api/auth/passkey/options",
                               json={"device_key": device.jwk}).json()
        answer = c.post("/api/auth/passkey", json={
            "credential": auth.get(login_options, cred_id=cred_id),
            "device_key": device.jwk,
            "device_signature": device.sign(unb64url(login_options["challenge"]))})
        assert answer.status_code == 200, answer.text
        results[device.name] = (options["user"]["id"], answer.json()["home"])
    assert results["phone"][1] == "/" and results["desk"][1] == "/clinic"
    assert results["phone"][0] != results["desk"][0]
    with Session(use_db) as s:
        person = s.exec(select(Person).where(Person.code == AN)).one()
        assert passkeys.user_handle(s, person.id) != passkeys.user_handle(
            s, person.id, s.exec(select(StaffAccount.id).where(
                StaffAccount.staff_code == AN_DESK)).one())


def test_cli_adds_lists_and_revokes_staff(use_db: Engine, capsys: pytest.CaptureFixture,
                                          quick_codes: None) -> None:
    assert cli.main(["staff", "add", "--person", "2712345670", "--facility", "27h01",
                     "--name", "Kim  Min-jun", "--phone", "+84 977 000 222"]) == 0
    code = capsys.readouterr().out.strip()
    assert code == "27H01-01"
    assert cli.main(["staff", "add", "--person", "2712345670", "--facility", "27H01",
                     "--name", "Kim Min-jun", "--phone", "0977000223"]) == 0
    assert capsys.readouterr().out.strip() == "27H01-02"
    for args, words in ((["--person", "9999999999", "--facility", "27H01"], "No insured"),
                        (["--person", "2712345670", "--facility", "ZZ999"], "No facility"),
                        (["--person", "2712345670", "--facility", "27H01", "--phone", "12"],
                         "not a mobile phone")):
        extra = [] if "--phone" in args else ["--phone", "0977000224"]
        assert cli.main(["staff", "add", *args, "--name", "X", *extra]) == 2
        out = capsys.readouterr().out
        assert out.startswith("Refused:") and words in out and "Traceback" not in out
    assert cli.main(["staff", "list"]) == 0
    listing = capsys.readouterr().out
    assert "27H01-01" in listing and "Kim Min-jun" in listing and AN_DESK in listing
    # The new account logs in; revoking it signs its desk out at once.
    c, desk = client(), Device()
    sms_login(c, use_db, desk, staff_code=code)
    with use_db.connect() as conn:
        assert conn.execute(text("SELECT phone FROM smsoutbox WHERE person_code = :c"),
                            {"c": code}).scalar_one() == "0977000222"
    assert cli.main(["outbox", code.lower()]) == 0 and "0977000222" in capsys.readouterr().out
    assert get(c, desk, "/api/clinic/me").status_code == 200
    assert cli.main(["staff", "revoke", code]) == 0
    capsys.readouterr()
    gone = get(c, desk, "/api/clinic/me")
    assert gone.status_code == 401 and gone.json()["error"] == "signed_out"
    again = c.post("/api/auth/otp", json={"staff_code": code, "device_key": desk.jwk})
    assert again.status_code == 404 and again.json()["error"] == "unknown_staff"
    assert cli.main(["staff", "revoke", "nonsense"]) == 2
    assert "not a staff code" in capsys.readouterr().out


# ---- migration 0006 --------------------------------------------------------------------
def _alembic(url: str, action: str, revision: str) -> None:
    old = os.environ.get("DB_URL")
    os.environ["DB_URL"] = url
    try:
        getattr(command, action)(Config(str(ROOT / "alembic.ini")), revision)
    finally:
        if old is None:
            os.environ.pop("DB_URL", None)
        else:
            os.environ["DB_URL"] = old


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'm.db'}"
        return
    gen = postgres_database()
    yield next(gen)
    gen.close()


def test_migration_0006_up_and_down(empty_db: str) -> None:
    eng = migrate(empty_db, "head")
    with eng.begin() as conn:
        conn.execute(text("INSERT INTO province (code, name, name_search) "
                          "VALUES ('01', 'Hà Nội', 'ha noi')"))
        conn.execute(text(
            "INSERT INTO person (id, code, full_name, name_search, dob, sex, citizen_id, "
            "phone, address, province_code, lang) VALUES (1, '0123456789', 'A', 'a', "
            "'1980-01-01', 'M', '001080000001', '0912345678', 'x', '01', 'vi')"))
        conn.execute(text(
            "INSERT INTO facility (id, code, name, name_search, level, province_code, "
            "address, phone, bhyt_contracted, issues_sick_leave, search_text, sort_key) "
            "VALUES (1, '01H01', 'B', 'b', 'central', '01', 'x', '', true, true, 'b', :k)"),
            {"k": b"b"})
        conn.execute(text(
            "INSERT INTO staffaccount (id, staff_code, person_id, role, facility_id, "
            "full_name, phone, created_at) VALUES (1, '01H01-01', 1, 'clinic', 1, 'A', "
            "'0912000101', '2026-11-26 00:00:00')"))
        for staff_id in (None, 1, 1):  # a citizen phone and two desks
            conn.execute(text(
                "INSERT INTO device (person_id, key_thumbprint, public_jwk, name, bound_at, "
                "last_seen, revoked_reason, staff_id) VALUES (1, 't', '{}', 'd', "
                "'2026-11-26 00:00:00', '2026-11-26 00:00:00', '', :s)"), {"s": staff_id})
    eng.dispose()
    _alembic(empty_db, "downgrade", "0005")
    eng = migrate(empty_db, "0005")
    with eng.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM device")).scalar_one() == 1
    eng.dispose()
    eng = migrate(empty_db, "head")
    with eng.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM staffaccount")).scalar_one() == 0
        assert conn.execute(text("SELECT COUNT(*) FROM device WHERE staff_id IS NULL")
                            ).scalar_one() == 1
    eng.dispose()
