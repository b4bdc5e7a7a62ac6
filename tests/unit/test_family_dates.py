"""A young child's free card (group TE) runs until the day before the sixth birthday; the
date ranges the services query by follow it, 29 February included."""

from __future__ import annotations

import datetime as dt

import pytest

from api.domain.family import child_card_ends, sixth_birthday, under_six
from api.services.family_cards import born_by


def test_the_card_ends_the_day_before_the_sixth_birthday() -> None:
    assert child_card_ends(dt.date(2021, 1, 10)) == dt.date(2027, 1, 9)
    assert sixth_birthday(dt.date(2020, 2, 29)) == dt.date(2026, 3, 1)  # no 29 Feb in 2026
    assert child_card_ends(dt.date(2020, 2, 29)) == dt.date(2026, 2, 28)
    assert under_six(dt.date(2021, 1, 10), dt.date(2027, 1, 9))
    assert not under_six(dt.date(2021, 1, 10), dt.date(2027, 1, 10))


@pytest.mark.parametrize("day", [dt.date(2026, 11, 26), dt.date(2026, 2, 28),
                                 dt.date(2026, 3, 1), dt.date(2028, 2, 29),
                                 dt.date(2027, 1, 1)])
def test_born_by_is_the_last_birth_date_six_by_then(day: dt.date) -> None:
    born = born_by(day)
    assert sixth_birthday(born) <= day < sixth_birthday(born + dt.timedelta(days=1))
