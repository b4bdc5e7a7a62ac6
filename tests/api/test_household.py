"""The household head's routes (SQLite and PostgreSQL): the head sees the household's members
with their card validity and gets a renewal quote, line by line; anyone else is refused,
bad input gets a clear message in the user's language, never a 500."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.clock import vietnam_today
from api.domain import contribution_rules as rules
from api.http.app import build
from api.seed.demo import DEMO_PEOPLE, HOUSEHOLD_HEAD
from tests.devicekit import Device, sms_login

MEMBERS = [d.code for d in DEMO_PEOPLE if d.household_head == HOUSEHOLD_HEAD]
WIFE, MOTHER, SON, DAUGHTER = MEMBERS
QUOTE = "/api/me/household/quote"


def _login(eng: Engine, **who: str) -> tuple[TestClient, Device]:
    client, device = TestClient(build(), raise_server_exceptions=False), Device()
    sms_login(client, eng, device, **who)
    return client, device


def _get(client: TestClient, device: Device, path: str, lang: str = "en"):
    return client.get(path, headers=device.headers("GET", path) | {"accept-language": lang})


def test_the_head_sees_the_members_with_their_card_validity(use_db: Engine) -> None:
    client, device = _login(use_db, code=HOUSEHOLD_HEAD)
    answer = _get(client, device, "/api/me/household")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    members = body["members"]
    assert [m["code"] for m in members] == MEMBERS
    assert [m["position"] for m in members] == [1, 2, 3, 4]
    assert [m["group"] for m in members] == ["GD", "GD", "GD", "HS"]
    # The seed's cards end 12 and 20 days after its today (the host's date; Vietnam's may be
    # a day ahead): due for renewal, shown so.
    days = [m["days_left"] for m in members]
    assert days[0] == days[1] in (11, 12) and days[3] == days[0] + 8
    assert [m["state"] for m in members] == ["expiring", "expiring", days[2] <= 30 and
                                             "expiring" or "valid", "expiring"]
    assert all(m["renewable"] for m in members)
    assert body["months"] == [3, 6, 12]


def test_the_head_gets_a_quote_line_by_line(use_db: Engine) -> None:
    client, device = _login(use_db, code=HOUSEHOLD_HEAD)
    answer = device.post(client, QUOTE, {"members": [DAUGHTER, MOTHER, WIFE], "months": 6},
                         **{"accept-language": "en"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    base = rules.base_salary(vietnam_today()).value
    first = rules.share(base, 45, 1000)
    lines = body["lines"]
    # In the household's order; the son took part this year (his card runs into it), so
    # the wife is the 1st member taking part, the mother the 2nd and he would be the 3rd.
    assert [line["code"] for line in lines] == [WIFE, MOTHER, DAUGHTER]
    assert [line["rank"] for line in lines] == [1, 2, None]
    assert [line["monthly"] for line in lines] == [
        first, rules.share(first, 70), first - rules.share(first, rules.subsidy("HS",
                                                                              vietnam_today()))]
    assert body["total"] == sum(line["monthly"] for line in lines) * 6
    assert lines[1]["message"] == rules.MSG_LATER and lines[1]["params"]["percent"] == 70
    assert lines[1]["text"] == "Member 2: 70 % of the first member's amount"
    assert body["basis"]["params"]["base"] == base


def test_a_member_renewed_alone_keeps_the_place_of_the_members_this_year(
        use_db: Engine) -> None:
    client, device = _login(use_db, code=HOUSEHOLD_HEAD)
    body = device.post(client, QUOTE, {"members": [SON], "months": 3}).json()
    assert [line["rank"] for line in body["lines"]] == [3]
    assert body["lines"][0]["params"] == {"rank": 3, "percent": 60}


@pytest.mark.parametrize(("data", "reason"), [
    ({"members": [WIFE], "months": 4}, "household_months"),
    ({"members": [WIFE], "months": "twelve"}, "household_months"),
    ({"members": [WIFE]}, "household_months"),
    ({"members": [], "months": 3}, "household_members_empty"),
    ({"members": "0123456790", "months": 3}, "household_members_empty"),
    ({"members": [HOUSEHOLD_HEAD], "months": 3}, "household_member_unknown"),
    ({"members": ["2712345670"], "months": 3}, "household_member_unknown"),
])
def test_bad_input_gets_a_clear_message(use_db: Engine, data: dict, reason: str) -> None:
    client, device = _login(use_db, code=HOUSEHOLD_HEAD)
    answer = device.post(client, QUOTE, data, **{"accept-language": "vi"})
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"] == reason
    assert answer.json()["message"]


@pytest.mark.parametrize("who", [
    {"code": "2712345670"},  # heads no household
    {"code": WIFE},  # a member, not the head
    {"staff_code": "01H01-01"},  # the head's own clinic login
    {"staff_code": "CB-02"},  # the head's own officer login
])
def test_anyone_but_the_head_is_refused(use_db: Engine, who: dict) -> None:
    client, device = _login(use_db, **who)
    seen = _get(client, device, "/api/me/household")
    priced = device.post(client, QUOTE, {"members": [WIFE], "months": 3})
    expected = "not_household_head" if "code" in who else "wrong_role"
    for answer in (seen, priced):
        assert answer.status_code == 403, answer.text
        assert answer.json()["error"] == expected


def _other_household(eng: Engine) -> tuple[str, str | None]:
    """A seeded household other than the demo one: its head's code and another member's."""
    from sqlmodel import Session, select

    from api.domain.family import Household, HouseholdMember
    from api.domain.models import Person

    with Session(eng) as s:
        rows = s.exec(select(Household.head_id, HouseholdMember.person_id, Person.code)
                      .join(HouseholdMember, HouseholdMember.household_id == Household.id)
                      .join(Person, Person.id == HouseholdMember.person_id)
                      .order_by(HouseholdMember.position)).all()
        demo_head = s.exec(select(Person.id).where(Person.code == HOUSEHOLD_HEAD)).one()
        sizes: dict[int, list[tuple[int, str]]] = {}
        for head, person, code in rows:
            if head != demo_head:
                sizes.setdefault(head, []).append((person, code))
        if not sizes:
            pytest.skip("the small seed formed no other household")
        head = max(sizes, key=lambda h: len(sizes[h]))  # one with a member besides its head
        others = [code for person, code in sizes[head] if person != head]
        return s.get(Person, head).code, others[0] if others else None


def test_another_households_head_and_member_get_nothing_of_this_one(use_db: Engine) -> None:
    head, member = _other_household(use_db)
    client, device = _login(use_db, code=head)
    own = _get(client, device, "/api/me/household").json()["members"]
    assert own and not {m["code"] for m in own} & set(MEMBERS)
    answer = device.post(client, QUOTE, {"members": [WIFE], "months": 12})
    assert answer.status_code == 422 and answer.json()["error"] == "household_member_unknown"
    if member:
        client, device = _login(use_db, code=member)
        answer = _get(client, device, "/api/me/household")
        assert answer.status_code == 403 and answer.json()["error"] == "not_household_head"


def test_a_head_cannot_price_another_households_member(use_db: Engine) -> None:
    _, member = _other_household(use_db)
    if member is None:
        pytest.skip("the other households have their head only")
    client, device = _login(use_db, code=HOUSEHOLD_HEAD)
    answer = device.post(client, QUOTE, {"members": [WIFE, member], "months": 12})
    assert answer.status_code == 422 and answer.json()["error"] == "household_member_unknown"
