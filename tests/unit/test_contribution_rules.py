"""The contribution rules, case by case (api/domain/contribution_rules.py): every member
position, every subsidised group, every period, the base-salary change dates and the
rounding; voluntary social insurance: each support level and period, and the bounds."""

from __future__ import annotations

import datetime as dt

import pytest

from api.domain import contribution_rules as rules

BEFORE = dt.date(2026, 6, 30)  # 2,340,000 đồng (Decree 73/2024/ND-CP)
AFTER = dt.date(2026, 7, 1)  # 2,530,000 đồng (Decree 161/2026/ND-CP)
TODAY = dt.date(2026, 11, 26)

# (position, monthly on 30 June 2026, monthly from 1 July 2026): 4.5 % of the base salary,
# then 70, 60, 50 % of the first member's amount, 40 % from the fifth.
POSITIONS = [
    (1, 105_300, 113_850),
    (2, 73_710, 79_695),
    (3, 63_180, 68_310),
    (4, 52_650, 56_925),
    (5, 42_120, 45_540),
    (6, 42_120, 45_540),
    (7, 42_120, 45_540),
]


@pytest.mark.parametrize("months", rules.HOUSEHOLD_MONTHS)
@pytest.mark.parametrize(("rank", "before", "after"), POSITIONS)
def test_every_member_position_and_period(rank: int, before: int, after: int,
                                          months: int) -> None:
    for day, monthly in ((BEFORE, before), (AFTER, after)):
        line = rules.household_line("p", "GD", rank, months, day)
        assert (line.monthly, line.amount, line.months) == (monthly, monthly * months, months)
        assert line.message == (rules.MSG_FIRST if rank == 1 else rules.MSG_LATER)
        assert line.params["rank"] == rank
        if rank > 1:
            assert line.params["percent"] == {2: 70, 3: 60, 4: 50}.get(rank, 40)


# (group, day, state's percent, monthly the member pays)
SUBSIDISED = [
    ("CN", TODAY, 70, 113_850 - 79_695),
    ("HS", TODAY, 50, 113_850 - 56_925),
    ("SV", TODAY, 50, 113_850 - 56_925),
    ("ND", TODAY, 30, 113_850 - 34_155),
    ("CN", dt.date(2025, 8, 14), 70, 105_300 - 73_710),
    ("HS", dt.date(2025, 8, 14), 30, 105_300 - 31_590),  # Decree 146/2018: 30 %
    ("HS", dt.date(2025, 8, 15), 50, 105_300 - 52_650),  # Decree 188/2025: 50 %
    ("SV", dt.date(2025, 8, 15), 50, 105_300 - 52_650),
]


@pytest.mark.parametrize("months", rules.HOUSEHOLD_MONTHS)
@pytest.mark.parametrize(("group", "day", "percent", "monthly"), SUBSIDISED)
def test_every_subsidised_group(group: str, day: dt.date, percent: int, monthly: int,
                                months: int) -> None:
    line = rules.household_line("p", group, None, months, day)
    assert rules.subsidy(group, day) == percent
    assert (line.monthly, line.amount) == (monthly, monthly * months)
    assert line.full_monthly == rules.share(rules.base_salary(day).value, 45, 1000)
    assert line.message == rules.MSG_SUBSIDISED
    assert line.params == {"group": group, "percent": percent}


def test_groups_without_a_subsidy_take_the_household_reductions() -> None:
    assert rules.subsidy("GD", TODAY) == 0
    assert rules.household_line("p", "GD", 3, 3, TODAY).monthly == 68_310


@pytest.mark.parametrize(("day", "base", "source"), [
    (dt.date(2024, 6, 30), 1_800_000, "Decree 24/2023/ND-CP"),
    (dt.date(2024, 7, 1), 2_340_000, "Decree 73/2024/ND-CP"),
    (BEFORE, 2_340_000, "Decree 73/2024/ND-CP"),
    (AFTER, 2_530_000, "Decree 161/2026/ND-CP"),
    (TODAY, 2_530_000, "Decree 161/2026/ND-CP"),
])
def test_the_base_salary_in_force_by_date(day: dt.date, base: int, source: str) -> None:
    row = rules.base_salary(day)
    assert (row.value, row.source) == (base, source)


def test_no_rule_before_the_first_row() -> None:
    with pytest.raises(ValueError):
        rules.base_salary(dt.date(2020, 1, 1))


def test_a_household_quote_adds_its_lines_and_names_its_basis() -> None:
    quote = rules.household_quote([("a", "GD", 1), ("b", "GD", 2), ("c", "CN", None)], 6,
                                  TODAY)
    assert [line.amount for line in quote.lines] == [683_100, 478_170, 204_930]
    assert quote.total == 683_100 + 478_170 + 204_930
    assert quote.basis.params == {"base": 2_530_000, "since": AFTER,
                                  "source": "Decree 161/2026/ND-CP"}


@pytest.mark.parametrize("months", [0, 1, 2, 4, 9, 24, -3])
def test_other_household_periods_are_refused(months: int) -> None:
    with pytest.raises(rules.RuleError) as caught:
        rules.household_line("p", "GD", 1, months, TODAY)
    assert caught.value.reason == "household_months"


@pytest.mark.parametrize(("amount", "num", "den", "expected"), [
    (105_300, 70, 100, 73_710),
    (1_234_567, 22, 100, 271_605),  # 271,604.74 -> up
    (1_234_565, 22, 100, 271_604),  # 271,604.30 -> down
    (25, 50, 100, 13),  # 12.5 -> half up
    (23, 50, 100, 12),  # 11.5 -> half up
    (2_530_000, 45, 1000, 113_850),
])
def test_rounding_is_half_up_to_the_dong(amount: int, num: int, den: int,
                                         expected: int) -> None:
    assert rules.share(amount, num, den) == expected


# ---- voluntary social insurance -----------------------------------------------------------
# (category, day, support percent, state's monthly support): a percentage of 22 % of the
# rural poverty line (1,500,000 đồng -> 330,000).
SUPPORT = [
    ("poor", TODAY, 50, 165_000),
    ("near_poor", TODAY, 40, 132_000),
    ("ethnic_minority", TODAY, 30, 99_000),
    ("other", TODAY, 20, 66_000),
    ("poor", dt.date(2025, 6, 30), 30, 99_000),  # Decree 134/2015/ND-CP
    ("near_poor", dt.date(2025, 6, 30), 25, 82_500),
    ("other", dt.date(2025, 6, 30), 10, 33_000),
    ("other", dt.date(2027, 1, 1), 20, 96_800),  # poverty line 2,200,000 from 2027
]


@pytest.mark.parametrize("months", rules.VOLUNTARY_MONTHS)
@pytest.mark.parametrize(("category", "day", "percent", "state"), SUPPORT)
def test_voluntary_support_levels_and_periods(category: str, day: dt.date, percent: int,
                                              state: int, months: int) -> None:
    income = 3_000_000
    quote = rules.voluntary_quote(income, months, category, day)
    contribution, support = quote.lines
    assert (contribution.monthly, contribution.amount) == (660_000, 660_000 * months)
    assert (support.monthly, support.amount) == (-state, -state * months)
    assert support.params["percent"] == percent
    assert quote.total == (660_000 - state) * months


@pytest.mark.parametrize(("day", "low", "high"), [
    (BEFORE, 1_500_000, 46_800_000),
    (AFTER, 1_500_000, 50_600_000),
    (dt.date(2027, 1, 1), 2_200_000, 50_600_000),
])
def test_voluntary_income_bounds(day: dt.date, low: int, high: int) -> None:
    assert rules.voluntary_income_bounds(day) == (low, high)
    assert rules.voluntary_quote(low, 1, "other", day).lines[0].monthly == \
        rules.share(low, 22)
    assert rules.voluntary_quote(high, 12, "other", day).lines[0].monthly == \
        rules.share(high, 22)
    for income in (low - 1, high + 1):
        with pytest.raises(rules.RuleError) as caught:
            rules.voluntary_quote(income, 1, "other", day)
        assert caught.value.reason == "form_amount"
        assert caught.value.values == {"low": low, "high": high}


@pytest.mark.parametrize(("months", "category"), [(2, "other"), (24, "other"),
                                                  (1, "rich"), (3, "")])
def test_voluntary_refuses_other_periods_and_categories(months: int, category: str) -> None:
    with pytest.raises(rules.RuleError):
        rules.voluntary_quote(2_000_000, months, category, TODAY)


@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ja", "ko"])
def test_every_line_is_explained_in_each_language(lang: str) -> None:
    from api.services.quote_lines import explained

    household = rules.household_quote([("a", "GD", 1), ("b", "GD", 5), ("c", "CN", None)], 3,
                                      TODAY)
    voluntary = rules.voluntary_quote(2_000_000, 6, "near_poor", TODAY)
    for line in (*household.lines, household.basis, *voluntary.lines, voluntary.basis):
        shown = explained(line, lang)
        assert shown["text"] and "{" not in shown["text"], (lang, line.message)
        assert shown["message"] == line.message and shown["amount"] == line.amount
    assert "2.530.000" in explained(household.basis, "vi")["text"]

