"""The renewed card's period (api/services/household.py): from the day after the current card
ends (or today, when it has ended), for 3, 6 or 12 months."""

from __future__ import annotations

import datetime as dt

import pytest

from api.services.household import Member, _period, period_end

D = dt.date


@pytest.mark.parametrize(("start", "months", "end"), [
    (D(2026, 12, 9), 12, D(2027, 12, 8)),
    (D(2027, 1, 1), 12, D(2027, 12, 31)),
    (D(2027, 1, 1), 3, D(2027, 3, 31)),
    (D(2026, 1, 31), 3, D(2026, 4, 30)),  # no 31 April: the month's last day
    (D(2026, 8, 31), 6, D(2027, 2, 28)),
    (D(2027, 8, 31), 6, D(2028, 2, 29)),  # a leap year
    (D(2026, 3, 30), 3, D(2026, 6, 29)),
])
def test_period_end(start: dt.date, months: int, end: dt.date) -> None:
    assert period_end(start, months) == end


def _member(valid_to: dt.date | None) -> Member:
    return Member(1, "0123456790", "A", D(1980, 1, 1), 1, "GD", None, valid_to)


@pytest.mark.parametrize(("valid_to", "start"), [
    (D(2026, 12, 8), D(2026, 12, 9)),  # still valid: straight after it
    (D(2026, 11, 26), D(2026, 11, 27)),  # ends today
    (D(2026, 11, 1), D(2026, 11, 26)),  # ended: from today
    (None, D(2026, 11, 26)),  # no card
])
def test_the_new_card_follows_the_current_one(valid_to: dt.date | None,
                                              start: dt.date) -> None:
    assert _period(_member(valid_to), 3, D(2026, 11, 26))[0] == start
