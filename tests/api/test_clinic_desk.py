"""The clinic desk's records on SQLite and PostgreSQL, over HTTP with real desk logins:
typed look-ups (exact identifiers only, logged, no address or ID number), online scans,
the photo only after this facility's own check, today's visits of this facility only, the
visit recorded through the sync push (at most once, also on a retry or a second mutation
for the same visit), refused mutations with their message, and the citizen's pull getting
the "checkin" and "cardview" documents; roles refused both ways."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.testclient import TestClient

from api.domain.models import CardView, CheckIn, Person
from api.http.app import build
from api.services import clinic_desk, wallet
from tests.devicekit import Device, sms_login

NGOC, AN = "7912345678", "0123456789"
BACH_MAI, CHO_RAY = "01H01-01", "79H01-01"  # Nguyễn Văn An's and Ngọc's desks


def desk(eng: Engine, staff_code: str) -> tuple[TestClient, Device]:
    c, d = TestClient(build(), raise_server_exceptions=False), Device(f"Desk {staff_code}")
    sms_login(c, eng, d, staff_code=staff_code)
    return c, d


def citizen(eng: Engine, code: str) -> tuple[TestClient, Device]:
    c, d = TestClient(build(), raise_server_exceptions=False), Device("Phone")
    sms_login(c, eng, d, code=code)
    return c, d


def get(c: TestClient, d: Device, path: str, **headers: str):
    return c.get(path, headers=d.headers("GET", path) | headers)


def static_qr(eng: Engine, code: str) -> str:
    with Session(eng) as s:
        person = s.exec(select(Person).where(Person.code == code)).one()
        return wallet.card_view(s, person.id, "vi")["qr_text"]


def visit(code: str, reason: str = "outpatient", how: str = "scan",
          at: dt.datetime | None = None, checkin_id: str | None = None,
          offline: bool = True) -> dict:
    at = at or dt.datetime.now(dt.UTC)
    return {"id": str(uuid.uuid4()), "type": "visit.checkin", "data": {
        "checkin_id": checkin_id or str(uuid.uuid4()), "code": code, "reason": reason,
        "at": at.isoformat().replace("+00:00", "Z"), "checked_offline": offline, "how": how}}


def pull_all(c: TestClient, d: Device, since: str = "") -> dict:
    path = f"/api/sync/pull?since={since}"
    answer = get(c, d, path)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_typed_lookup_answers_one_card_with_only_the_desk_fields(use_db: Engine) -> None:
    c, d = desk(use_db, CHO_RAY)
    for typed in (NGOC, "079194054321", f"DN4 79 {NGOC}"):
        answer = d.post(c, "/api/clinic/lookup", {"query": typed})
        assert answer.status_code == 200, (typed, answer.text)
        body = answer.json()
        assert set(body) == {"card", "primary_here", "revoked"}
        assert set(body["card"]) == {"code", "fullName", "dob", "sex", "group", "level",
                                     "facility", "validTo", "issuedAt"}
        assert body["card"]["code"] == NGOC and body["card"]["fullName"] == "Trần Thị Bích Ngọc"
        assert body["revoked"] is False
        assert "079194054321" not in answer.text and "0987654321" not in answer.text
    # Partial numbers and names are no search: refused, with a message.
    for typed in (NGOC[:6], "Ngọc", "79123%"):
        answer = d.post(c, "/api/clinic/lookup", {"query": typed},
                        **{"accept-language": "en"})
        assert (answer.status_code, answer.json()["error"]) == (400, "desk_format"), typed
    unknown = d.post(c, "/api/clinic/lookup", {"query": "0000000001"},
                     **{"accept-language": "en"})
    assert unknown.status_code == 404 and unknown.json()["error"] == "unknown_card"
    assert "holder" in unknown.json()["message"]
    with Session(use_db) as s:
        views = s.exec(select(CardView)).all()
        assert [v.action for v in views] == ["typed"] * 3


def test_many_misses_slow_the_desk_down(use_db: Engine, monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    waits: list[float] = []

    async def no_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr("api.off_loop.asyncio.sleep", no_sleep)
    c, d = desk(use_db, CHO_RAY)
    for n in range(clinic_desk.SOFT_LIMITS["clinic_miss:staff"] + 2):
        assert d.post(c, "/api/clinic/lookup", {"query": f"00000000{n:02d}"}).status_code \
            == 404
    assert waits and waits[-1] > waits[0] > 0
    # Never shut: a real card still answers.
    assert d.post(c, "/api/clinic/lookup", {"query": NGOC}).status_code == 200


def test_online_scan_is_verified_logged_and_opens_the_photo(use_db: Engine) -> None:
    c, d = desk(use_db, CHO_RAY)
    # No check yet: no photo, and an unknown code says the same (nothing to probe).
    for code in (NGOC, "0000000001", "abc"):
        refused = get(c, d, f"/api/clinic/photo/{code}")
        assert refused.status_code == 403 and refused.json()["error"] == "photo_not_allowed"
    answer = d.post(c, "/api/clinic/scan", {"qr": static_qr(use_db, NGOC)})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["ok"] is True and body["kind"] == "static" and body["photo"] is True
    assert body["claims"]["fullName"] == "Trần Thị Bích Ngọc" and body["claims"]["validTo"]
    photo = get(c, d, f"/api/clinic/photo/{NGOC}")
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/png"
    assert photo.content.startswith(b"\x89PNG")
    bad = d.post(c, "/api/clinic/scan", {"qr": "BV1:NOTACARD"})
    assert bad.status_code == 422 and bad.json()["error"].startswith("qr_")
    with Session(use_db) as s:
        assert [v.action for v in s.exec(select(CardView).order_by(CardView.id)).all()] == \
            ["scan", "photo"]
    # Another facility did not check this card: no photo for it.
    other, od = desk(use_db, BACH_MAI)
    assert get(other, od, f"/api/clinic/photo/{NGOC}").status_code == 403
    # Twelve hours later the check no longer opens the photo.
    with use_db.begin() as conn:
        conn.execute(text("UPDATE cardview SET at = :at"),
                     {"at": dt.datetime.now(dt.UTC) - dt.timedelta(hours=13)})
    assert get(c, d, f"/api/clinic/photo/{NGOC}").status_code == 403


def test_a_visit_pushed_twice_is_recorded_once_and_reaches_the_citizen(use_db: Engine
                                                                       ) -> None:
    phone_c, phone = citizen(use_db, NGOC)
    cursor = pull_all(phone_c, phone)["cursor"]
    c, d = desk(use_db, CHO_RAY)
    mutation = visit(NGOC, "emergency")
    for _ in range(2):  # the answer was lost: the desk sends the same mutation again
        answer = d.post(c, "/api/sync/push", {"mutations": [mutation]})
        assert answer.status_code == 200, answer.text
        assert answer.json() == {"acked": [mutation["id"]], "rejected": []}
    # The same visit under a new mutation id (the desk's store was rebuilt): still once.
    again = {**mutation, "id": str(uuid.uuid4())}
    assert d.post(c, "/api/sync/push", {"mutations": [again]}).json()["acked"] == [again["id"]]
    with Session(use_db) as s:
        rows = s.exec(select(CheckIn)).all()
        assert len(rows) == 1 and rows[0].reason == "emergency" and rows[0].checked_offline
        assert [v.action for v in s.exec(select(CardView)).all()] == ["visit"]
    listed = get(c, d, "/api/clinic/visits").json()
    assert listed["facility"] == "79H01"
    assert [(v["id"], v["code"], v["reason"], v["full_name"]) for v in listed["visits"]] == [
        (mutation["data"]["checkin_id"], NGOC, "emergency", "Trần Thị Bích Ngọc")]
    # The citizen's next pull has both documents, in the agreed shapes.
    changes = pull_all(phone_c, phone, cursor)["changes"]
    docs = {ch["type"]: ch for ch in changes}
    checkin = docs["checkin"]
    assert checkin["id"] == mutation["data"]["checkin_id"]
    assert checkin["doc"] == {"at": checkin["doc"]["at"], "facility": "Bệnh viện Chợ Rẫy",
                              "facility_code": "79H01", "reason": "emergency",
                              "checked_offline": True, "status": "pending_costs"}
    assert dt.datetime.fromisoformat(checkin["doc"]["at"]).utcoffset() == dt.timedelta(0)
    view = docs["cardview"]["doc"]
    assert view == {"at": view["at"], "facility": "Bệnh viện Chợ Rẫy",
                    "facility_code": "79H01", "staff": "Trần Thị Bích Ngọc",
                    "action": "visit"}
    # ... and a reset (first sync on a new phone) has them too.
    reset = pull_all(phone_c, phone)
    assert {"checkin", "cardview"} <= {ch["type"] for ch in reset["changes"]}


def test_refused_visits_say_why(use_db: Engine) -> None:
    c, d = desk(use_db, CHO_RAY)
    cases = {
        "unknown_card": visit("0000000001", how="typed"),
        "desk_format": visit("12345", how="typed"),
        "visit_reason": visit(NGOC, "spa"),
        "visit_time": visit(NGOC, at=dt.datetime.now(dt.UTC) + dt.timedelta(days=2)),
        "visit_other_staff": visit(NGOC) | {"data": visit(NGOC)["data"] | {
            "staff_code": BACH_MAI}},
    }
    answer = d.post(c, "/api/sync/push", {"mutations": list(cases.values())},
                    **{"accept-language": "en"}).json()
    assert answer["acked"] == []
    assert {r["error"] for r in answer["rejected"]} == set(cases)
    assert all(r["message"] for r in answer["rejected"])
    other = next(r for r in answer["rejected"] if r["error"] == "visit_other_staff")
    assert BACH_MAI in other["message"]
    with Session(use_db) as s:
        assert s.exec(select(CheckIn)).all() == []
    # The same visit under its own staff code is taken.
    mine = visit(NGOC)
    mine["data"]["staff_code"] = CHO_RAY
    assert d.post(c, "/api/sync/push", {"mutations": [mine]}).json()["acked"] == [mine["id"]]


def test_visits_of_another_facility_are_not_listed_nor_taken_over(use_db: Engine) -> None:
    c, d = desk(use_db, CHO_RAY)
    mine = visit(NGOC)
    d.post(c, "/api/sync/push", {"mutations": [mine]})
    yesterday = visit(AN, at=dt.datetime.now(dt.UTC) - dt.timedelta(days=2))
    d.post(c, "/api/sync/push", {"mutations": [yesterday]})
    other, od = desk(use_db, BACH_MAI)
    assert get(other, od, "/api/clinic/visits").json()["visits"] == []
    assert [v["code"] for v in get(c, d, "/api/clinic/visits").json()["visits"]] == [NGOC]
    # Bạch Mai reusing Chợ Rẫy's check-in id does not touch it.
    stolen = visit(AN, checkin_id=mine["data"]["checkin_id"])
    answer = od.post(other, "/api/sync/push", {"mutations": [stolen]}).json()
    assert answer["rejected"][0]["error"] == "not_found"
    # A code typed offline never shown to this facility: listed without the name.
    typed = visit(AN, how="typed")
    d.post(c, "/api/sync/push", {"mutations": [typed]})
    names = {v["id"]: v["full_name"] for v in get(c, d, "/api/clinic/visits").json()["visits"]}
    assert names[typed["data"]["checkin_id"]] == ""


def test_roles_are_kept_apart_on_the_push_and_the_clinic_routes(use_db: Engine) -> None:
    phone_c, phone = citizen(use_db, NGOC)
    # A citizen's push cannot record a visit...
    answer = phone.post(phone_c, "/api/sync/push", {"mutations": [visit(NGOC)]}).json()
    assert answer["acked"] == [] and answer["rejected"][0]["error"] == "bad_request"
    # ... nor call a clinic route.
    for method, path in (("POST", "/api/clinic/lookup"), ("POST", "/api/clinic/scan"),
                         ("GET", f"/api/clinic/photo/{NGOC}"), ("GET", "/api/clinic/visits")):
        refused = (phone.post(phone_c, path, {"query": NGOC, "qr": ""}) if method == "POST"
                   else get(phone_c, phone, path))
        assert refused.status_code == 403 and refused.json()["error"] == "wrong_role", path
    # A desk cannot push a citizen's mutations, nor pull anyone's records.
    c, d = desk(use_db, CHO_RAY)
    citizen_kinds = [{"id": str(uuid.uuid4()), "type": kind, "data": data} for kind, data in (
        ("notice.read", {"notice_id": 1}),
        ("draft.save", {"draft_id": "d" * 10, "kind": "card_reissue", "text": "x",
                        "updated": "2026-01-01T00:00:00Z"}),
        ("draft.delete", {"draft_id": "d" * 10}))]
    answer = d.post(c, "/api/sync/push", {"mutations": citizen_kinds}).json()
    assert answer["acked"] == [] and len(answer["rejected"]) == 3
    assert get(c, d, "/api/sync/pull?since=").status_code == 403
    # Not logged in: 401.
    anonymous = TestClient(build(), raise_server_exceptions=False)
    assert anonymous.get("/api/clinic/visits").status_code == 401
