"""Paying for the household's renewal through the simulated provider (SQLite and PostgreSQL,
real HMAC): an order from a quote, the bank page, the signed callback applied once (cards
extended, new signed QRs in each member's change log, notices), every refused callback
logged, failure and cancel changing nothing, and the receipt, own orders only."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select
from starlette.testclient import TestClient

from api.card import qr
from api.clock import utcnow
from api.db import engine_for
from api.domain.models import HealthCard, Notice, Participation, Person
from api.domain.payments import PaymentCallback, PaymentOrder
from api.http.app import build
from api.payments import orders, simulated
from api.seed.demo import DEMO_PEOPLE, HOUSEHOLD_HEAD
from api.services.household import period_end
from locales import format_day
from sync.models import Change
from tests.conftest import ROOT, migrate, postgres_database
from tests.devicekit import Device, sms_login

MEMBERS = [d.code for d in DEMO_PEOPLE if d.household_head == HOUSEHOLD_HEAD]
WIFE, MOTHER, SON, DAUGHTER = MEMBERS
CALLBACK = "/api/payments/callback"


@pytest.fixture
def db(use_db: Engine) -> Iterator[Engine]:
    """The seeded database, its household cards and voluntary periods put back afterwards
    (the seed is shared by the tests)."""
    with Session(use_db) as session:
        cards = [(c.id, c.valid_from, c.valid_to) for c in session.exec(select(HealthCard))]
        periods = session.exec(select(func.max(Participation.id))).one()
    yield use_db
    with Session(use_db) as session:
        for card_id, valid_from, valid_to in cards:
            card = session.get(HealthCard, card_id)
            card.valid_from, card.valid_to = valid_from, valid_to
            session.add(card)
        session.commit()
    with use_db.begin() as conn:
        conn.execute(text("DELETE FROM paymentcallback"))
        conn.execute(text("DELETE FROM paymentorder"))
        conn.execute(text("DELETE FROM change WHERE entity = 'participation' "
                          "AND CAST(entity_id AS INTEGER) > :last"), {"last": periods})
        conn.execute(text("DELETE FROM participation WHERE id > :last"), {"last": periods})
        conn.execute(text("DELETE FROM notice WHERE kind IN "
                          "('card_renewed', 'household_paid', 'voluntary_paid')"))


def _login(eng: Engine, code: str) -> tuple[TestClient, Device]:
    client, device = TestClient(build(), raise_server_exceptions=False), Device()
    sms_login(client, eng, device, code=code)
    return client, device


def _get(client: TestClient, device: Device, path: str, lang: str = "en"):
    return client.get(path, headers=device.headers("GET", path) | {"accept-language": lang})


def _order(client: TestClient, device: Device, members: list[str], months: int = 6) -> dict:
    answer = device.post(client, "/api/me/payments",
                         {"kind": "household_bhyt", "members": members, "months": months})
    assert answer.status_code == 201, answer.text
    return answer.json()


def _cards(eng: Engine, codes: list[str]) -> dict[str, HealthCard]:
    with Session(eng) as session:
        return {p.code: c for p, c in session.exec(
            select(Person, HealthCard).join(HealthCard, HealthCard.person_id == Person.id)
            .where(Person.code.in_(codes)))}


def _signed(eng: Engine, order_id: str, amount: int, result: str = "success",
            now: dt.datetime | None = None) -> dict[str, object]:
    with Session(eng) as session:
        payload = simulated.sign(session, order_id, amount, result, now)
        session.commit()
    return payload


def _outcomes(eng: Engine) -> list[str]:
    with Session(eng) as session:
        return [c.outcome for c in session.exec(select(PaymentCallback)
                                                .order_by(PaymentCallback.id))]


def _head(eng: Engine) -> tuple[TestClient, Device]:
    return _login(eng, HOUSEHOLD_HEAD)


def test_paying_extends_the_cards_reissues_the_qrs_and_tells_everyone(db: Engine) -> None:
    client, device = _head(db)
    before = _cards(db, [WIFE, MOTHER])
    order = _order(client, device, [WIFE, MOTHER], months=6)
    assert order["status"] == "created" and order["pay_url"] == f"/pay/sim/{order['id']}"
    page = client.get(order["pay_url"], headers={"accept-language": "en"})
    assert page.status_code == 200 and "Simulated bank" in page.text
    assert 'name="result" value="success"' in page.text and "<script" not in page.text
    assert "script-src" in page.headers["content-security-policy"]
    paid = client.post(order["pay_url"], data={"result": "success"},
                       headers={"accept-language": "en"})
    assert paid.status_code == 200, paid.text
    assert "The payment was made" in paid.text
    status = _get(client, device, f"/api/me/payments/{order['id']}").json()
    assert status["status"] == "paid" and status["receipt_number"].startswith("BL-")
    after = _cards(db, [WIFE, MOTHER])
    with Session(db) as session:
        for code in (WIFE, MOTHER):
            old = before[code].valid_to
            start = old + dt.timedelta(days=1) if old >= _today() else _today()
            assert after[code].valid_to == period_end(start, 6)
            person = session.exec(select(Person).where(Person.code == code)).one()
            change = session.exec(select(Change).where(
                Change.person_id == person.id, Change.entity == "card")
                .order_by(Change.seq.desc())).first()
            body = json.loads(change.payload)
            assert body["valid_to"] == after[code].valid_to.isoformat()
            assert qr.verify(body["qr_text"]).valid_to == after[code].valid_to
            kinds = [n.kind for n in session.exec(select(Notice).where(
                Notice.person_id == person.id))]
            assert "card_renewed" in kinds
        head = session.exec(select(Person).where(Person.code == HOUSEHOLD_HEAD)).one()
        assert session.exec(select(Notice).where(Notice.person_id == head.id,
                                                 Notice.kind == "household_paid")).first()
    assert _outcomes(db) == ["applied"]


def _today() -> dt.date:
    from api.clock import vietnam_today
    return vietnam_today()


def test_a_callback_twice_extends_once(db: Engine) -> None:
    client, device = _head(db)
    order = _order(client, device, [SON], months=3)
    first = _signed(db, order["id"], order["amount"])
    assert client.post(CALLBACK, json=first).json() == {"outcome": "applied"}
    once = _cards(db, [SON])[SON].valid_to
    again = client.post(CALLBACK, json=_signed(db, order["id"], order["amount"]))
    assert again.status_code == 200 and again.json() == {"outcome": "duplicate"}
    replayed = client.post(CALLBACK, json=first)
    assert replayed.status_code == 409 and replayed.json() == {"outcome": "replay"}
    assert _cards(db, [SON])[SON].valid_to == once
    assert _outcomes(db) == ["applied", "duplicate", "replay"]


def test_refused_callbacks_are_logged_and_change_nothing(db: Engine) -> None:
    client, device = _head(db)
    before = _cards(db, [DAUGHTER])[DAUGHTER].valid_to
    order = _order(client, device, [DAUGHTER], months=3)
    forged = _signed(db, order["id"], order["amount"]) | {"signature": "0" * 64}
    assert client.post(CALLBACK, json=forged).status_code == 401
    changed = _signed(db, order["id"], order["amount"])
    changed["amount"] = 1  # the amount changed after signing
    assert client.post(CALLBACK, json=changed).status_code == 401
    cheap = _signed(db, order["id"], order["amount"] - 1000)
    assert client.post(CALLBACK, json=cheap).json() == {"outcome": "wrong_amount"}
    unknown = _signed(db, "f" * 32, order["amount"])
    assert client.post(CALLBACK, json=unknown).status_code == 404
    stale = _signed(db, order["id"], order["amount"], now=utcnow() - dt.timedelta(hours=1))
    assert client.post(CALLBACK, json=stale).json() == {"outcome": "replay"}
    for garbage in (b"[1, 2]", b"{", b'{"order_id": 5, "amount": "x"}',
                    json.dumps(forged | {"amount": 10**30}).encode()):
        answer = client.post(CALLBACK, content=garbage,
                             headers={"content-type": "application/json"})
        assert answer.status_code == 401, garbage
    with Session(db) as session:  # late: the order's 15 minutes are over
        row = session.get(PaymentOrder, order["id"])
        row.expires_at = utcnow() - dt.timedelta(seconds=1)
        session.add(row)
        session.commit()
    late = client.post(CALLBACK, json=_signed(db, order["id"], order["amount"]))
    assert late.status_code == 409 and late.json() == {"outcome": "expired"}
    assert _outcomes(db) == ["bad_signature", "bad_signature", "wrong_amount",
                             "unknown_order", "replay", *["bad_signature"] * 4, "expired"]
    assert _cards(db, [DAUGHTER])[DAUGHTER].valid_to == before
    assert _get(client, device, f"/api/me/payments/{order['id']}").json()["status"] \
        == "expired"
    with Session(db) as session:
        assert all(not c.signature_ok for c in session.exec(select(PaymentCallback).where(
            PaymentCallback.outcome == "bad_signature")))


@pytest.mark.parametrize("result", ["failure", "cancel"])
def test_failure_and_cancel_leave_the_cards(db: Engine, result: str) -> None:
    client, device = _head(db)
    before = _cards(db, MEMBERS)
    order = _order(client, device, [WIFE, SON])
    answer = client.post(f"/pay/sim/{order['id']}", data={"result": result})
    assert answer.status_code == 200
    status = _get(client, device, f"/api/me/payments/{order['id']}").json()
    assert status["status"] == {"failure": "failed", "cancel": "cancelled"}[result]
    assert {c: card.valid_to for c, card in _cards(db, MEMBERS).items()} == \
        {c: card.valid_to for c, card in before.items()}
    # Closed: a success afterwards applies nothing, and the bank page says so.
    late = client.post(CALLBACK, json=_signed(db, order["id"], order["amount"]))
    assert late.json() == {"outcome": "duplicate"}
    assert client.get(f"/pay/sim/{order['id']}").status_code == 409
    assert _get(client, device, f"/api/me/payments/{order['id']}/receipt").status_code == 409


def test_a_timeout_sends_nothing(db: Engine) -> None:
    client, device = _head(db)
    order = _order(client, device, [WIFE])
    answer = client.post(f"/pay/sim/{order['id']}", data={"result": "timeout"})
    assert answer.status_code == 200 and _outcomes(db) == []
    assert _get(client, device, f"/api/me/payments/{order['id']}").json()["status"] \
        == "created"


def test_the_receipt_in_two_languages_and_own_orders_only(db: Engine) -> None:
    client, device = _head(db)
    order = _order(client, device, [WIFE, MOTHER], months=3)
    path = f"/api/me/payments/{order['id']}/receipt"
    client.post(f"/pay/sim/{order['id']}", data={"result": "success"})
    english = _get(client, device, path, "en")
    assert english.status_code == 200, english.text
    assert english.headers["content-type"].startswith("text/html")
    assert "Electronic receipt" in english.text and "BL-" in english.text
    vietnamese = _get(client, device, path, "vi")
    assert "Biên lai điện tử" in vietnamese.text
    for member in (WIFE, MOTHER):
        assert member in english.text
    other, other_device = _login(db, WIFE)
    for where in (f"/api/me/payments/{order['id']}", path):
        refused = _get(other, other_device, where)
        assert refused.status_code == 404 and refused.json()["error"] == "payment_unknown"


def test_two_orders_paid_extend_one_after_the_other(db: Engine) -> None:
    """Two orders made before either is paid: each payment extends the card in turn, and
    the second receipt shows the period applied, not the one quoted."""
    client, device = _head(db)
    old = _cards(db, [WIFE])[WIFE].valid_to
    first, second = (_order(client, device, [WIFE], months=3) for _ in range(2))
    for order in (first, second):
        assert client.post(order["pay_url"], data={"result": "success"}).status_code == 200
    start = old + dt.timedelta(days=1) if old >= _today() else _today()
    middle = period_end(start, 3)
    end = period_end(middle + dt.timedelta(days=1), 3)
    assert _cards(db, [WIFE])[WIFE].valid_to == end
    page = _get(client, device, f"/api/me/payments/{second['id']}/receipt", "en").text
    assert format_day(end, "en") in page and format_day(middle + dt.timedelta(days=1), "en") \
        in page


def test_bad_orders_get_clear_messages(db: Engine) -> None:
    client, device = _head(db)
    answer = device.post(client, "/api/me/payments", {"kind": "tip"},
                         **{"accept-language": "en"})
    assert answer.status_code == 422 and answer.json()["error"] == "payment_kind"
    answer = device.post(client, "/api/me/payments",
                         {"kind": "household_bhyt", "members": [WIFE], "months": 5})
    assert answer.status_code == 422 and answer.json()["error"] == "household_months"
    other, other_device = _login(db, WIFE)
    answer = other_device.post(other, "/api/me/payments",
                               {"kind": "household_bhyt", "members": [MOTHER], "months": 3})
    assert answer.status_code == 403 and answer.json()["error"] == "not_household_head"
    assert client.get("/pay/sim/nope").status_code == 404
    assert _get(client, device, "/api/me/payments/nope").status_code == 404


def test_voluntary_contributions_are_paid_the_same_way(db: Engine) -> None:
    client, device = _head(db)
    answer = device.post(client, "/api/me/payments",
                         {"kind": "voluntary_bhxh", "income": 5_000_000, "months": 3})
    assert answer.status_code == 201, answer.text
    order = answer.json()
    client.post(order["pay_url"], data={"result": "success"})
    with Session(db) as session:
        head = session.exec(select(Person).where(Person.code == HOUSEHOLD_HEAD)).one()
        kinds = [n.kind for n in session.exec(select(Notice).where(
            Notice.person_id == head.id))]
        period = session.exec(select(Change).where(
            Change.person_id == head.id, Change.entity == "participation")
            .order_by(Change.seq.desc())).first()
    assert "voluntary_paid" in kinds
    body = json.loads(period.payload)
    assert body["salary"] == 5_000_000 and body["scheme"] == "BHXH" and body["to"]


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'm.db'}"
        return
    databases = postgres_database()
    yield next(databases)
    databases.close()


def test_migration_0013_up_and_down(empty_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    migrate(empty_db, "head").dispose()
    monkeypatch.setenv("DB_URL", empty_db)
    command.downgrade(Config(str(ROOT / "alembic.ini")), "0012")
    eng = engine_for(empty_db)
    assert not {"paymentorder", "paymentcallback"} & set(inspect(eng).get_table_names())
    eng.dispose()
    eng = migrate(empty_db, "head")
    names = {c["name"] for c in inspect(eng).get_foreign_keys("paymentorder")}
    assert names == {"fk_paymentorder_payer_id_person"}
    eng.dispose()


def test_callbacks_at_once_apply_once(db: Engine) -> None:
    """Eight signed callbacks for one order at the same moment (the provider retrying): one
    applies, the others are duplicates, the card is extended once."""
    client, device = _head(db)
    old = _cards(db, [SON])[SON].valid_to
    order = _order(client, device, [SON], months=3)
    payloads = [_signed(db, order["id"], order["amount"]) for _ in range(8)]
    barrier = threading.Barrier(len(payloads))

    def send(payload: dict[str, object]) -> str:
        barrier.wait()
        with Session(db) as session:
            return orders.receive(session, payload, "{}")[1]

    with ThreadPoolExecutor(len(payloads)) as pool:
        outcomes = sorted(pool.map(send, payloads))
    assert outcomes == ["applied"] + ["duplicate"] * 7
    start = old + dt.timedelta(days=1) if old >= _today() else _today()
    assert _cards(db, [SON])[SON].valid_to == period_end(start, 3)
