"""Officer announcements on SQLite and PostgreSQL, over HTTP with a real officer login: one
written in Vietnamese and English to a province reaches exactly that province's people,
each in their language or the nearest one (a Korean reader gets the English), once however
often the scheduler runs, pushed to a subscribed phone; bad input is refused with a
message in the officer's language; a citizen and a clinic login are refused."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.http.app import build
from api.services.announcements import nearest
from tests.api.test_clinic_desk import AN, BACH_MAI, citizen, desk
from tests.api.test_notice_schedule import TODAY, _rows, _run
from tests.api.test_push import _subscribe
from tests.devicekit import Device, sms_login
from tests.pushkit import PushService, Subscriber

OFFICER = "CB-01"
KIM = "2712345670"  # reads Korean, lives in province 27
TEXTS = {"vi": "Từ 1/1 cổng dịch vụ công bảo trì 2 giờ.",
         "en": "The public-service portal is down for maintenance for 2 hours from 1 January."}


def officer(eng: Engine) -> tuple[TestClient, Device]:
    c, d = TestClient(build(), raise_server_exceptions=False), Device("Officer PC")
    sms_login(c, eng, d, staff_code=OFFICER)
    return c, d


def test_the_nearest_language_is_the_readers_then_english_then_vietnamese() -> None:
    assert nearest(TEXTS, "vi") == TEXTS["vi"]
    assert nearest(TEXTS, "ko") == TEXTS["en"]
    assert nearest({"vi": "xin chào"}, "ja") == "xin chào"
    assert nearest({"zh": "你好"}, "en") == "你好"


def test_an_announcement_to_a_province_reaches_its_people_once_each_in_their_language(
        use_db: Engine, service: PushService) -> None:
    kim_phone, kim_device = citizen(use_db, KIM)
    kim_sub = Subscriber(service)
    assert _subscribe(kim_phone, kim_device, kim_sub).status_code == 201
    with use_db.begin() as conn:  # Kim reads Korean (the test login kept Vietnamese)
        conn.execute(text("UPDATE person SET lang = 'ko' WHERE code = :c"), {"c": KIM})
    c, d = officer(use_db)
    sent = d.post(c, "/api/officer/announcements",
                  {"texts": TEXTS, "audience": "province", "code": "27"})
    assert sent.status_code == 201, sent.text
    [listed] = c.get("/api/officer/announcements",
                     headers=d.headers("GET", "/api/officer/announcements")).json()["items"]
    assert listed["sent"] is None and listed["by"] == OFFICER and listed["texts"] == TEXTS

    made = _run(use_db, TODAY, "announcement")
    people = {pid for (pid,) in _rows(use_db, "SELECT id FROM person WHERE province_code = '27'")}
    assert made["announcement"] == len(people) > 1
    got = dict(_rows(use_db, "SELECT p.code, n.params FROM notice n JOIN person p ON "
                             "p.id = n.person_id WHERE n.kind = 'announcement'"))
    assert json.loads(got[KIM]) == {"text": TEXTS["en"]}  # Korean reader: English
    vietnamese = [code for code, lang in _rows(
        use_db, "SELECT code, lang FROM person WHERE province_code = '27' AND lang = 'vi'")]
    assert json.loads(got[vietnamese[0]]) == {"text": TEXTS["vi"]}
    assert AN not in got  # province 01: not addressed
    assert _run(use_db, TODAY, "announcement") == {}  # nothing twice
    [listed] = c.get("/api/officer/announcements",
                     headers=d.headers("GET", "/api/officer/announcements")).json()["items"]
    assert listed["sent"] is not None and listed["recipients"] == len(people)
    assert _rows(use_db, "SELECT count(*) FROM pushoutbox") == [(1,)]  # Kim's phone


def test_a_group_announcement_reaches_that_group_only(use_db: Engine) -> None:
    c, d = officer(use_db)
    d.post(c, "/api/officer/announcements",
           {"texts": {"vi": "Trẻ dưới 6 tuổi được cấp thẻ miễn phí."}, "audience": "group",
            "code": "te"})
    made = _run(use_db, TODAY, "announcement")
    children = _rows(use_db, "SELECT count(*) FROM healthcard WHERE group_code = 'TE'")
    assert [(made["announcement"],)] == children


@pytest.mark.parametrize(("body", "reason", "words"), [
    ({"texts": {"vi": "  ", "en": ""}, "audience": "all"}, "announcement_empty",
     "at least one language"),
    ({"texts": {"en": "x" * 801}, "audience": "all"}, "announcement_too_long", "800"),
    ({"texts": {"en": "Hello"}, "audience": "province", "code": "99"},
     "announcement_audience", "one province"),
    ({"texts": {"en": "Hello"}, "audience": "group", "code": "ZZ"},
     "announcement_audience", "beneficiary group"),
    ({"texts": "Hello", "audience": "all"}, "announcement_empty", "at least one language"),
])
def test_bad_announcements_are_refused_with_a_message(use_db: Engine, body: dict, reason: str,
                                                      words: str) -> None:
    c, d = officer(use_db)
    answer = d.post(c, "/api/officer/announcements", body, **{"accept-language": "en"})
    assert answer.status_code == 400 and answer.json()["error"] == reason, answer.text
    assert words in answer.json()["message"]
    assert _rows(use_db, "SELECT count(*) FROM announcement") == [(0,)]


def test_citizens_and_clinics_cannot_announce(use_db: Engine) -> None:
    for client, device in (citizen(use_db, AN), desk(use_db, BACH_MAI)):
        refused = device.post(client, "/api/officer/announcements",
                              {"texts": TEXTS, "audience": "all"})
        assert refused.status_code == 403 and refused.json()["error"] == "wrong_role"
    with use_db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM announcement")).scalar_one() == 0
