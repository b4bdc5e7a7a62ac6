"""Look-ups over HTTP on SQLite and PostgreSQL: the 34 provinces and the old names, the
Vietnamese order, search in addresses, the query cap and the minimal, throttled
find-my-code."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.domain import provinces
from api.domain.collation import sorted_vi
from api.http.app import build
from api.seed import realdata
from locales import tr
from tests.conftest import last_sms

AN = "0123456789"
FIND_AN = "/api/lookup/code?name=nguyen van an&dob=1972-05-14&province=01"


@pytest.fixture
def client(use_db: Engine) -> TestClient:
    return TestClient(build(), raise_server_exceptions=False)


def all_items(client: TestClient, path: str) -> list[dict[str, str]]:
    """Every item of a look-up, page after page."""
    first = client.get(path).json()
    items = list(first["items"])
    for page in range(2, first["pages"] + 1):
        items += client.get(f"{path}&page={page}").json()["items"]
    return items


def test_the_34_provinces_in_vietnamese_order(client: TestClient) -> None:
    answer = client.get("/api/provinces?lang=en").json()
    names = [p["name"] for p in answer["provinces"]]
    assert len(names) == 34 and "Bạc Liêu" not in names and "Huế" in names
    assert names[:4] == ["An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng"]
    # Đ is a letter after D; Đà Nẵng... come after every D (none now) and before E/G.
    assert names.index("Đà Nẵng") > names.index("Cần Thơ")
    assert names.index("Điện Biên") < names.index("Gia Lai")
    assert names == sorted_vi(names)
    former = {p["name"]: p for p in answer["former"]}
    assert len(former) == 29
    assert former["Bạc Liêu"]["code"] == "96"
    assert former["Bạc Liêu"]["label"] == "Bạc Liêu (now Cà Mau)"
    assert former["Hà Giang"]["code"] == "08" and former["Yên Bái"]["code"] == "10"
    vi = client.get("/api/provinces?lang=vi").json()["former"]
    assert "Bạc Liêu (nay là Cà Mau)" in [p["label"] for p in vi]


def test_an_old_province_name_finds_the_new_province(client: TestClient) -> None:
    matched = client.get("/api/provinces?q=bac lieu").json()["provinces"]
    assert [(p["code"], p["name"], p["matched"]) for p in matched] == [
        ("96", "Cà Mau", "Bạc Liêu")]
    facilities = all_items(client, "/api/lookup/facilities?q=bac lieu")
    assert facilities and {f["province"] for f in facilities} == {"Cà Mau"}
    assert "Bệnh viện Đa khoa Cà Mau" in [f["name"] for f in facilities]
    agencies = client.get("/api/lookup/agencies?q=bac lieu").json()
    assert agencies["total"] == 5
    # The filter takes an old code too: Bạc Liêu's 95 means Cà Mau now.
    by_old = client.get("/api/lookup/agents?province=95").json()
    assert by_old["total"] == 10 and by_old["items"][0]["province"] == "Cà Mau"


def test_search_reads_addresses_and_lists_real_hospitals(client: TestClient) -> None:
    hanoi = all_items(client, "/api/lookup/facilities?q=ha noi")
    names = [f["name"] for f in hanoi]
    for real in ("Bệnh viện Bạch Mai", "Bệnh viện Hữu nghị Việt Đức", "Bệnh viện K"):
        assert real in names
    assert any("Hà Nội" not in f["name"] for f in hanoi)  # found by the address
    assert names == sorted_vi(names)
    for province in {h.province for h in realdata.hospitals()}:
        listed = client.get(f"/api/lookup/facilities?q=benh vien&province={province}").json()
        assert listed["total"] >= 1, province
    cho_ray = client.get("/api/lookup/facilities?q=cho ray&lang=en").json()["items"][0]
    assert cho_ray["address"].startswith("201B Nguyễn Chí Thanh")
    assert cho_ray["detail"].startswith("Central hospital")


def test_results_follow_vietnamese_order_across_pages(client: TestClient) -> None:
    names = [a["name"] for a in all_items(client, "/api/lookup/agencies?q=bao hiem")]
    assert len(names) == 34 * 5 and names == sorted_vi(names)
    for kind, places in [("tỉnh", ["Bắc Ninh", "Cà Mau", "Cao Bằng", "Điện Biên", "Gia Lai"]),
                         ("thành phố", ["Cần Thơ", "Đà Nẵng", "Hà Nội", "Hải Phòng",
                                        "Hồ Chí Minh", "Huế"])]:
        order = [names.index(f"Bảo hiểm xã hội {kind} {p}") for p in places]
        assert order == sorted(order), kind


@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ja", "ko"])
def test_a_very_long_query_is_refused_clearly(client: TestClient, lang: str) -> None:
    answer = client.get("/api/lookup/facilities", params={"q": "benh vien " * 1000,
                                                          "lang": lang})
    assert answer.status_code == 400
    assert answer.json()["error"] == "search_too_long"
    assert answer.json()["message"] == tr(
        lang, "The search is too long. Type at most {max} characters.", max=100)
    at_cap = client.get("/api/lookup/facilities", params={"q": "x" * 100})
    assert at_cap.status_code == 200
    name = client.get("/api/lookup/code", params={"name": "a" * 10_000, "dob": "1972-05-14",
                                                   "province": "01"})
    assert name.status_code == 400 and name.json()["error"] == "search_too_long"


def test_find_my_code_shows_four_digits_and_texts_the_code(client: TestClient,
                                                           use_db: Engine) -> None:
    answer = client.get(FIND_AN + "&lang=en")
    assert answer.status_code == 200
    body = answer.json()
    assert body["matches"] == [{"code": "••••••6789", "phone": "*******678"}]
    assert AN not in answer.text and "Nguyễn" not in answer.text
    assert body["message"] == ("The full code was sent by SMS to the phone registered for "
                               "this person.")
    sms = last_sms(use_db, AN)
    assert AN in sms and sms.startswith("BHXH số: mã số BHXH")  # An reads Vietnamese
    kim = client.get("/api/lookup/code?name=김민준 (kim min-jun)&dob=1988-01-20&province=27")
    assert kim.status_code == 200 and "Your social-insurance code is 2712345670" in last_sms(
        use_db, "2712345670")


def test_find_my_code_slows_an_address_and_texts_a_person_a_few_times(
        client: TestClient, use_db: Engine, monkeypatch) -> None:
    """One address asking again and again is slowed down, never refused (neighbours behind
    the same carrier address must still find their code); one person gets at most a few
    texts a day, however often their code is asked for."""
    from sqlmodel import Session

    from api.auth import throttle
    from api.services import lookups

    monkeypatch.setattr(throttle, "ADDRESS_SOFT_LIMIT",
                        throttle.ADDRESS_SOFT_LIMIT | {"lookup": 5})
    monkeypatch.setattr(throttle, "PAUSE_STEP", 0.01)
    answers = [client.get(FIND_AN + "&lang=en") for _ in range(10)]
    assert [a.status_code for a in answers] == [200] * 10
    for _ in range(10):
        wrong = client.get(FIND_AN.replace("1972-05-14", "1972-05-15"))
        assert wrong.status_code == 404
    with Session(use_db) as s:
        assert 0 < throttle.address_pause(s, "lookup", "testclient") <= throttle.PAUSE_CAP
        assert throttle.address_pause(s, "lookup", "10.0.0.9") == 0  # other addresses
    with use_db.connect() as conn:
        texts = conn.execute(text("SELECT COUNT(*) FROM smsoutbox WHERE person_code = :c"),
                             {"c": AN}).scalar_one()
    assert texts == lookups.CODE_TEXTS_PER_DAY
    sent, again = answers[0].json()["message"], answers[-1].json()["message"]
    assert sent == "The full code was sent by SMS to the phone registered for this person."
    assert again.startswith("The full code was already sent by SMS")
    assert answers[-1].json()["matches"][0]["code"].endswith(AN[-4:])


def test_records_before_the_reform_show_the_old_province(use_db: Engine) -> None:
    from sqlmodel import Session

    from api.services import wallet

    with use_db.connect() as conn:
        row = conn.execute(text(
            "SELECT v.person_id, f.name, f.former_province_code, f.province_code "
            "FROM medicalvisit v JOIN facility f ON f.id = v.facility_id "
            "WHERE f.former_province_code IS NOT NULL AND v.admitted < '2025-07-01' "
            "ORDER BY v.id LIMIT 1")).one()
    with Session(use_db) as session:
        visits = wallet.visits_view(session, row.person_id, "en")["visits"]
    old = provinces.BEFORE_2025[row.former_province_code]
    new = provinces.CURRENT[row.province_code]
    shown = {v["province"] for v in visits if v["facility"] == row.name}
    assert f"{old} (now {new})" in shown
