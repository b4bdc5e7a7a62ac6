"""The notice scheduler (`make notify`) on SQLite and PostgreSQL: each rule's occasions, one
notice per occasion however often it runs (also two runs at once on PostgreSQL), each
notice in the person's sync log and queued for their phone's push subscription."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from api.services import notice_schedule
from tests.api.test_clinic_desk import AN, citizen, pull_all
from tests.api.test_push import _person, _subscribe
from tests.pushkit import PushService, Subscriber

TODAY = dt.date.today()


def _rows(eng: Engine, sql: str, **params: object) -> list:
    with eng.connect() as conn:
        return list(conn.execute(text(sql), params).all())


def _due_keys(eng: Engine, person_id: int) -> list[str]:
    return [r[0] for r in _rows(eng, "SELECT due_key FROM notice WHERE person_id = :p AND "
                                     "due_key IS NOT NULL ORDER BY id", p=person_id)]


def _run(eng: Engine, today: dt.date, *rules: str) -> Counter:
    with Session(eng) as session:
        return notice_schedule.run(session, today, rules or tuple(notice_schedule.RULES))


@pytest.fixture
def an_card(use_db: Engine):
    """AN's card end date, put back after the test (the seeded database is shared)."""
    [(valid_to,)] = _rows(use_db, "SELECT valid_to FROM healthcard WHERE person_id = :p",
                          p=_person(use_db, AN))

    def set_end(day: dt.date) -> None:
        with use_db.begin() as conn:
            conn.execute(text("UPDATE healthcard SET valid_to = :d WHERE person_id = :p"),
                         {"d": day, "p": _person(use_db, AN)})

    yield set_end
    set_end(valid_to if isinstance(valid_to, dt.date) else dt.date.fromisoformat(valid_to))


def test_card_ending_in_30_then_7_days_gets_two_notices_once_each(use_db: Engine,
                                                                  an_card) -> None:
    an = _person(use_db, AN)
    end = TODAY + dt.timedelta(days=20)
    an_card(end)
    assert _run(use_db, TODAY, "card_expiring")["card_expiring"] >= 1
    assert _due_keys(use_db, an) == [f"card_expiring:30:{end}"]
    assert _run(use_db, TODAY, "card_expiring") == Counter()  # nothing twice
    assert _run(use_db, end - dt.timedelta(days=7), "card_expiring")["card_expiring"] >= 1
    assert _due_keys(use_db, an) == [f"card_expiring:30:{end}", f"card_expiring:7:{end}"]
    assert _run(use_db, end - dt.timedelta(days=3), "card_expiring") == Counter()
    [(params,)] = _rows(use_db, "SELECT params FROM notice WHERE person_id = :p AND "
                                "due_key = :k", p=an, k=f"card_expiring:7:{end}")
    assert params == f'{{"day": "{end}"}}'


def test_employer_arrears_from_the_10th_of_the_month(use_db: Engine) -> None:
    owing = {pid: unpaid for pid, unpaid in _rows(
        use_db, "SELECT person_id, max(unpaid_months) FROM participation WHERE scheme = 'BHXH' "
                "AND to_month IS NULL AND unpaid_months > 0 AND employer_id IS NOT NULL "
                "GROUP BY person_id")}
    assert owing, "the seed has employers in arrears (demo people and ~6 % of jobs)"
    ninth, tenth = TODAY.replace(day=9), TODAY.replace(day=10)
    assert _run(use_db, ninth, "employer_arrears") == Counter()
    assert _run(use_db, tenth, "employer_arrears") == Counter({"employer_arrears": len(owing)})
    assert _run(use_db, tenth.replace(day=20), "employer_arrears") == Counter()
    pid, unpaid = next(iter(owing.items()))
    [(params,)] = _rows(use_db, "SELECT params FROM notice WHERE person_id = :p AND "
                                "kind = 'employer_arrears'", p=pid)
    first_unpaid = (tenth.year * 12 + tenth.month - 1 - unpaid)
    assert f'"month": "{first_unpaid // 12:04d}-{first_unpaid % 12 + 1:02d}"' in params


def test_voluntary_contributors_are_reminded_each_month(use_db: Engine) -> None:
    # Someone without a job today starts paying by themselves (removed afterwards: the
    # seeded database is shared).
    [(pid,)] = _rows(use_db, "SELECT id FROM person WHERE dob < :adult AND id NOT IN (SELECT "
                             "person_id FROM participation WHERE to_month IS NULL) "
                             "ORDER BY id LIMIT 1", adult=TODAY.replace(year=TODAY.year - 30))
    with use_db.begin() as conn:
        conn.execute(text(
            "INSERT INTO participation (person_id, scheme, from_month, to_month, employer_id, "
            "salary_basis, contribution, unpaid_months) VALUES (:p, 'BHXH', :start, NULL, "
            "NULL, 3000000, 660000, 0)"), {"p": pid, "start": TODAY.replace(day=1)})
    try:
        payers = {r[0] for r in _rows(
            use_db, "SELECT person_id FROM participation WHERE scheme = 'BHXH' AND "
                    "to_month IS NULL AND employer_id IS NULL")}
        assert pid in payers
        assert _run(use_db, TODAY, "contribution_due")["contribution_due"] == len(payers)
        assert _due_keys(use_db, pid) == [f"contribution_due:{TODAY:%Y-%m}"]
        assert _run(use_db, TODAY, "contribution_due") == Counter()
        next_month = (TODAY.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        assert _run(use_db, next_month, "contribution_due")["contribution_due"] == len(payers)
    finally:
        with use_db.begin() as conn:
            conn.execute(text("DELETE FROM participation WHERE person_id = :p AND "
                              "employer_id IS NULL AND to_month IS NULL"), {"p": pid})


def test_pension_adjustments_are_told_once(use_db: Engine) -> None:
    adjustments = _rows(use_db, "SELECT b.person_id, a.effective FROM pensionadjustment a "
                                "JOIN benefit b ON b.id = a.benefit_id ORDER BY a.id")
    assert adjustments, "the seed has pension adjustments"
    pid, effective = adjustments[-1]
    effective = effective if isinstance(effective, dt.date) else \
        dt.date.fromisoformat(effective)
    made = _run(use_db, effective + dt.timedelta(days=1), "pension_adjusted")
    assert made["pension_adjusted"] >= 1
    assert any(k.startswith("pension_adjusted:") for k in _due_keys(use_db, pid))
    assert _run(use_db, effective + dt.timedelta(days=2), "pension_adjusted") == Counter()


def test_a_notice_is_synced_and_queued_for_the_phone(use_db: Engine, service: PushService,
                                                     an_card) -> None:
    c, d = citizen(use_db, AN)
    cursor = pull_all(c, d)["cursor"]
    _subscribe(c, d, Subscriber(service))
    end = TODAY + dt.timedelta(days=6)
    an_card(end)
    _run(use_db, TODAY, "card_expiring")
    pulled = pull_all(c, d, cursor)["changes"]
    notice = [ch for ch in pulled if ch["type"] == "notice"]
    assert [n["doc"]["kind"] for n in notice] == ["card_expiring"]
    assert notice[0]["doc"]["params"] == {"day": end.isoformat()}
    queued = _rows(use_db, "SELECT count(*) FROM pushoutbox o JOIN notice n ON n.id = "
                           "o.notice_id WHERE n.person_id = :p", p=_person(use_db, AN))
    assert queued == [(1,)]


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_runs_at_once_make_each_notice_once(use_db: Engine, service: PushService,
                                                an_card) -> None:
    c, d = citizen(use_db, AN)
    _subscribe(c, d, Subscriber(service))
    an_card(TODAY + dt.timedelta(days=3))
    start = threading.Barrier(2)
    made: list[Counter] = []
    failed: list[BaseException] = []

    def one_run() -> None:
        start.wait()
        try:
            made.append(_run(use_db, TODAY.replace(day=15)))
        except BaseException as exc:  # reported below: the test must see it
            failed.append(exc)

    runs = [threading.Thread(target=one_run) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=120)
    assert not failed, failed
    total = made[0] + made[1]
    notices = _rows(use_db, "SELECT kind, count(*) FROM notice WHERE due_key IS NOT NULL "
                            "GROUP BY kind")
    assert dict(notices) == dict(total)  # every notice made by exactly one of the runs
    assert _rows(use_db, "SELECT count(*) FROM (SELECT entity_id FROM change WHERE entity = "
                         "'notice' GROUP BY person_id, entity_id HAVING count(*) > 1) x") \
        == [(0,)]
    # One push queued for each of AN's notices (AN's phone is the only one subscribed).
    assert _rows(use_db, "SELECT count(*) FROM pushoutbox") == \
        [(len(_due_keys(use_db, _person(use_db, AN))),)]
    assert _run(use_db, TODAY.replace(day=15)) == Counter()
