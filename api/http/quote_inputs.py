"""The inputs of a quote as the routes read them from JSON (the quotes and the payment
orders made from them read the same fields the same way)."""

from __future__ import annotations

from api.services.errors import UserError


def months(value: object) -> int:
    """The household period asked for: a whole number (as a number or digits), else 422."""
    if isinstance(value, bool) or not isinstance(value, int | str) \
            or not str(value).strip().isdigit() or len(str(value).strip()) > 3:
        raise UserError("household_months", status=422, field="months")
    return int(str(value).strip())


def codes(value: object) -> list[str]:
    """The household members chosen: a list of their codes (text)."""
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise UserError("household_members_empty", status=422, field="members")
    return [code.strip() for code in value]


def whole(value: object, digits: int) -> int:
    """A whole number sent as a number or as digits (dots, commas and spaces ignored); -1
    for anything else, which the rules refuse with the message of their bounds."""
    text = "" if isinstance(value, bool) or not isinstance(value, int | str) else \
        str(value).replace(".", "").replace(",", "").replace(" ", "")
    return int(text) if text.isdigit() and len(text) <= digits else -1
