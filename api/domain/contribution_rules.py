"""What a household pays for its health insurance (BHYT hộ gia đình) and what a person pays
for voluntary social insurance (BHXH tự nguyện): the rules, their figures and the legal
source of each, in one place. Pure: dates and integers in, structured quotes out.

Every figure that changes with time is in a dated table (`Dated`): the row in force on a
day is the last one whose `since` is on or before it, so a quote made on any day uses the
figure of that day. Amounts are integer đồng. Rounding: half up to the whole đồng, once, on
each line's monthly amount (`share`); a line's amount for the period is that monthly amount
times the months, so every figure shown adds up exactly.

Each line carries a message id (English, translated through the catalogs) and the values
that fill it, so the phone explains the line in the reader's language.

Sources (checked 2026-11-26; URLs in the README, "Household renewal: the rules"):
- Law on Health Insurance (amended by Law 51/2024/QH15), art. 12 and 13, detailed by
  Decree 188/2025/ND-CP (in force 15 August 2025, replacing Decree 146/2018/ND-CP), art. 6
  cl. 5: household members pay 4.5 % of the base salary; the 2nd, 3rd and 4th members 70 %,
  60 % and 50 % of the first member's amount, the 5th and later 40 %, when they take part
  as a household in the financial year. Paid for 3, 6 or 12 months at a time.
- Base salary (lương cơ sở): 1,800,000 đồng from 1 July 2023 (Decree 24/2023/ND-CP),
  2,340,000 from 1 July 2024 (Decree 73/2024/ND-CP), 2,530,000 from 1 July 2026 (Decree
  161/2026/ND-CP).
- State budget support of the health-insurance contribution, at least: near-poor
  households 70 %; pupils and students 50 % (30 % under Decree 146/2018/ND-CP until 14 August
  2025); agricultural, forestry, fishery and salt-making households of average living
  standard 30 % (Decree 188/2025/ND-CP; Decree 146/2018/ND-CP art. 8 before).
- Voluntary social insurance: Law on Social Insurance 41/2024/QH15 (in force 1 July 2025),
  art. 31 and 36: 22 % of a monthly income the person chooses, from the rural poverty line
  up to 20 times the reference level (the base salary until a reference level is set,
  art. 7); paid monthly, every 3, 6 or 12 months (also once for up to 5 years ahead, or
  once for the up to 5 years missing at retirement age: not offered here). For months paid
  ahead, a later change of a figure is neither charged nor refunded: a quote uses the
  figures of its payment day. State support (Decree 159/2025/ND-CP, from 1 July 2025): a
  percentage of 22 % of the rural poverty line: 50 % for poor households (and island
  communes), 40 % near-poor, 30 % ethnic minorities, 20 % others; Decree 134/2015/ND-CP
  before (30, 25, -, 10 %).
- Rural poverty line: 1,500,000 đồng a person a month (Decree 07/2021/ND-CP, kept through
  2026 by the decree on the 2026-2030 multidimensional poverty standard), 2,200,000 from
  1 January 2027 (that decree).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from locales import N_

T = TypeVar("T")


@dataclass(frozen=True)
class Dated(Generic[T]):
    """A figure in force from `since` (until the next row's `since`), and its legal source."""

    since: dt.date
    value: T
    source: str


def in_force(table: Sequence[Dated[T]], day: dt.date) -> Dated[T]:
    """The row of `table` (sorted by `since`) in force on `day`."""
    found = None
    for row in table:
        if row.since > day:
            break
        found = row
    if found is None:
        raise ValueError(f"no rule in force on {day}")
    return found


def share(amount: int, numerator: int, denominator: int = 100) -> int:
    """`amount` × numerator / denominator in whole đồng, rounded half up (the named rounding
    rule of this module), in integers so no float ever decides a đồng."""
    return (amount * numerator * 2 + denominator) // (denominator * 2)


# ---- figures -------------------------------------------------------------------------------
BASE_SALARY: tuple[Dated[int], ...] = (
    Dated(dt.date(2023, 7, 1), 1_800_000, "Decree 24/2023/ND-CP"),
    Dated(dt.date(2024, 7, 1), 2_340_000, "Decree 73/2024/ND-CP"),
    Dated(dt.date(2026, 7, 1), 2_530_000, "Decree 161/2026/ND-CP"),
)
HEALTH_RATE_PERMILLE = 45  # 4.5 % of the base salary (Decree 188/2025/ND-CP art. 6 cl. 5)
HEALTH_RATE_SOURCE = "Decree 188/2025/ND-CP, art. 6"
# Percent of the first member's amount for the n-th member taking part; 40 from the 5th.
MEMBER_SHARES = {1: 100, 2: 70, 3: 60, 4: 50}
LATER_MEMBER_SHARE = 40
HOUSEHOLD_MONTHS = (3, 6, 12)
# Beneficiary groups whose contribution the state budget supports in part, in percent.
HEALTH_SUBSIDIES: tuple[Dated[dict[str, int]], ...] = (
    Dated(dt.date(2018, 12, 1), {"CN": 70, "HS": 30, "SV": 30, "ND": 30},
          "Decree 146/2018/ND-CP, art. 8"),
    Dated(dt.date(2025, 8, 15), {"CN": 70, "HS": 50, "SV": 50, "ND": 30},
          "Decree 188/2025/ND-CP"),
)
HOUSEHOLD_GROUP = "GD"  # members insured as a household (the reductions apply to them)

VOLUNTARY_RATE_PERCENT = 22  # Law 41/2024/QH15, art. 36 cl. 1
VOLUNTARY_MAX_TIMES = 20  # 20 × the reference level (art. 31 cl. 2)
VOLUNTARY_MONTHS = (1, 3, 6, 12)  # art. 36 cl. 2
RURAL_POVERTY_LINE: tuple[Dated[int], ...] = (
    Dated(dt.date(2022, 1, 1), 1_500_000, "Decree 07/2021/ND-CP"),
    Dated(dt.date(2027, 1, 1), 2_200_000, "Decree on the 2026-2030 poverty standard"),
)
VOLUNTARY_CATEGORIES = ("poor", "near_poor", "ethnic_minority", "other")
VOLUNTARY_SUPPORT: tuple[Dated[dict[str, int]], ...] = (
    # No ethnic-minority level before 1 July 2025: they had the "others" level.
    Dated(dt.date(2018, 1, 1), {"poor": 30, "near_poor": 25, "ethnic_minority": 10,
                                "other": 10}, "Decree 134/2015/ND-CP, art. 14"),
    Dated(dt.date(2025, 7, 1), {"poor": 50, "near_poor": 40, "ethnic_minority": 30,
                                "other": 20}, "Decree 159/2025/ND-CP"),
)

# ---- the explanations (message ids; their values are named in each Line's params) ----------
MSG_BASE = N_("Base salary {base} a month from {since} ({source})")
MSG_FIRST = N_("Member {rank}: 4.5 % of the base salary")
MSG_LATER = N_("Member {rank}: {percent} % of the first member's amount")
MSG_SUBSIDISED = N_("{group}: 4.5 % of the base salary, less the state's {percent} %")
MSG_POVERTY_LINE = N_("Rural poverty line {line} a month from {since} ({source})")
MSG_VOLUNTARY = N_("22 % of the chosen income of {income} a month")
MSG_SUPPORT = N_("State support: {percent} % of 22 % of the rural poverty line ({line} a "
                 "month)")
CATEGORY_LABELS = {
    "poor": N_("Poor household"), "near_poor": N_("Near-poor household"),
    "ethnic_minority": N_("Ethnic minority"), "other": N_("Other participants"),
}


@dataclass(frozen=True)
class Line:
    """One explained line: what one person (or one part) pays a month and for the period.
    `message` is a message id, `params` fill it (amounts in đồng, dates as dates)."""

    key: str
    message: str
    params: dict[str, object]
    monthly: int
    months: int
    full_monthly: int = 0  # before the state's support (0: no support on this line)
    amount: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", self.monthly * self.months)


@dataclass(frozen=True)
class Quote:
    """A priced renewal: the lines, their total and the figure that based them."""

    day: dt.date
    months: int
    lines: tuple[Line, ...]
    basis: Line  # the base salary (or poverty line) in force, as an explanation
    total: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", sum(line.amount for line in self.lines))


class RuleError(ValueError):
    """Input the rules do not allow: `reason` is a UserError reason (api/services/errors)."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason)
        self.reason, self.values = reason, values


# ---- household health insurance ------------------------------------------------------------
def base_salary(day: dt.date) -> Dated[int]:
    """The base salary in force on `day`."""
    return in_force(BASE_SALARY, day)


def member_share(rank: int) -> int:
    """Percent of the first member's amount that the `rank`-th member taking part pays."""
    if rank < 1:
        raise ValueError("ranks start at 1")
    return MEMBER_SHARES.get(rank, LATER_MEMBER_SHARE)


def subsidy(group: str, day: dt.date) -> int:
    """Percent of the contribution the state pays for beneficiary `group` on `day` (0: none)."""
    return in_force(HEALTH_SUBSIDIES, day).value.get(group, 0)


def household_line(key: str, group: str, rank: int | None, months: int,
                   day: dt.date) -> Line:
    """One member's line for `months` from a payment on `day`.

    A member of a subsidised group (near-poor, pupil, student, ...) pays 4.5 % of the base
    salary less the state's share and takes no household reduction: the reductions are for
    the members insured as a household (group GD), whose `rank` is their place among the
    members taking part together (api/services/household.py counts them)."""
    if months not in HOUSEHOLD_MONTHS:
        raise RuleError("household_months", months=", ".join(map(str, HOUSEHOLD_MONTHS)))
    full = share(base_salary(day).value, HEALTH_RATE_PERMILLE, 1000)
    percent = subsidy(group, day)
    if percent:
        return Line(key, MSG_SUBSIDISED, {"group": group, "percent": percent},
                    full - share(full, percent), months, full_monthly=full)
    if rank is None:
        raise ValueError("a household member needs a rank")
    if rank == 1:
        return Line(key, MSG_FIRST, {"rank": 1}, full, months)
    percent = member_share(rank)
    return Line(key, MSG_LATER, {"rank": rank, "percent": percent}, share(full, percent),
                months)


def household_quote(members: Sequence[tuple[str, str, int | None]], months: int,
                    day: dt.date) -> Quote:
    """The quote for `members` as (key, group, rank) for `months` paid on `day`: the base
    salary of the payment day applies (a change after it asks no top-up for months paid
    ahead, Decree 188/2025/ND-CP)."""
    base = base_salary(day)
    basis = Line("base", MSG_BASE, {"base": base.value, "since": base.since,
                                    "source": base.source}, base.value, 1)
    lines = tuple(household_line(key, group, rank, months, day)
                  for key, group, rank in members)
    return Quote(day, months, lines, basis)


# ---- voluntary social insurance ------------------------------------------------------------
def voluntary_income_bounds(day: dt.date) -> tuple[int, int]:
    """The lowest and highest monthly income one may choose on `day` (đồng)."""
    return (in_force(RURAL_POVERTY_LINE, day).value,
            VOLUNTARY_MAX_TIMES * base_salary(day).value)


def voluntary_quote(income: int, months: int, category: str, day: dt.date) -> Quote:
    """Voluntary social insurance for `months` on an `income` a month, with the state's
    support for the person's `category` (poor, near_poor, ethnic_minority, other)."""
    low, high = voluntary_income_bounds(day)
    if not low <= income <= high:
        raise RuleError("form_amount", low=low, high=high)
    if months not in VOLUNTARY_MONTHS:
        raise RuleError("form_choose")
    if category not in VOLUNTARY_CATEGORIES:
        raise RuleError("form_choose")
    line = in_force(RURAL_POVERTY_LINE, day)
    support = in_force(VOLUNTARY_SUPPORT, day)
    percent = support.value[category]
    full = share(income, VOLUNTARY_RATE_PERCENT)
    state = share(share(line.value, VOLUNTARY_RATE_PERCENT), percent)
    basis = Line("poverty_line", MSG_POVERTY_LINE, {"line": line.value, "since": line.since,
                                                    "source": line.source}, line.value, 1)
    return Quote(day, months, (
        Line("contribution", MSG_VOLUNTARY, {"income": income}, full, months),
        Line("support", MSG_SUPPORT, {"percent": percent, "line": line.value,
                                      "category": category, "source": support.source},
             -state, months)), basis)
