"""Account registration over HTTP on SQLite and PostgreSQL (issue 15): the demo person with a
code but no account cannot log in; she proves her phone with an SMS code and registers;
the officer of her province sees it beside her record and approves it, she is told by SMS
and in the inbox, and logs in. A difference from the record is never approved without
the officer's confirmation; an officer may ask for more, the applicant answers. Bad input
gets a message in the applicant's language, never a 500. Authorisation: citizens, clinic
staff and another province's officer are refused every officer route."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json

import pytest
from PIL import Image
from sqlalchemy import text
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.clock import utcnow
from api.http.app import build
from api.seed.demo import REGISTRANT_CODE
from tests.conftest import last_sms, sms_code
from tests.devicekit import Device, sms_login

PHONE = "0903123456"
NEW_PHONE = "0909888777"
FORM = {"citizen_id": "079190001234", "old_id": "025123456", "full_name": "Lê Thị Mai",
        "dob": "1990-03-15", "sex": "F",
        "address": "12 Nguyễn Trãi, Phường Bến Thành, Thành phố Hồ Chí Minh",
        "id_issued": "2021-05-10", "email": "mai@example.com", "scanned": True}


def _bomb() -> str:
    """A PNG of a few hundred bytes that declares 20,000 x 20,000 pixels."""
    out = io.BytesIO()
    Image.new("1", (20000, 20000)).save(out, format="PNG")
    return base64.b64encode(out.getvalue()).decode()


BOMB = _bomb()


def face() -> str:
    """A small JPEG as the page sends it (a data URL)."""
    out = io.BytesIO()
    Image.new("RGB", (120, 160), (210, 180, 160)).save(out, format="JPEG", quality=80)
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode()


@pytest.fixture
def db(use_db: Engine) -> Engine:
    """The seeded database with no registration, and the registrant without an account."""
    with use_db.begin() as conn:
        conn.execute(text("DELETE FROM caseevent WHERE case_kind = 'registration'"))
        conn.execute(text("DELETE FROM registration"))
        conn.execute(text("DELETE FROM notice WHERE kind LIKE 'registration_%'"))
        conn.execute(text("UPDATE person SET registered = :f, phone = :p WHERE code = :c"),
                     {"f": False, "p": PHONE, "c": REGISTRANT_CODE})
    return use_db


def age_codes(eng: Engine) -> None:
    """As if the last SMS code was sent a minute ago (a new one may be asked for)."""
    with eng.begin() as conn:
        conn.execute(text("UPDATE otpchallenge SET created_at = :old"),
                     {"old": utcnow() - dt.timedelta(minutes=2)})


def client() -> TestClient:
    return TestClient(build(), raise_server_exceptions=False)


def register(eng: Engine, c: TestClient, **changes: object) -> dict:
    sent = c.post("/api/register/code", json={"code": REGISTRANT_CODE, "phone": PHONE})
    assert sent.status_code == 200, sent.text
    assert sent.json()["phone"].endswith("456")
    body = {"code": REGISTRANT_CODE, "phone": PHONE, "otp": sms_code(eng, REGISTRANT_CODE),
            "photo": face(), **FORM, **changes}
    done = c.post("/api/register", json=body)
    assert done.status_code == 201, done.text
    return done.json()


def officer(eng: Engine, staff_code: str = "CB-01") -> tuple[TestClient, Device]:
    c, d = client(), Device("Officer PC")
    sms_login(c, eng, d, staff_code=staff_code)
    return c, d


def get(c: TestClient, d: Device, path: str):
    return c.get(path, headers=d.headers("GET", path))


def test_register_approve_and_log_in(db: Engine) -> None:
    c = client()
    refused = c.post("/api/auth/otp", json={"code": REGISTRANT_CODE,
                                            "device_key": Device().jwk}, headers={
        "Accept-Language": "en"})
    assert refused.status_code == 403 and refused.json()["error"] == "not_registered"
    assert "Register" in refused.json()["message"]

    wrong = c.post("/api/register/code", json={"code": REGISTRANT_CODE, "phone": PHONE})
    assert wrong.status_code == 200
    bad = c.post("/api/register", json={"code": REGISTRANT_CODE, "phone": PHONE,
                                        "otp": "000000", "photo": face(), **FORM})
    assert bad.status_code == 400 and bad.json()["error"] in ("otp_wrong",)
    age_codes(db)
    status = register(db, c)
    assert status["status"] == "submitted" and status["timeline"][0]["by"] == "citizen"
    receipt = status["receipt"]
    assert "registration code" in last_sms(db, REGISTRANT_CODE) or \
        "đăng ký" in last_sms(db, REGISTRANT_CODE)
    assert c.post("/api/register/status", json={"receipt": receipt}).json()["status"] == \
        "submitted"
    forged = receipt[:-1] + ("0" if receipt[-1] != "0" else "1")
    assert c.post("/api/register/status", json={"receipt": forged}).status_code == 404
    for junk in ("9" * 12 + "." + "0" * 64, "", 12, None, ["x"]):
        assert c.post("/api/register/status", json={"receipt": junk}).status_code == 404
    again = c.post("/api/register/code", json={"code": REGISTRANT_CODE, "phone": PHONE})
    assert again.status_code == 409 and again.json()["error"] == "registration_pending"

    hanoi, hd = officer(db, "CB-02")  # another province's officer sees nothing of it
    assert get(hanoi, hd, "/api/officer/registrations").json()["total"] == 0
    assert get(hanoi, hd, f"/api/officer/registrations/{status['id']}").status_code == 403

    o, od = officer(db)
    page = get(o, od, "/api/officer/registrations").json()
    [row] = page["items"]
    assert row["code"] == REGISTRANT_CODE and row["mismatches"] == [] and row["scanned"]
    assert get(o, od, "/api/officer/registrations?source=typed").json()["total"] == 0
    assert get(o, od, "/api/officer/registrations?q=079190001234").json()["total"] == 1
    assert get(o, od, "/api/officer/registrations?q=Mai").json()["total"] == 1
    assert get(o, od, "/api/officer/registrations?status=done").json()["total"] == 0
    assert get(o, od, "/api/officer/registrations?status=nope").status_code == 400
    detail = get(o, od, f"/api/officer/registrations/{row['id']}").json()
    assert all(f["same"] for f in detail["compare"] if f["field"] in
               ("full_name", "dob", "citizen_id", "sex"))
    photo = get(o, od, f"/api/officer/registrations/{row['id']}/photo/applicant")
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"
    assert get(o, od, f"/api/officer/registrations/{row['id']}/photo/record").status_code \
        == 200

    decided = od.post(o, f"/api/officer/registrations/{row['id']}/decision",
                      {"action": "approve", "note": ""})
    assert decided.status_code == 200, decided.text
    trail = decided.json()["trail"]
    assert [e["status"] for e in trail] == ["submitted", "done"]
    assert trail[-1]["staff_code"] == "CB-01"
    assert REGISTRANT_CODE in last_sms(db, REGISTRANT_CODE)  # the code to log in with
    twice = od.post(o, f"/api/officer/registrations/{row['id']}/decision",
                    {"action": "reject", "note": "again"})
    assert twice.status_code == 409
    assert c.post("/api/register/status", json={"receipt": receipt}).json()["status"] == "done"

    age_codes(db)
    me, device = client(), Device()
    sms_login(me, db, device, code=REGISTRANT_CODE)
    assert get(me, device, "/api/me").status_code == 200
    with db.connect() as conn:
        kinds = conn.execute(text("SELECT n.kind FROM notice n JOIN person p ON "
                                  "p.id = n.person_id WHERE p.code = :c"),
                             {"c": REGISTRANT_CODE}).scalars().all()
    assert "registration_approved" in kinds


def test_a_difference_needs_confirmation_and_an_officer_may_ask_for_more(db: Engine) -> None:
    c = client()
    status = register(db, c, full_name="Lê Thị Mây", scanned=False)
    o, od = officer(db)
    path = f"/api/officer/registrations/{status['id']}"
    detail = get(o, od, path).json()
    assert detail["mismatches"] == ["full_name"]
    approve = od.post(o, f"{path}/decision", {"action": "approve"})
    assert approve.status_code == 409 and approve.json()["error"] == "decision_mismatch"
    assert od.post(o, f"{path}/decision", {"action": "ask"}).status_code == 400
    asked = od.post(o, f"{path}/decision", {"action": "ask",
                                            "note": "Chụp lại ảnh khuôn mặt rõ hơn."})
    assert asked.status_code == 200 and asked.json()["status"] == "needs_info"
    mine = c.post("/api/register/status", json={"receipt": status["receipt"]}).json()
    assert mine["status"] == "needs_info" and mine["reason"].startswith("Chụp lại")
    answer = c.post("/api/register/answer", json={"receipt": status["receipt"],
                                                  "note": "Tên tôi là Mai",
                                                  "full_name": FORM["full_name"]})
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "submitted"
    assert get(o, od, path).json()["mismatches"] == []
    late = c.post("/api/register/answer", json={"receipt": status["receipt"], "note": "x"})
    assert late.status_code == 409
    rejected = od.post(o, f"{path}/decision", {"action": "reject",
                                               "note": "Ảnh không phải người đăng ký."})
    assert rejected.json()["status"] == "rejected"
    assert [e["actor"] for e in rejected.json()["trail"]] == \
        ["citizen", "officer", "citizen", "officer"]
    assert "Ảnh không phải" not in last_sms(db, REGISTRANT_CODE)  # the reason is not in SMS
    age_codes(db)  # refused: she may register again
    assert c.post("/api/register/code", json={"code": REGISTRANT_CODE, "phone": PHONE}
                  ).status_code == 200


@pytest.mark.parametrize(("change", "reason"), [
    ({"citizen_id": "07919000123"}, "reg_citizen_id"),
    ({"old_id": "12"}, "reg_old_id"),
    ({"full_name": ""}, "reg_name"),
    ({"dob": "15/03/1990"}, "reg_dob"),
    ({"dob": "2999-01-01"}, "reg_dob"),
    ({"sex": "X"}, "reg_sex"),
    ({"id_issued": "1980-01-01"}, "reg_issued"),
    ({"email": "mai@"}, "reg_email"),
    ({"photo": "data:image/jpeg;base64,bm90IGEgcGljdHVyZQ=="}, "reg_photo"),
    ({"photo": 12}, "reg_photo"),
    ({"photo": "data:image/png;base64," + BOMB}, "reg_photo"),
    ({"phone": "12345"}, "phone_format"),
    ({"code": "0123456789"}, "already_registered"),
    ({"code": "12"}, "format"),
    ({"address": "x" * 300}, "reg_address"),
])
def test_bad_input_is_refused_with_a_message(db: Engine, change: dict, reason: str) -> None:
    c = client()
    if "code" not in change:
        assert c.post("/api/register/code", json={"code": REGISTRANT_CODE, "phone": PHONE}
                      ).status_code == 200
    body = {"code": REGISTRANT_CODE, "phone": PHONE, "otp": "123456", "photo": face(),
            **FORM, **change}
    answer = c.post("/api/register?lang=en", json=body)
    assert answer.status_code in (400, 409), answer.text
    assert answer.json()["error"] == reason
    assert answer.json()["message"] and "{" not in answer.json()["message"]


LOGINS = {"citizen": {"code": "0123456789"}, "clinic": {"staff_code": "79H01-01"},
          "officer of another province": {"staff_code": "CB-02"}}


@pytest.mark.parametrize("role", sorted(LOGINS))
def test_every_officer_registration_route_refuses_other_roles(db: Engine, role: str) -> None:
    reg_id = register(db, client())["id"]
    c, d = client(), Device()
    sms_login(c, db, d, **LOGINS[role])
    expected = 403
    for method, path in (("GET", "/api/officer/registrations"),
                         ("GET", f"/api/officer/registrations/{reg_id}"),
                         ("GET", f"/api/officer/registrations/{reg_id}/photo/applicant"),
                         ("GET", f"/api/officer/registrations/{reg_id}/photo/record"),
                         ("POST", f"/api/officer/registrations/{reg_id}/decision")):
        if role.startswith("officer") and path == "/api/officer/registrations":
            answer = get(c, d, path)  # their own (empty) queue, never this province's
            assert answer.status_code == 200 and answer.json()["total"] == 0
            continue
        body = json.dumps({"action": "approve"}).encode() if method == "POST" else b""
        answer = c.request(method, path, content=body or None,
                           headers=d.headers(method, path, body))
        assert answer.status_code == expected, (role, method, path, answer.text)
        assert answer.json()["error"] == ("other_province" if role.startswith("officer")
                                          else "wrong_role")
    with db.connect() as conn:  # nothing was decided
        assert conn.execute(text("SELECT status FROM registration WHERE id = :i"),
                            {"i": reg_id}).scalar_one() == "submitted"
