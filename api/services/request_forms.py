"""The public-service request forms: each kind's fields and the rules they must meet, checked
when a request is submitted (api/services/service_requests.py). Pure: a form's values in, the
clean values out, or a UserError naming the field and saying what to do. The phone checks the
same rules as the person types (assets/screens/request_fields.jsx); the server's word is final.

Kinds (locales/labels.REQUESTS):
- reissue_card, reissue_book: why (lost, damaged, details changed);
- pension_payment: cash at a post office (which one) or a bank account (bank, number);
- authorise: who collects (full name, 12-digit personal ID), which benefit, until when;
- voluntary: continue voluntary social insurance: the monthly income chosen and how many
  months are paid at a time;
- change_facility: the registered primary-care facility, chosen from the person's province;
- family_link: show a child's card (under six) where the birth registration has not linked
  them: the child's code and the relation (a photo of the birth certificate is required;
  api/services/service_requests.py checks the child);
- other: the person's own words only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from api.domain import contribution_rules as rules
from api.services.errors import Money, UserError
from locales import labels

KINDS = tuple(labels.REQUESTS)
TEXT_MAX = labels.DRAFT_TEXT_MAX
NAME_MAX = 80

REISSUE_REASONS = tuple(labels.REISSUE_REASONS)
PAYOUT_METHODS = ("post", "bank")
AUTHORISED_BENEFITS = tuple(labels.BENEFITS)
RELATIONS = tuple(labels.RELATIONS)
# Voluntary social insurance: 22 % of a monthly income the person chooses, between bounds
# that move with the base salary and the poverty line; its rules, figures and sources are in
# api/domain/contribution_rules.py (one place).
VOLUNTARY_RATE_PERCENT = rules.VOLUNTARY_RATE_PERCENT
VOLUNTARY_MONTHS = rules.VOLUNTARY_MONTHS
AUTHORISE_MONTHS_MAX = 12  # an authorisation lasts at most a year; renew it after
CITIZEN_ID = re.compile(r"^\d{12}$")
ACCOUNT = re.compile(r"^\d{6,19}$")


@dataclass(frozen=True)
class Form:
    """A checked form: the kind, its clean fields (codes, ISO dates, integer đồng) and text."""

    kind: str
    fields: dict[str, object]
    text: str


def _field_error(field: str, reason: str, **values: object) -> UserError:
    return UserError(reason, status=422, field=field, **values)


def _choice(values: dict, field: str, allowed: tuple[str, ...]) -> str:
    value = str(values.get(field) or "").strip()
    if value not in allowed:
        raise _field_error(field, "form_choose")
    return value


def _name(values: dict, field: str) -> str:
    value = " ".join(str(values.get(field) or "").split())
    if not value or len(value) > NAME_MAX:
        raise _field_error(field, "form_name", max=NAME_MAX)
    return value


def _day(values: dict, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(values.get(field) or ""))
    except ValueError as exc:
        raise _field_error(field, "form_date") from exc


def _amount(values: dict, field: str, low: int, high: int) -> int:
    """A whole amount of đồng from `low` to `high` (dots, commas and spaces ignored)."""
    raw = re.sub(r"[\s.,]", "", str(values.get(field) or ""))
    if not raw.isdigit() or len(raw) > 12 or not low <= int(raw) <= high:
        raise _field_error(field, "form_amount", low=Money(low), high=Money(high))
    return int(raw)


def _reissue(values: dict, today: dt.date) -> dict[str, object]:
    return {"reason": _choice(values, "reason", REISSUE_REASONS)}


def _pension_payment(values: dict, today: dt.date) -> dict[str, object]:
    method = _choice(values, "method", PAYOUT_METHODS)
    if method == "post":
        return {"method": method, "post_office": _name(values, "post_office")}
    account = re.sub(r"[\s-]", "", str(values.get("account") or ""))
    if not ACCOUNT.match(account):
        raise _field_error("account", "form_account")
    return {"method": method, "bank": _name(values, "bank"), "account": account}


def _authorise(values: dict, today: dt.date) -> dict[str, object]:
    citizen_id = str(values.get("citizen_id") or "").strip()
    if not CITIZEN_ID.match(citizen_id):
        raise _field_error("citizen_id", "form_citizen_id")
    until = _day(values, "until")
    last = _add_months(today, AUTHORISE_MONTHS_MAX)
    if not today < until <= last:
        raise _field_error("until", "form_until", months=AUTHORISE_MONTHS_MAX)
    return {"name": _name(values, "name"), "citizen_id": citizen_id,
            "benefit": _choice(values, "benefit", AUTHORISED_BENEFITS),
            "until": until.isoformat()}


def _voluntary(values: dict, today: dt.date) -> dict[str, object]:
    income = _amount(values, "income", *rules.voluntary_income_bounds(today))
    months = str(values.get("months") or "")
    if months not in {str(m) for m in VOLUNTARY_MONTHS}:
        raise _field_error("months", "form_choose")
    return {"income": income, "months": int(months)}


def _change_facility(values: dict, today: dt.date) -> dict[str, object]:
    code = str(values.get("facility") or "").strip().upper()
    if not re.match(r"^[0-9A-Z]{5}$", code):
        raise _field_error("facility", "form_choose")
    return {"facility": code}  # which facilities are allowed: service_requests checks


def _family_link(values: dict, today: dt.date) -> dict[str, object]:
    code = re.sub(r"\s", "", str(values.get("child") or ""))
    if not re.match(r"^\d{10}$", code):
        raise _field_error("child", "child_unknown")
    return {"child": code, "relation": _choice(values, "relation", RELATIONS)}


def _other(values: dict, today: dt.date) -> dict[str, object]:
    return {}


_CHECKS = {
    "reissue_card": _reissue, "reissue_book": _reissue, "pension_payment": _pension_payment,
    "authorise": _authorise, "voluntary": _voluntary, "change_facility": _change_facility,
    "family_link": _family_link, "other": _other,
}


def check(kind: str, values: object, text: object, today: dt.date) -> Form:
    """The checked form of a request of `kind`, or UserError (422 with the field at fault,
    the message saying what to do). `text` is the person's own words: required for "other",
    optional otherwise, never cut (too long is refused with the count)."""
    if kind not in _CHECKS:
        raise UserError("bad_request")
    values = values if isinstance(values, dict) else {}
    words = str(text or "").strip()
    if len(words) > TEXT_MAX:
        raise UserError("draft_too_long", status=422, over=len(words) - TEXT_MAX, max=TEXT_MAX)
    if kind == "other" and not words:
        raise _field_error("text", "form_text")
    return Form(kind, _CHECKS[kind](values, today), words)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def quarter_start(day: dt.date) -> dt.date:
    """The first day of the quarter `day` is in."""
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


# The registered primary-care facility may be changed in the first 15 days of each quarter
# (Law on Health Insurance, art. 26 as amended in 2024: "trong 15 ngày đầu của mỗi quý"),
# so at most four times a year.
FACILITY_WINDOW_DAYS = 15


def facility_window(today: dt.date) -> tuple[bool, dt.date]:
    """(whether a primary-care facility change may be asked today, the first day of the next
    window when it may not; today's quarter start when it may)."""
    start = quarter_start(today)
    if (today - start).days < FACILITY_WINDOW_DAYS:
        return True, start
    return False, _add_months(start, 3)
