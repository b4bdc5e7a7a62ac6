"""Public-service requests end to end over HTTP, on SQLite and PostgreSQL: a citizen submits
through the sync push (once, however often sent), an officer of the person's province
receives, asks, approves or rejects through the console's API, and every step is on the
phone's timeline after a pull, with a notice. Approving applies the result: a new
primary-care facility is on the card and in its signed QR; a re-issued card has a new issue
date and the old one is on the revocation list. Another province's officer sees nothing."""

from __future__ import annotations

import base64
import datetime as dt
import io
import uuid
from collections.abc import Iterator

import pytest
from PIL import Image
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.testclient import TestClient

from api.card import qr, revocation
from api.domain.models import Facility, HealthCard, Person
from api.http.app import build
from api.services import service_requests
from tests.api.test_sync import AN, Phone
from tests.devicekit import Device, sms_login

NGOC = "7912345678"  # Hồ Chí Minh City (79): officer CB-01's province; AN is in Hà Nội (01)


class Officer:
    """An officer logged in on their own device, calling the console's API."""

    def __init__(self, eng: Engine, staff_code: str) -> None:
        self.http, self.device = TestClient(build(), raise_server_exceptions=False), Device()
        sms_login(self.http, eng, self.device, staff_code=staff_code)

    def get(self, path: str):
        return self.http.get(path, headers=self.device.headers("GET", path))

    def decide(self, request_id: str, action: str, note: str = ""):
        return self.device.post(self.http, f"/api/officer/requests/{request_id}/decide",
                                {"action": action, "note": note})


@pytest.fixture
def records(use_db: Engine) -> Iterator[Engine]:
    """Put back AN's card and contribution periods after a test that approves requests."""
    with use_db.connect() as conn:
        card = conn.execute(text("SELECT facility_id, issued_at FROM healthcard h JOIN person "
                                 "p ON p.id = h.person_id WHERE p.code = :c"), {"c": AN}).one()
        periods = conn.execute(text("SELECT max(id) FROM participation")).scalar_one()
    yield use_db
    with use_db.begin() as conn:
        conn.execute(text("UPDATE healthcard SET facility_id = :f, issued_at = :i WHERE "
                          "person_id = (SELECT id FROM person WHERE code = :c)"),
                     {"f": card[0], "i": card[1], "c": AN})
        conn.execute(text("DELETE FROM participation WHERE id > :n"), {"n": periods})


def submit(phone: Phone, kind: str, fields: dict, text_: str = "", photos=None,
           request_id: str | None = None) -> tuple[str, dict]:
    request_id = request_id or str(uuid.uuid4())
    answer = phone.push({"id": str(uuid.uuid4()), "type": "request.submit", "data": {
        "request_id": request_id, "kind": kind, "fields": fields, "text": text_,
        "photos": photos or []}})
    return request_id, answer


def jpeg() -> dict:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, format="JPEG")
    return {"mime": "image/jpeg", "data": base64.b64encode(out.getvalue()).decode()}


def docs(phone: Phone, kind: str) -> dict[str, dict]:
    page, _ = phone.pull()
    return {c["id"]: c["doc"] for c in page["changes"] if c["type"] == kind}


def window(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    """The requests' clock on `day` (9:00 in Vietnam)."""
    monkeypatch.setattr(service_requests, "vietnam_today", lambda: day)
    moment = dt.datetime.combine(day, dt.time(2, 0), tzinfo=dt.UTC)
    monkeypatch.setattr(service_requests, "utcnow", lambda: moment)


def other_facility(eng: Engine, person_code: str) -> str:
    with Session(eng) as s:
        person = s.exec(select(Person).where(Person.code == person_code)).one()
        card = s.exec(select(HealthCard).where(HealthCard.person_id == person.id)).one()
        return s.exec(select(Facility.code).where(
            Facility.province_code == person.province_code, Facility.id != card.facility_id,
            Facility.bhyt_contracted, Facility.level == "district")).first()


def test_a_draft_is_submitted_once_and_approved_at_once(
        records: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    window(monkeypatch, dt.date(2027, 1, 5))
    phone, officer = Phone(records), Officer(records, "CB-02")  # CB-02: Hà Nội, AN's
    draft = str(uuid.uuid4())
    phone.push({"id": str(uuid.uuid4()), "type": "draft.save", "data": {
        "draft_id": draft, "kind": "change_facility", "text": "", "fields": {},
        "updated": "2027-01-05T01:00:00Z"}})
    code = other_facility(records, AN)
    mutation = {"id": str(uuid.uuid4()), "type": "request.submit", "data": {
        "request_id": draft, "kind": "change_facility", "fields": {"facility": code},
        "text": "Gần nhà hơn.", "photos": [jpeg()]}}
    assert phone.push(mutation)["acked"] == [mutation["id"]]
    assert phone.push(mutation)["acked"] == [mutation["id"]]  # a retry: applied once
    page, _ = phone.pull()
    kinds = {(c["type"], c["op"]) for c in page["changes"]}
    assert ("draft", "put") not in kinds  # the draft became the request
    request = next(c["doc"] for c in page["changes"] if c["type"] == "request")
    assert request["status"] == "submitted" and request["photos"] == 1
    assert [e["status"] for e in request["events"]] == ["submitted"]

    queue = officer.get("/api/officer/requests").json()
    assert [i["id"] for i in queue["items"]] == [draft] and queue["counts"]["submitted"] == 1
    assert officer.decide(draft, "approve").json()["status"] == "done"  # at once: allowed
    assert docs(phone, "request")[draft]["status"] == "done"


def test_flow_step_by_step(records: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    window(monkeypatch, dt.date(2027, 4, 2))
    phone, officer = Phone(records), Officer(records, "CB-02")
    code = other_facility(records, AN)
    request_id, answer = submit(phone, "change_facility", {"facility": code})
    assert not answer["rejected"], answer
    assert officer.decide(request_id, "ask").status_code == 422  # a question is required
    assert officer.decide(request_id, "receive").json()["status"] == "received"
    assert officer.decide(request_id, "receive").status_code == 409
    asked = officer.decide(request_id, "ask", "Gửi ảnh giấy xác nhận cư trú.")
    assert asked.json()["status"] == "needs_info"
    assert officer.decide(request_id, "approve").status_code == 409  # waits for the citizen
    reply = phone.push({"id": str(uuid.uuid4()), "type": "request.answer", "data": {
        "request_id": request_id, "text": "Đã gửi ảnh.", "photos": [jpeg()]}})
    assert not reply["rejected"], reply
    detail = officer.get(f"/api/officer/requests/{request_id}").json()
    assert detail["request"]["status"] == "received" and len(detail["photos"]) == 1
    assert detail["asked_facility"]["code"] == code
    assert [e["actor"] for e in detail["events"]] == ["citizen", "officer", "officer",
                                                      "citizen"]
    assert detail["events"][1]["staff"].startswith("CB-02")  # the audit trail names them
    photo = officer.get(f"/api/officer/requests/{request_id}/photos/{detail['photos'][0]['id']}")
    assert photo.status_code == 200 and photo.content.startswith(b"\xff\xd8\xff")
    assert officer.decide(request_id, "approve").json()["status"] == "done"

    docs_now = docs(phone, "request")
    timeline = docs_now[request_id]["events"]
    assert [e["status"] for e in timeline] == ["submitted", "received", "needs_info",
                                               "received", "done"]
    assert all("staff" not in e for e in timeline)  # the citizen sees "the agency"
    page, _ = phone.pull()
    card = next(c["doc"] for c in page["changes"] if c["type"] == "card")
    claims = qr.verify(card["qr_text"])  # checked with the issuer key
    assert claims.facility_code == code  # the signed QR names the new facility
    notes = [c["doc"]["kind"] for c in page["changes"] if c["type"] == "notice"]
    for kind in ("request_submitted", "request_received", "request_needs_info",
                 "request_done"):
        assert kind in notes
    # Once a quarter: a second change in the same quarter is refused with the next window.
    _, again = submit(phone, "change_facility", {"facility": other_facility(records, AN)})
    assert again["rejected"][0]["error"] == "facility_quarter_used"
    assert "2027" in again["rejected"][0]["message"]


def test_reissued_card_gets_a_new_issue_date_and_the_old_one_is_revoked(
        records: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    phone, officer = Phone(records), Officer(records, "CB-02")
    with Session(records) as s:
        before = s.exec(select(HealthCard).join(Person).where(Person.code == AN)).one()
    request_id, answer = submit(phone, "reissue_card", {"reason": "lost"})
    assert not answer["rejected"]
    assert officer.decide(request_id, "approve").json()["status"] == "done"
    with Session(records) as s:
        after = s.exec(select(HealthCard).join(Person).where(Person.code == AN)).one()
        revoked = s.exec(text("SELECT entry FROM revocation WHERE kind = 'card'")).all()
    assert after.issued_at > before.issued_at
    assert revocation.card_entry(AN, before.issued_at).hex() in {r[0] for r in revoked}
    assert revocation.card_entry(AN, after.issued_at).hex() not in {r[0] for r in revoked}


def test_rejected_with_reason_and_withdrawn(records: Engine) -> None:
    phone, officer = Phone(records), Officer(records, "CB-02")
    first, _ = submit(phone, "pension_payment", {"method": "bank", "bank": "Vietcombank",
                                                 "account": "0011 0045 6789"})
    assert officer.decide(first, "reject", "Tài khoản không đứng tên bạn.").status_code == 200
    doc = docs(phone, "request")[first]
    assert doc["status"] == "rejected" and doc["reason"] == "Tài khoản không đứng tên bạn."
    second, _ = submit(phone, "authorise", {"name": "Nguyễn Thị Hoa",
                                            "citizen_id": "001190012345", "benefit": "pension",
                                            "until": (dt.date.today() + dt.timedelta(days=90))
                                            .isoformat()})
    out = phone.push({"id": str(uuid.uuid4()), "type": "request.withdraw",
                      "data": {"request_id": second}})
    assert not out["rejected"]
    assert docs(phone, "request")[second]["status"] == "withdrawn"
    assert officer.decide(second, "approve").status_code == 409
    late = phone.push({"id": str(uuid.uuid4()), "type": "request.withdraw",
                       "data": {"request_id": first}})
    assert late["rejected"][0]["error"] == "request_closed"


@pytest.mark.parametrize(("kind", "fields", "reason"), [
    ("reissue_card", {"reason": "stolen?"}, "form_choose"),
    ("pension_payment", {"method": "bank", "bank": "ACB", "account": "12ab"}, "form_account"),
    ("authorise", {"name": "A", "citizen_id": "123", "benefit": "pension",
                   "until": "2030-01-01"}, "form_citizen_id"),
    ("voluntary", {"income": "900000", "months": "3"}, "form_amount"),
    ("change_facility", {"facility": "01H01"}, "facility_not_allowed"),  # central level
    ("other", {}, "form_text"),
])
def test_bad_forms_are_refused_with_a_message_nothing_kept(
        use_db: Engine, kind: str, fields: dict, reason: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window(monkeypatch, dt.date(2027, 1, 3))
    phone = Phone(use_db)
    request_id, answer = submit(phone, kind, fields)
    assert answer["rejected"][0]["error"] == reason, answer
    assert answer["rejected"][0]["message"]
    with use_db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM servicerequest")).scalar_one() == 0


def test_photos_are_checked_by_type_and_size(use_db: Engine) -> None:
    phone = Phone(use_db)
    fake = {"mime": "image/jpeg", "data": base64.b64encode(b"<svg onload=alert(1)>").decode()}
    big = {"mime": "image/png", "data": base64.b64encode(
        b"\x89PNG\r\n\x1a\n" + b"\0" * (service_requests.PHOTO_KB * 1024)).decode()}
    png = io.BytesIO()
    Image.new("RGB", (8, 8)).save(png, format="PNG")
    mislabelled = {"mime": "image/jpeg", "data": base64.b64encode(png.getvalue()).decode()}
    for photos in ([fake], [big], [jpeg(), jpeg(), jpeg()], [mislabelled]):
        _, answer = submit(phone, "reissue_book", {"reason": "damaged"}, photos=photos)
        assert answer["rejected"][0]["error"] == "form_photo"


def test_facility_change_waits_for_the_quarter_window(
        use_db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    window(monkeypatch, dt.date(2026, 11, 27))
    phone = Phone(use_db)
    _, answer = submit(phone, "change_facility", {"facility": other_facility(use_db, AN)})
    assert answer["rejected"][0]["error"] == "facility_window"
    assert "2027" in answer["rejected"][0]["message"]


def test_officers_see_only_their_province(records: Engine) -> None:
    phone = Phone(records)
    request_id, _ = submit(phone, "reissue_book", {"reason": "lost"})
    hcm = Officer(records, "CB-01")  # Hồ Chí Minh City; AN lives in Hà Nội
    assert hcm.get("/api/officer/requests").json()["items"] == []
    assert hcm.get(f"/api/officer/requests/{request_id}").status_code == 404
    assert hcm.decide(request_id, "approve").status_code == 404
    assert Officer(records, "CB-02").get(f"/api/officer/requests/{request_id}").status_code \
        == 200
