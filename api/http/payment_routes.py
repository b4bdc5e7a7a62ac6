"""Paying (issue 16). The citizen's orders (role: citizen, device-proven): make one from a
household or voluntary quote, read its status and its receipt. The simulated provider's
bank page (anyone with the link; only while PAYMENT_PROVIDER is "simulated"), and the
provider's signed callback (anyone: its signature is the authority). Thin over
api/payments/."""

from __future__ import annotations

import json
from html import escape
from urllib.parse import parse_qs

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from api.clock import utcnow, vietnam_today
from api.domain.models import Person
from api.domain.payments import PaymentOrder
from api.http import quote_inputs as inputs
from api.http.base import endpoint, json_object, person_id_of, request_lang
from api.payments import orders, pages, provider, receipt, simulated
from api.services.errors import MESSAGES, UserError
from locales import N_, format_money, tr

NO_STORE = {"Cache-Control": "no-store"}
SIM_BUTTONS = {"success": N_("Pay"), "failure": N_("Payment fails"), "cancel": N_("Cancel"),
               "timeout": N_("No answer (timeout)")}


async def create(request: Request, session: Session) -> Response:
    """POST {kind: "household_bhyt", members, months} or {kind: "voluntary_bhxh", income,
    months}: the order and the link where the payer confirms it."""
    payer_id = await person_id_of(request, session)
    body = await json_object(request)
    kind, today = body.get("kind"), vietnam_today()
    if kind == "household_bhyt":
        order = orders.create_household(session, payer_id, inputs.codes(body.get("members")),
                                        inputs.months(body.get("months")), today)
    elif kind == "voluntary_bhxh":
        order = orders.create_voluntary(session, payer_id, inputs.whole(body.get("income"), 12),
                                        inputs.whole(body.get("months"), 3), today)
    else:
        raise UserError("payment_kind", status=422, field="kind")
    return JSONResponse(orders.status(order), status_code=201, headers=NO_STORE)


async def read(request: Request, session: Session) -> Response:
    """GET: the payer's order and where it stands."""
    payer_id = await person_id_of(request, session)
    order = orders.own_order(session, payer_id, request.path_params["order_id"])
    return JSONResponse(orders.status(order), headers=NO_STORE)


async def receipt_page(request: Request, session: Session) -> Response:
    """GET: the receipt of a paid order, a printable page in the reader's language."""
    payer_id = await person_id_of(request, session)
    order = orders.own_order(session, payer_id, request.path_params["order_id"])
    payer = session.get(Person, payer_id)
    return HTMLResponse(receipt.page(order, payer.full_name, payer.code,
                                     request_lang(request)), headers=NO_STORE)


def _open_order(session: Session, order_id: str) -> PaymentOrder:
    """The order the simulated bank is asked about (404 for another provider's or none)."""
    order = session.get(PaymentOrder, order_id[:64])
    if order is None or order.provider != simulated.NAME \
            or provider.current().name != simulated.NAME:
        raise UserError("payment_unknown", status=404)
    return order


def _sim_page(lang: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(pages.page(lang, tr(lang, "Simulated bank"), body),
                        status_code=status, headers=NO_STORE)


async def sim_page(request: Request, session: Session) -> Response:
    """GET: the simulated bank's confirmation: the amount and the buttons."""
    lang = request_lang(request)
    order = _open_order(session, request.path_params["order_id"])
    if orders.expire_if_due(order, utcnow()) or order.status != "created":
        session.add(order)
        return _said(lang, "closed", 409)
    labels = {name: tr(lang, label) for name, label in SIM_BUTTONS.items()}
    buttons = "".join(
        f'<button name="result" value="{name}"{" class=ok" if name == "success" else ""}>'
        f"{escape(label)}</button>" for name, label in labels.items())
    summary = pages.rows([(tr(lang, "Amount"), format_money(order.amount, lang)),
                          (tr(lang, "Payment order"), order.id)])
    note = tr(lang, "This is a test bank on this server: no money is moved.")
    confirm = tr(lang, "Confirm the payment")
    body = (f'<div class="box"><p>{escape(confirm)}</p>{summary}'
            f'<form method="post" action="/pay/sim/{escape(order.id)}">{buttons}</form></div>'
            f'<p class="note">{escape(note)}</p>')
    return _sim_page(lang, body)


# What the simulated bank's page says after the payer's choice.
SIM_TEXTS = {"success": N_("The payment was made. You can go back to the app."),
             "failure": N_("The payment failed. No money was taken."),
             "cancel": N_("The payment was cancelled."),
             "timeout": N_("The bank did not answer. If it does not answer within 15 minutes, "
                           "the order expires and nothing is paid."),
             "closed": str(MESSAGES["payment_closed"])}


def _said(lang: str, key: str, status: int = 200) -> HTMLResponse:
    return _sim_page(lang, f"<p>{escape(tr(lang, SIM_TEXTS[key]))}</p>"
                     + pages.back_link(lang), status)


async def sim_submit(request: Request, session: Session) -> Response:
    """POST result=success|failure|cancel|timeout (a plain form): the simulated bank
    "processes" the payment and sends the signed callback, server to server, to the same
    code as POST /api/payments/callback; on a timeout it sends nothing."""
    lang = request_lang(request)
    order = _open_order(session, request.path_params["order_id"])
    result = parse_qs((await request.body()).decode(errors="replace")).get("result", [""])[0]
    if result not in SIM_BUTTONS:
        raise UserError("bad_request", status=400)
    if result == "timeout":
        return _said(lang, "timeout")
    payload = simulated.sign(session, order.id, order.amount, result)
    session.commit()  # the callback in a transaction of its own, as the provider's request
    status, outcome = orders.receive(session, payload, json.dumps(payload))
    return _said(lang, result, 200) if outcome == "applied" else _said(lang, "closed", 409)


async def callback(request: Request, session: Session) -> Response:
    """POST (JSON): the provider's signed callback. 200 with what happened (applied, or
    duplicate: applied before), or 4xx with why it was refused; always logged."""
    raw = (await request.body()).decode(errors="replace")
    try:
        payload = json.loads(raw)
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        payload = {}
    status, outcome = orders.receive(session, payload, raw)
    return JSONResponse({"outcome": outcome}, status_code=status, headers=NO_STORE)


routes = [
    Route("/api/me/payments", endpoint(create), methods=["POST"]),
    Route("/api/me/payments/{order_id}", endpoint(read, reads_only=True), methods=["GET"]),
    Route("/api/me/payments/{order_id}/receipt", endpoint(receipt_page, reads_only=True),
          methods=["GET"]),
    Route("/api/payments/callback", endpoint(callback), methods=["POST"]),
    Route("/pay/sim/{order_id}", endpoint(sim_page), methods=["GET"]),
    Route("/pay/sim/{order_id}", endpoint(sim_submit), methods=["POST"]),
]
