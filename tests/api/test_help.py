"""The help assistant over HTTP (GET /api/help/ask, roles: anyone): answers in the reader's
language (?lang=, the lang cookie or Accept-Language), logged out too; "I do not know" with
the hotline; a question too long refused with a message in the reader's language."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.http.app import build


@pytest.fixture
def client(use_db: Engine) -> TestClient:
    return TestClient(build(), raise_server_exceptions=False)


@pytest.mark.parametrize(("lang", "question", "entry", "words"), [
    ("vi", "mất điện thoại", "lost_phone", "Đăng nhập trên điện thoại khác"),
    ("en", "my phone was stolen", "lost_phone", "Log in on another phone"),
    ("zh", "手机丢了", "lost_phone", "在另一部手机上登录"),
    ("ja", "電話をなくした", "lost_phone", "別の電話"),
    ("ko", "휴대폰 분실", "lost_phone", "다른 휴대폰"),
])
def test_asks_and_answers_in_five_languages(client: TestClient, lang: str, question: str,
                                            entry: str, words: str) -> None:
    answer = client.get("/api/help/ask", params={"q": question, "lang": lang})
    assert answer.status_code == 200
    body = answer.json()
    assert body["known"] and body["entry"]["id"] == entry
    assert words in body["entry"]["answer"]
    assert body["entry"]["screen"] == "/security"
    assert body["hotline"] == "1900 9068" and body["tel"] == "tel:19009068"


def test_the_language_comes_from_the_browser_too(client: TestClient) -> None:
    body = client.get("/api/help/ask", params={"q": "offline"},
                      headers={"Accept-Language": "ja"}).json()
    assert body["entry"]["id"] == "offline"
    assert body["entry"]["question"] == "インターネットがなくても使えますか？"


def test_does_not_know_and_offers_the_hotline(client: TestClient) -> None:
    body = client.get("/api/help/ask", params={"q": "giá vàng hôm nay", "lang": "vi"}).json()
    assert body["known"] is False
    assert "Tôi chưa biết" in body["message"] and "1900 9068" in body["message"]
    assert body["email"] == "support@localhost"


def test_a_long_question_is_refused_in_the_readers_language(client: TestClient) -> None:
    answer = client.get("/api/help/ask", params={"q": "x" * 301, "lang": "ko"})
    assert answer.status_code == 400
    assert answer.json() == {"error": "question_too_long",
                             "message": "질문이 너무 깁니다. 300자 이내로 질문하세요."}
