"""Payment orders (issue 16): made from a quote for the payer, paid through the provider,
applied once.

An order freezes the quote it was made from (lines, members, months, amount): what is
applied on payment is what the payer agreed to. A callback is verified by the provider
(signature, freshness), then checked against the order (known, amount, not expired, nonce
not seen) and applied under a row lock on the order (`SELECT ... FOR UPDATE` on PostgreSQL;
SQLite writes one transaction at a time), so a callback that comes twice, or two at once,
extends the cards once. Every callback, applied or refused, is logged in PaymentCallback."""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import Session, col, select

from api.clock import utcnow, vietnam_today
from api.domain import contribution_rules as rules
from api.domain.models import HealthCard, Participation, Person
from api.domain.payments import ORDER_MINUTES, PaymentCallback, PaymentOrder
from api.payments import provider as providers
from api.services import family_cards, household, notices, voluntary
from api.services.errors import UserError
from sync import changes, documents

log = logging.getLogger(__name__)
VOLUNTARY_SCHEME = "BHXH"  # a voluntary period: social insurance with no employer
RAW_MAX = 4096  # of a callback's body kept in the log

# How a callback's result leaves an order still waiting for it.
STATUS_OF_RESULT = {"success": "paid", "failure": "failed", "cancel": "cancelled"}
# Refusals and the HTTP status the provider gets for them.
REFUSED_STATUS = {"bad_signature": 401, "replay": 409, "wrong_amount": 409,
                  "unknown_order": 404, "expired": 409}


def _frozen_lines(quote: dict[str, object]) -> list[dict[str, object]]:
    """A quote's lines without their text in one language (the receipt words them in the
    reader's)."""
    return [{k: v for k, v in line.items() if k != "text"}
            for line in quote["lines"]]  # type: ignore[union-attr]


def _new(session: Session, payer_id: int, kind: str, frozen: dict[str, object],
         amount: int, now: dt.datetime) -> PaymentOrder:
    provider = providers.current()
    order = PaymentOrder(id=secrets.token_hex(16), payer_id=payer_id, kind=kind,
                         quote=json.dumps(frozen, ensure_ascii=False), amount=amount,
                         provider=provider.name, created_at=now,
                         expires_at=now + dt.timedelta(minutes=ORDER_MINUTES))
    session.add(order)
    session.flush()
    return order


def create_household(session: Session, payer_id: int, codes: Sequence[str], months: int,
                     today: dt.date, now: dt.datetime | None = None) -> PaymentOrder:
    """An order to renew the members `codes` of the household `payer_id` heads (the quote
    refuses anyone else's, with its messages); caller commits."""
    quote = household.quote(session, payer_id, codes, months, today)
    frozen = {"members": [line["code"] for line in quote["lines"]], "months": months,
              "day": quote["day"], "lines": _frozen_lines(quote), "amount": quote["total"]}
    return _new(session, payer_id, "household_bhyt", frozen, int(quote["total"]),
                now or utcnow())


def create_voluntary(session: Session, payer_id: int, income: int, months: int,
                     today: dt.date, now: dt.datetime | None = None) -> PaymentOrder:
    """An order for the payer's voluntary contributions of `months` on `income`."""
    quote = voluntary.quote(session, payer_id, income, months, today)
    frozen = {"income": income, "months": months, "day": quote["day"],
              "category": quote["category"], "lines": _frozen_lines(quote),
              "amount": quote["total"]}
    return _new(session, payer_id, "voluntary_bhxh", frozen, int(quote["total"]),
                now or utcnow())


def own_order(session: Session, payer_id: int, order_id: str) -> PaymentOrder:
    """The payer's order, or 404 (someone else's order is not found either: its id says
    nothing)."""
    order = session.get(PaymentOrder, order_id[:64])
    if order is None or order.payer_id != payer_id:
        raise UserError("payment_unknown", status=404)
    return order


def expire_if_due(order: PaymentOrder, now: dt.datetime) -> bool:
    """Mark an unpaid order past its time as expired; whether it is expired."""
    if order.status == "created" and now >= order.expires_at:
        order.status = "expired"
    return order.status == "expired"


def status(order: PaymentOrder, now: dt.datetime | None = None) -> dict[str, object]:
    """The order as the payer's phone gets it (an unpaid order past its time reads as
    expired; it is marked so by the next callback or page that touches it)."""
    shown = "expired" if order.status == "created" and (now or utcnow()) >= order.expires_at \
        else order.status
    return {"id": order.id, "kind": order.kind, "status": shown,
            "amount": order.amount, "created_at": order.created_at.isoformat(),
            "expires_at": order.expires_at.isoformat(),
            "paid_at": order.paid_at.isoformat() if order.paid_at else None,
            "receipt_number": order.receipt_number,
            "pay_url": providers.current().pay_url(order) if shown == "created" else None}


def _log(session: Session, order_ref: str, raw: str, signature_ok: bool, outcome: str,
         nonce: str | None, now: dt.datetime) -> None:
    session.add(PaymentCallback(order_ref=order_ref[:64], received_at=now,
                                signature_ok=signature_ok, nonce=nonce, outcome=outcome,
                                raw=raw[:RAW_MAX]))
    if outcome in REFUSED_STATUS:
        log.warning("payment callback refused: %s (order %r)", outcome, order_ref[:64])


def _write_first(session: Session, order_ref: object) -> None:
    """On SQLite, take the database's write lock before reading anything: a transaction
    that reads first and writes later fails when another one wrote in between (WAL's busy
    snapshot), where PostgreSQL waits on the row lock instead."""
    if session.get_bind().dialect.name == "sqlite" and isinstance(order_ref, str):
        session.execute(update(PaymentOrder).where(col(PaymentOrder.id) == order_ref[:64])
                        .values(status=PaymentOrder.status))


def _locked(session: Session, order_id: str) -> PaymentOrder | None:
    """The order, its row locked until the transaction ends (PostgreSQL; on SQLite the
    write transaction itself serialises)."""
    return session.exec(select(PaymentOrder).where(PaymentOrder.id == order_id)
                        .with_for_update()).first()


def receive(session: Session, payload: dict[str, object], raw: str,
            now: dt.datetime | None = None, today: dt.date | None = None
            ) -> tuple[int, str]:
    """Verify and apply one callback; logs it and commits. (HTTP status, outcome)."""
    now, today = now or utcnow(), today or vietnam_today()
    _write_first(session, payload.get("order_id"))
    try:
        callback = providers.current().verify(session, payload, now)
    except providers.Refused as refused:
        _log(session, refused.order_ref, raw, refused.outcome != "bad_signature",
             refused.outcome, refused.nonce, now)
        session.commit()
        return REFUSED_STATUS[refused.outcome], refused.outcome
    outcome = _apply(session, callback, now, today)
    _log(session, callback.order_id, raw, True, outcome, callback.nonce, now)
    session.commit()
    return REFUSED_STATUS.get(outcome, 200), outcome


def _apply(session: Session, callback: providers.Callback, now: dt.datetime,
           today: dt.date) -> str:
    order = _locked(session, callback.order_id)
    if order is None:
        return "unknown_order"
    seen = session.exec(select(PaymentCallback.id).where(
        PaymentCallback.nonce == callback.nonce, col(PaymentCallback.signature_ok))).first()
    if seen is not None:
        return "replay"
    if callback.amount != order.amount:
        return "wrong_amount"
    if order.status != "created":
        return "duplicate"  # applied before: nothing is extended twice
    if expire_if_due(order, now):
        session.add(order)
        return "expired"
    order.status = STATUS_OF_RESULT[callback.result]
    order.provider_ref = callback.provider_ref
    if order.status == "paid":
        order.paid_at = now
        order.receipt_number = receipt_number(order, now)
        _fulfil(session, order, today)
    session.add(order)
    return "applied"


def receipt_number(order: PaymentOrder, now: dt.datetime) -> str:
    """BL-yyyymmdd-<8 hex of the order>: readable over the phone, unique with the order."""
    return f"BL-{now:%Y%m%d}-{order.id[:8].upper()}"


def _fulfil(session: Session, order: PaymentOrder, today: dt.date) -> None:
    quote = json.loads(order.quote)
    if order.kind == "household_bhyt":
        periods = _renew_cards(session, order.payer_id, quote["members"], quote["months"],
                               today)
        # The receipt shows the periods applied, which differ from the quote's when a card
        # changed in between (another order paid first).
        for line in quote["lines"]:
            if line["code"] in periods:
                line["valid_from"], line["valid_to"] = periods[line["code"]]
        order.quote = json.dumps(quote, ensure_ascii=False)
    else:
        _extend_voluntary(session, order.payer_id, quote, today)


def _renew_cards(session: Session, payer_id: int, codes: Sequence[str], months: int,
                 today: dt.date) -> dict[str, tuple[str, str]]:
    """Each member's card runs `months` longer, from its end or from today if it has
    ended; the new card (a new signed QR) reaches their phone, and a parent's for a child,
    at the next sync; each member and the payer get a notice. The period each card got
    (ISO days) by code."""
    rows = session.exec(select(Person, HealthCard)
                        .join(HealthCard, col(HealthCard.person_id) == Person.id)
                        .where(col(Person.code).in_(list(codes)))).all()
    periods = {}
    for person, card in rows:
        start = card.valid_to + dt.timedelta(days=1) if card.valid_to >= today else today
        if card.valid_to < today:
            card.valid_from = start  # a new period of cover: the gap is not insured
        card.valid_to = household.period_end(start, months)
        periods[person.code] = (start.isoformat(), card.valid_to.isoformat())
        session.add(card)
        session.flush()
        family_cards.card_changed(session, person, today)
        notices.publish(session, person.id, "card_renewed", name=person.full_name,
                        day=card.valid_to.isoformat())
    if payer_id not in {person.id for person, _ in rows}:
        notices.publish(session, payer_id, "household_paid")
    return periods


def _month_after(day: dt.date) -> dt.date:
    return household.add_months(day.replace(day=1), 1)


def _extend_voluntary(session: Session, person_id: int, quote: dict[str, object],
                      today: dt.date) -> None:
    """A voluntary period of `months` from the month after the last one paid (or this
    month when that is past), on the income chosen; the phone's history gets it."""
    last = session.exec(select(Participation).where(
        Participation.person_id == person_id, Participation.scheme == VOLUNTARY_SCHEME,
        col(Participation.employer_id).is_(None))
        .order_by(col(Participation.from_month).desc())).first()
    start = today.replace(day=1)
    if last is not None and last.to_month is not None:
        start = max(start, _month_after(last.to_month))
    months = int(quote["months"])  # type: ignore[arg-type]
    monthly = sum(int(line["monthly"]) for line in quote["lines"])  # type: ignore[union-attr]
    row = Participation(person_id=person_id, scheme=VOLUNTARY_SCHEME, from_month=start,
                        to_month=household.add_months(start, months - 1),
                        salary_basis=int(quote["income"]),  # type: ignore[arg-type]
                        contribution=monthly)
    session.add(row)
    session.flush()
    changes.record(session, person_id, documents.participation(row, None))
    notices.publish(session, person_id, "voluntary_paid",
                    month=f"{row.to_month:%Y-%m}")


def frozen_line(line: dict[str, object]) -> rules.Line:
    """A frozen quote line as the rules' Line again (the receipt words it anew)."""
    return rules.Line(str(line.get("key", "")), str(line["message"]),
                      dict(line["params"]),  # type: ignore[arg-type]
                      int(line["monthly"]), int(line["months"]),  # type: ignore[arg-type]
                      int(line.get("full_monthly") or 0))  # type: ignore[arg-type]

