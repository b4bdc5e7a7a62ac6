"""The electronic receipt of a paid order: a printable HTML page in the payer's language
(the order, each line, the total, when it was paid, the receipt number). Worded at reading
time from the frozen quote, so it reads in whatever language the payer uses now."""

from __future__ import annotations

import datetime as dt
import json
from html import escape

from api.domain.payments import PaymentOrder
from api.payments import orders, pages
from api.services.errors import UserError
from api.services.quote_lines import explained
from locales import N_, format_datetime, format_day, format_money, tr

KIND_TITLES = {"household_bhyt": N_("Household health insurance (BHYT)"),
               "voluntary_bhxh": N_("Voluntary social insurance (BHXH)")}


def _line_rows(order: PaymentOrder, lang: str) -> str:
    quote = json.loads(order.quote)
    cells = []
    for line in quote["lines"]:
        text = str(explained(orders.frozen_line(line), lang)["text"])
        who = ""
        if "full_name" in line:  # a household member: who, and the card's new period
            who = tr(lang, "{name} ({code}), card from {start} to {end}",
                     name=line["full_name"], code=line["code"],
                     start=format_day(_day(line["valid_from"]), lang),
                     end=format_day(_day(line["valid_to"]), lang))
        label = f"{escape(who)}<br>{escape(text)}" if who else escape(text)
        amount = tr(lang, "{monthly} × {months} months",
                    monthly=format_money(int(line["monthly"]), lang), months=line["months"])
        # Two columns, the reckoning under the line's words: a phone's width holds them.
        cells.append(f'<tr><td>{label}<br><span class="calc">{escape(amount)}</span></td>'
                     f'<td class="n">{escape(format_money(int(line["amount"]), lang))}</td></tr>')
    label, total = tr(lang, "Total paid"), format_money(order.amount, lang)
    total = (f'<tr class="total"><td>{escape(label)}</td>'
             f'<td class="n">{escape(total)}</td></tr>')
    return f"<table>{''.join(cells)}{total}</table>"


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def page(order: PaymentOrder, payer_name: str, payer_code: str, lang: str) -> str:
    """The receipt page; 409 "payment_not_paid" for an order not paid."""
    if order.status != "paid" or order.receipt_number is None:
        raise UserError("payment_not_paid", status=409)
    head = pages.rows([
        (tr(lang, "Receipt number"), order.receipt_number),
        (tr(lang, "Paid for"), tr(lang, KIND_TITLES[order.kind])),
        (tr(lang, "Payer"), f"{payer_name} ({payer_code})"),
        (tr(lang, "Paid on"), format_datetime(order.paid_at, lang)),
        (tr(lang, "Payment order"), order.id),
        (tr(lang, "Paid through"), order.provider_ref or order.provider)])
    note = escape(tr(lang, "This receipt was issued electronically by the social-insurance "
                           "agency. Keep it, or print it with your browser's Print."))
    body = f'<div class="box">{head}{_line_rows(order, lang)}</div>' \
        f'<p class="note">{note}</p>{pages.back_link(lang)}'
    return pages.page(lang, tr(lang, "Electronic receipt"), body)
