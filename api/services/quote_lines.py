"""A priced line of the contribution rules (api/domain/contribution_rules.Line) as the phone
gets it: its figures, its message id and values (for the phone's own catalogs) and the text
in the reader's language. Shared by every quote (household health insurance; voluntary
social insurance when it is paid in the app)."""

from __future__ import annotations

import datetime as dt

from api.domain import contribution_rules as rules
from locales import format_day, format_money, labels, tr

MONEY_PARAMS = ("base", "income", "line")  # the values in đồng among the rules' params


def _filled(line: rules.Line, lang: str) -> dict[str, object]:
    """A line's values for its message: money and dates in the reader's format, a group as
    its label."""
    values: dict[str, object] = {}
    for name, value in line.params.items():
        if name in MONEY_PARAMS:
            value = format_money(int(value), lang)
        elif isinstance(value, dt.date):
            value = format_day(value, lang)
        elif name == "group":
            label = labels.BENEFICIARY_GROUPS.get(str(value))
            value = tr(lang, label) if label else value
        values[name] = value
    return values


def explained(line: rules.Line, lang: str) -> dict[str, object]:
    """A line as JSON: its figures, its message id and values, and the text in `lang`."""
    params = {k: v.isoformat() if isinstance(v, dt.date) else v
              for k, v in line.params.items()}
    return {"message": line.message, "params": params,
            "text": tr(lang, line.message, **_filled(line, lang)),
            "monthly": line.monthly, "months": line.months, "amount": line.amount,
            "full_monthly": line.full_monthly}
