"""The voluntary social-insurance quote (SQLite and PostgreSQL): 22 % of the income chosen,
less the state's support for the person's category (from their card's group), each line
explained; bad input gets the rules' message with their bounds, never a 500."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.clock import vietnam_today
from api.domain import contribution_rules as rules
from api.http.app import build
from tests.devicekit import Device, sms_login

PATH = "/api/me/voluntary/quote"


def _login(eng: Engine, code: str) -> tuple[TestClient, Device]:
    client, device = TestClient(build(), raise_server_exceptions=False), Device()
    sms_login(client, eng, device, code=code)
    return client, device


def test_an_employee_gets_the_others_support(use_db: Engine) -> None:
    client, device = _login(use_db, "0123456789")
    answer = device.post(client, PATH, {"income": "3.000.000", "months": 3},
                         **{"accept-language": "en"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    line = rules.in_force(rules.RURAL_POVERTY_LINE, vietnam_today()).value
    percent = rules.in_force(rules.VOLUNTARY_SUPPORT, vietnam_today()).value["other"]
    state = rules.share(rules.share(line, 22), percent)
    assert body["category"] == "other"
    assert [entry["monthly"] for entry in body["lines"]] == [660_000, -state]
    assert body["total"] == (660_000 - state) * 3
    assert body["lines"][0]["text"] == "22 % of the chosen income of ₫3,000,000 a month"


def test_a_near_poor_household_member_gets_the_near_poor_support(use_db: Engine) -> None:
    with use_db.connect() as conn:
        code = conn.execute(text(
            "SELECT p.code FROM person p JOIN healthcard c ON c.person_id = p.id "
            "WHERE c.group_code = 'CN' AND p.registered ORDER BY p.id")).scalar()
    if code is None:
        pytest.skip("the small seed has no near-poor card")
    client, device = _login(use_db, code)
    body = device.post(client, PATH, {"income": 2_000_000, "months": 12}).json()
    assert body["category"] == "near_poor"
    percent = rules.in_force(rules.VOLUNTARY_SUPPORT, vietnam_today()).value["near_poor"]
    assert body["lines"][1]["params"]["percent"] == percent


@pytest.mark.parametrize(("data", "reason", "field"), [
    ({"income": 1_000, "months": 3}, "form_amount", "income"),
    ({"income": "a lot", "months": 3}, "form_amount", "income"),
    ({"income": 10**13, "months": 3}, "form_amount", "income"),
    ({"income": 2_000_000, "months": 2}, "form_choose", "months"),
    ({"income": 2_000_000}, "form_choose", "months"),
    ({"income": True, "months": 1}, "form_amount", "income"),
])
def test_bad_input_gets_the_rules_message(use_db: Engine, data: dict, reason: str,
                                          field: str) -> None:
    client, device = _login(use_db, "0123456789")
    answer = device.post(client, PATH, data, **{"accept-language": "vi"})
    assert answer.status_code == 422, answer.text
    assert (answer.json()["error"], answer.json()["field"]) == (reason, field)
    if reason == "form_amount":
        assert "1.500.000" in answer.json()["message"]  # the bounds, in the reader's format
