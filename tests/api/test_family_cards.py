"""Young children's cards on a parent's phone (issue 16), on SQLite and PostgreSQL: the
guardian's sync carries each linked child's card under six with the child's own signed
static QR; nobody else gets it; a child who turned six, or a removed link, leaves the
phone; the parent is told once, 30 days ahead, that the card ends."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from api.card import qr
from api.clock import vietnam_today
from api.domain.family import FamilyLink, child_card_ends
from api.domain.models import Person
from api.seed.demo import DEMO_CHILDREN
from api.services import card_credentials, family_cards, notice_schedule
from tests.api.test_clinic_desk import AN, NGOC, citizen, pull_all
from tests.api.test_service_requests import Officer, jpeg

KHANG, BAO_ANH = (c.code for c in DEMO_CHILDREN)  # Ngọc's son turns six soon, her daughter 2


def _person(s: Session, code: str) -> Person:
    return s.exec(select(Person).where(Person.code == code)).one()


def _childcards(answer: dict) -> dict[str, dict]:
    return {c["id"]: c for c in answer["changes"] if c["type"] == "childcard"}


@pytest.fixture
def dob(use_db: Engine):
    """Move a child's date of birth for a test, put back after it (the seeded database is
    shared)."""
    saved: dict[str, object] = {}

    def move(code: str, day: dt.date) -> None:
        with use_db.begin() as conn:
            saved.setdefault(code, conn.execute(text("SELECT dob FROM person WHERE code = :c"),
                                                {"c": code}).scalar_one())
            conn.execute(text("UPDATE person SET dob = :d WHERE code = :c"),
                         {"d": day, "c": code})

    yield move
    with use_db.begin() as conn:
        for code, day in saved.items():
            conn.execute(text("UPDATE person SET dob = :d WHERE code = :c"),
                         {"d": day, "c": code})


def test_the_parent_syncs_each_childs_card_with_a_qr_that_verifies(use_db: Engine) -> None:
    c, d = citizen(use_db, NGOC)
    cards = _childcards(pull_all(c, d))
    assert set(cards) == {KHANG, BAO_ANH}
    today = vietnam_today()
    for code, change in cards.items():
        doc = change["doc"]
        claims = qr.verify(doc["qr_text"], today=today)  # the issuer's key, the child's code
        assert (claims.code, claims.group_code, claims.benefit_level) == (code, "TE", 100)
        assert (claims.full_name, claims.dob.isoformat()) == (doc["full_name"], doc["dob"])
        # The card lasts until the day before the sixth birthday, and says so.
        ends = child_card_ends(dt.date.fromisoformat(doc["dob"]))
        assert doc["valid_to"] == doc["ends"] == ends.isoformat() == claims.valid_to.isoformat()
        assert doc["group_code"] == "TE" and doc["guardian"] == "Trần Thị Bích Ngọc"
        assert doc["relation"] == "mother" and doc["qr_svg"].startswith("data:image/svg+xml")
        assert "version" not in doc  # no live code: the child has no phone
    assert cards[KHANG]["doc"]["full_name"] == "Phạm Minh Khang"
    # The holder's own card is still the holder's.
    [own] = [ch for ch in pull_all(c, d)["changes"] if ch["type"] == "card"]
    assert qr.verify(own["doc"]["qr_text"], today=today).code == NGOC


def test_someone_else_gets_no_childs_card(use_db: Engine) -> None:
    c, d = citizen(use_db, AN)
    assert _childcards(pull_all(c, d)) == {}


def test_generated_children_under_six_are_linked_by_birth_registration(use_db: Engine) -> None:
    """Each generated link joins an adult of the child's province and surname."""
    with Session(use_db) as s:
        links = s.exec(select(FamilyLink).where(FamilyLink.source == "birth")).all()
        assert len(links) >= len(DEMO_CHILDREN)
        for link in links:
            parent, child = s.get(Person, link.guardian_id), s.get(Person, link.child_id)
            assert parent.province_code == child.province_code
            assert (child.dob - parent.dob).days // 365 >= 18
            if child.code not in {KHANG, BAO_ANH}:
                assert parent.full_name.split()[0] == child.full_name.split()[0]


def test_a_reissued_childs_card_reaches_the_parent(use_db: Engine) -> None:
    c, d = citizen(use_db, NGOC)
    cursor = pull_all(c, d)["cursor"]
    with Session(use_db) as s:
        card_credentials.reissue(s, _person(s, BAO_ANH), "lost", vietnam_today())
        s.commit()
    cards = _childcards(pull_all(c, d, cursor))
    assert list(cards) == [BAO_ANH]
    assert qr.verify(cards[BAO_ANH]["doc"]["qr_text"]).issued_at == vietnam_today()


def test_a_child_who_turned_six_drops_out(use_db: Engine, dob) -> None:
    c, d = citizen(use_db, NGOC)
    cursor = pull_all(c, d)["cursor"]
    today = vietnam_today()
    # Khang turned six yesterday (born six years before yesterday).
    dob(KHANG, _six_years_before(today - dt.timedelta(days=1)))
    with Session(use_db) as s:
        assert family_cards.retire(s, today) == 1
        assert family_cards.retire(s, today) == 0  # once
    answer = pull_all(c, d, cursor)
    assert [(ch["op"], ch["type"], ch["id"]) for ch in answer["changes"]] == [
        ("delete", "childcard", KHANG)]
    assert set(_childcards(pull_all(c, d))) == {BAO_ANH}  # a fresh phone: no Khang either


def _six_years_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 6)
    except ValueError:
        return dt.date(day.year - 6, 2, 28)


def test_a_removed_link_deletes_the_card_and_a_new_one_brings_it(use_db: Engine) -> None:
    c, d = citizen(use_db, NGOC)
    cursor = pull_all(c, d)["cursor"]
    with Session(use_db) as s:
        ngoc, child = _person(s, NGOC), _person(s, BAO_ANH)
        row = s.exec(select(FamilyLink).where(FamilyLink.guardian_id == ngoc.id,
                                              FamilyLink.child_id == child.id)).one()
        family_cards.unlink(s, row)
        s.commit()
    answer = pull_all(c, d, cursor)
    assert [(ch["op"], ch["id"]) for ch in answer["changes"]] == [("delete", BAO_ANH)]
    assert set(_childcards(pull_all(c, d))) == {KHANG}
    with Session(use_db) as s:  # an officer links her again (the birth registration)
        family_cards.link(s, _person(s, NGOC), _person(s, BAO_ANH), "mother", "birth")
        s.commit()
    assert set(_childcards(pull_all(c, d, answer["cursor"]))) == {BAO_ANH}
    with Session(use_db) as s:  # nobody links a child of six or more, nor themselves
        with pytest.raises(ValueError):
            family_cards.link(s, _person(s, NGOC), _person(s, AN), "mother", "officer")
        with pytest.raises(ValueError):
            family_cards.link(s, _person(s, NGOC), _person(s, NGOC), "mother", "officer")


def test_the_parent_is_told_once_before_the_card_ends(use_db: Engine) -> None:
    today = vietnam_today()
    with Session(use_db) as s:
        ngoc, khang = _person(s, NGOC), _person(s, KHANG)
        ends = child_card_ends(khang.dob)
    assert 0 < (ends - today).days <= 60  # the README's "turns six soon"
    # Nothing more than 30 days ahead; then one notice, however often the scheduler runs.
    early = ends - dt.timedelta(days=31)
    with Session(use_db) as s:
        assert notice_schedule.run(s, early, ("child_card_ending",))["child_card_ending"] == 0
    day = ends - dt.timedelta(days=30)
    with Session(use_db) as s:
        assert notice_schedule.run(s, day, ("child_card_ending",))["child_card_ending"] >= 1
        assert notice_schedule.run(s, day + dt.timedelta(days=1),
                                   ("child_card_ending",))["child_card_ending"] == 0
    with use_db.connect() as conn:
        rows = conn.execute(text(
            "SELECT kind, due_key, params FROM notice WHERE person_id = :p AND due_key "
            "LIKE 'child_card_ending:%'"), {"p": ngoc.id}).all()
    assert [(r.kind, r.due_key) for r in rows] == [
        ("child_card_ending", f"child_card_ending:{KHANG}:{ends}")]
    assert '"child": "Phạm Minh Khang"' in rows[0].params and ends.isoformat() in rows[0].params
    # ...and it reaches the parent's phone by sync.
    c, d = citizen(use_db, NGOC)
    kinds = [ch["doc"]["kind"] for ch in pull_all(c, d)["changes"] if ch["type"] == "notice"]
    assert "child_card_ending" in kinds


def test_a_parent_asks_for_a_missing_link_and_an_officer_makes_it(use_db: Engine) -> None:
    """Where the birth registration made no link: the parent sends the child's code, the
    relation and a photo of the birth certificate; officer CB-01 (the parent's province)
    sees the child's record beside it and approves; the card reaches the parent's phone."""
    with Session(use_db) as s:  # as if the registration had not linked Bảo Anh
        ngoc, child = _person(s, NGOC), _person(s, BAO_ANH)
        family_cards.unlink(s, s.exec(select(FamilyLink).where(
            FamilyLink.guardian_id == ngoc.id, FamilyLink.child_id == child.id)).one())
        s.commit()
    c, d = citizen(use_db, NGOC)
    cursor = pull_all(c, d)["cursor"]

    def ask(child: str, photos: list, relation: str = "mother") -> dict:
        return d.post(c, "/api/sync/push", {"mutations": [{
            "id": str(uuid.uuid4()), "type": "request.submit", "data": {
                "request_id": str(uuid.uuid4()), "kind": "family_link",
                "fields": {"child": child, "relation": relation}, "text": "",
                "photos": photos}}]}).json()

    refused = [ask(BAO_ANH, [])["rejected"][0]["error"],  # no birth certificate
               ask(AN, [jpeg()])["rejected"][0]["error"],  # an adult
               ask(KHANG, [jpeg()])["rejected"][0]["error"],  # already on her phone
               ask(BAO_ANH, [jpeg()], "aunt")["rejected"][0]["error"]]
    assert refused == ["birth_certificate", "child_unknown", "child_linked", "form_choose"]
    sent = ask(BAO_ANH, [jpeg()])
    assert sent["acked"] and not sent["rejected"], sent
    officer = Officer(use_db, "CB-01")
    [item] = officer.get("/api/officer/requests").json()["items"]
    detail = officer.get(f"/api/officer/requests/{item['id']}").json()
    assert detail["asked_child"]["full_name"] == "Phạm Bảo Anh" and len(detail["photos"]) == 1
    assert officer.decide(item["id"], "approve").json()["status"] == "done"
    cards = _childcards(pull_all(c, d, cursor))
    assert list(cards) == [BAO_ANH] and qr.verify(cards[BAO_ANH]["doc"]["qr_text"]).code == BAO_ANH
    with use_db.begin() as conn:  # made by the officer; back to the seed's word after
        assert conn.execute(text("UPDATE familylink SET source = 'birth' WHERE source = "
                                 "'officer'")).rowcount == 1
