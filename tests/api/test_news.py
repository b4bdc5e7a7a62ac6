"""News and guides on SQLite and PostgreSQL, over HTTP with a real officer login: an officer
publishes in Vietnamese and English, anyone (logged out too) reads the newest first in
their language or the nearest one written; bad input is refused with a message in the
officer's language; citizens and clinics cannot publish nor see the console's list."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.http.app import build
from tests.api.test_announcements import officer
from tests.api.test_clinic_desk import AN, BACH_MAI, citizen, desk

TEXTS = {"vi": {"title": "Cấp lại thẻ BHYT tại nhà", "body": "Từ tháng 12, đại lý thu nhận hồ sơ."},
         "en": {"title": "Card re-issue at home", "body": "From December, collection agents take "
                                                          "the papers."}}


def _count(eng: Engine) -> int:
    with eng.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM newsitem")).scalar_one()


def test_an_officer_publishes_and_anyone_reads_in_their_language(use_db: Engine) -> None:
    c, d = officer(use_db)
    first = d.post(c, "/api/officer/news", {"kind": "guide", "texts": TEXTS})
    assert first.status_code == 201, first.text
    second = d.post(c, "/api/officer/news", {"kind": "news", "texts": {
        "vi": {"title": "Tin mới", "body": "Dòng một\n\nDòng   hai"}}})
    assert second.status_code == 201, second.text
    listed = c.get("/api/officer/news", headers=d.headers("GET", "/api/officer/news")).json()
    assert [i["id"] for i in listed["items"]] == [second.json()["id"], first.json()["id"]]
    assert listed["items"][1]["texts"] == TEXTS and listed["items"][1]["by"] == "CB-01"

    visitor = TestClient(build(), raise_server_exceptions=False)  # not logged in
    vi = visitor.get("/api/news?lang=vi").json()["items"]
    assert [i["title"] for i in vi] == ["Tin mới", "Cấp lại thẻ BHYT tại nhà"]
    assert vi[0]["body"] == "Dòng một\n\nDòng hai" and vi[0]["kind"] == "news"
    ko = visitor.get("/api/news", headers={"Accept-Language": "ko"}).json()["items"]
    assert [(i["lang"], i["title"]) for i in ko] == [("vi", "Tin mới"),
                                                     ("en", "Card re-issue at home")]


@pytest.mark.parametrize(("body", "reason", "words"), [
    ({"kind": "news", "texts": {"vi": {"title": " ", "body": ""}}}, "news_empty",
     "ít nhất một ngôn ngữ"),
    ({"kind": "news", "texts": "Hello"}, "news_empty", "ít nhất một ngôn ngữ"),
    ({"kind": "news", "texts": {"en": {"title": "Hello", "body": ""}}}, "news_half",
     "English"),
    ({"kind": "news", "texts": {"en": {"title": "x" * 121, "body": "b"}}},
     "news_title_too_long", "120"),
    ({"kind": "news", "texts": {"en": {"title": "t", "body": "x" * 4001}}},
     "news_body_too_long", "4000"),
    ({"kind": "advert", "texts": TEXTS}, "news_kind", "tin tức"),
])
def test_bad_news_is_refused_with_a_message_in_the_officers_language(
        use_db: Engine, body: dict, reason: str, words: str) -> None:
    c, d = officer(use_db)
    answer = d.post(c, "/api/officer/news", body, **{"accept-language": "vi"})
    assert answer.status_code == 400 and answer.json()["error"] == reason, answer.text
    assert words in answer.json()["message"]
    assert _count(use_db) == 0


def test_citizens_and_clinics_cannot_publish(use_db: Engine) -> None:
    for client, device in (citizen(use_db, AN), desk(use_db, BACH_MAI)):
        refused = device.post(client, "/api/officer/news", {"kind": "news", "texts": TEXTS})
        assert refused.status_code == 403 and refused.json()["error"] == "wrong_role"
        listed = client.get("/api/officer/news",
                            headers=device.headers("GET", "/api/officer/news"))
        assert listed.status_code == 403
    anonymous = TestClient(build(), raise_server_exceptions=False)
    assert anonymous.post("/api/officer/news", json={"kind": "news", "texts": TEXTS}
                          ).status_code == 401
    assert _count(use_db) == 0
