"""The price of voluntary social insurance for the person asking (issue 16): 22 % of the
income they choose, for 1, 3, 6 or 12 months, less the state's support for their category,
each line explained (rules and sources: api/domain/contribution_rules.py).

The category comes from the person's record, not from what they say: the health-insurance
card of a member of a poor household is of group HN, of a near-poor household CN (the
households the commune lists each year). Ethnic minority is not on the record yet, so those
people get the "others" level until it is (the agency applies the higher one on payment)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from api.domain import contribution_rules as rules
from api.domain.models import HealthCard
from api.services.errors import Money, UserError
from api.services.quote_lines import explained
from locales import format_money, tr

CATEGORY_OF_GROUP = {"HN": "poor", "CN": "near_poor"}


def category(session: Session, person_id: int) -> str:
    """The person's support category, from their card's group."""
    group = session.exec(select(HealthCard.group_code)
                         .where(HealthCard.person_id == person_id)).first()
    return CATEGORY_OF_GROUP.get(group or "", "other")


def quote(session: Session, person_id: int, income: int, months: int, today: dt.date,
          lang: str = "vi") -> dict[str, object]:
    """POST /api/me/voluntary/quote: the contribution, the state's support and the total."""
    kind = category(session, person_id)
    try:
        priced = rules.voluntary_quote(income, months, kind, today)
    except rules.RuleError as exc:
        field = "income" if exc.reason == "form_amount" else "months"
        values = {k: Money(v) for k, v in exc.values.items()}
        raise UserError(exc.reason, status=422, field=field, **values) from exc
    return {"day": today.isoformat(), "months": months, "category": kind,
            "category_label": tr(lang, rules.CATEGORY_LABELS[kind]),
            "basis": explained(priced.basis, lang),
            "lines": [explained(line, lang) for line in priced.lines],
            "total": priced.total, "total_text": format_money(priced.total, lang)}
