"""The household a citizen heads (BHYT hộ gia đình, issue 16): its members with their card
validity, and the price of renewing the cards the head chooses, for 3, 6 or 12 months, line
by line with the rules of api/domain/contribution_rules.py.

Who counts for the reductions. The decree (Decree 188/2025/ND-CP art. 6 cl. 5, as Decree
146/2018/ND-CP art. 7 before it) reduces the amounts "when the members take part in health
insurance as a household in the financial year": the first member pays in full, the second
70 %, and so on. So the members counted are those of this household insured as a household
(group GD) who take part in the current financial year (the calendar year): the ones renewed
now and the ones whose card runs into this year already, in the household's own order
(HouseholdMember.position). A member paid earlier this year keeps their place, and someone
renewed later in the year comes after them, as the agency counts them. Members of a group the
state supports (near-poor, pupils, students, ...) are priced with that support instead, and
do not count; members insured elsewhere (employees, pensioners, children under six) are not
renewed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, select

from api.domain import contribution_rules as rules
from api.domain.family import Household, HouseholdMember
from api.domain.models import HealthCard, Person
from api.services.errors import UserError
from api.services.quote_lines import explained
from locales import format_day, format_money, labels, tr

EXPIRING_DAYS = 30  # a card ending within this many days is shown as "renew soon"
MEMBERS_MAX = 30  # a request naming more people than this is not a household's


@dataclass(frozen=True)
class Member:
    """A household member, their place in the household and their card (if any)."""

    person_id: int
    code: str
    full_name: str
    dob: dt.date
    position: int
    group: str
    valid_from: dt.date | None
    valid_to: dt.date | None

    def renewable(self, today: dt.date) -> bool:
        """Insured as a household member or in a group the state supports in part."""
        return self.group == rules.HOUSEHOLD_GROUP or rules.subsidy(self.group, today) > 0


def household_of(session: Session, head_id: int) -> Household:
    """The household `head_id` heads, or 403 "not_household_head"."""
    household = session.exec(select(Household).where(Household.head_id == head_id)).first()
    if household is None:
        raise UserError("not_household_head", status=403)
    return household


def members(session: Session, household_id: int) -> list[Member]:
    """The household's members in their order, each with their card: one query, of the
    columns shown only (not the person's photo, nor ORM objects)."""
    rows = session.exec(
        select(Person.id, Person.code, Person.full_name, Person.dob, HouseholdMember.position,
               HealthCard.group_code, HealthCard.valid_from, HealthCard.valid_to)
        .join(Person, Person.id == HouseholdMember.person_id)
        .outerjoin(HealthCard, HealthCard.person_id == Person.id)
        .where(HouseholdMember.household_id == household_id)
        .order_by(HouseholdMember.position)).all()
    return [Member(*row[:5], row[5] or "", row[6], row[7]) for row in rows]


def _state(member: Member, today: dt.date) -> str:
    if member.valid_to is None or member.valid_to < today:
        return "expired"
    return "expiring" if (member.valid_to - today).days <= EXPIRING_DAYS else "valid"


def view(session: Session, head_id: int, lang: str, today: dt.date) -> dict[str, object]:
    """GET /api/me/household: the household and its members with their card validity."""
    household = household_of(session, head_id)
    listed = []
    for member in members(session, household.id):
        label = labels.BENEFICIARY_GROUPS.get(member.group)
        listed.append({
            "code": member.code, "full_name": member.full_name,
            "dob": member.dob.isoformat(), "position": member.position,
            "group": member.group, "group_label": tr(lang, label) if label else member.group,
            "valid_to": member.valid_to.isoformat() if member.valid_to else None,
            "valid_to_text": format_day(member.valid_to, lang) if member.valid_to else "",
            "days_left": (member.valid_to - today).days if member.valid_to else None,
            "state": _state(member, today), "renewable": member.renewable(today)})
    return {"household": {"id": household.id, "province": household.province_code,
                          "address": household.address},
            "months": list(rules.HOUSEHOLD_MONTHS), "members": listed}


def _ranks(all_members: Sequence[Member], chosen: set[str], today: dt.date) -> dict[str, int]:
    """Each chosen household-group member's place among the members taking part together
    in this financial year (see the module's docstring)."""
    year_start = dt.date(today.year, 1, 1)
    taking_part = [m for m in all_members if m.group == rules.HOUSEHOLD_GROUP and (
        m.code in chosen or (m.valid_to is not None and m.valid_to >= year_start))]
    return {m.code: place for place, m in enumerate(taking_part, 1) if m.code in chosen}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _period(member: Member, months: int, today: dt.date) -> tuple[dt.date, dt.date]:
    """The new card's first and last day: straight after the current card, or from today
    when it has ended."""
    start = today if member.valid_to is None or member.valid_to < today \
        else member.valid_to + dt.timedelta(days=1)
    return start, period_end(start, months)


def period_end(start: dt.date, months: int) -> dt.date:
    """The last day of `months` from `start`: the day before the same day `months` later,
    or that month's last day when it has no such day (from 31 January, 3 months end on
    30 April)."""
    same_day = add_months(start, months)
    return same_day if same_day.day < start.day else same_day - dt.timedelta(days=1)


def quote(session: Session, head_id: int, codes: Sequence[str], months: int,
          today: dt.date, lang: str = "vi") -> dict[str, object]:
    """POST /api/me/household/quote: the price of renewing the members `codes` (of the
    household `head_id` heads) for `months`, each line explained, and the total."""
    household = household_of(session, head_id)
    chosen = list(dict.fromkeys(codes))  # once each, in the order given
    if not chosen:
        raise UserError("household_members_empty", status=422, field="members")
    if len(chosen) > MEMBERS_MAX:
        raise UserError("household_member_unknown", status=422, field="members")
    all_members = members(session, household.id)
    by_code = {m.code: m for m in all_members}
    for code in chosen:
        member = by_code.get(code)
        if member is None:
            raise UserError("household_member_unknown", status=422, field="members")
        if not member.renewable(today):
            raise UserError("household_member_group", status=422, field="members",
                            name=member.full_name)
    ranks = _ranks(all_members, set(chosen), today)
    ordered = [m for m in all_members if m.code in ranks or m.code in chosen]
    try:
        priced = rules.household_quote(
            [(m.code, m.group, ranks.get(m.code)) for m in ordered], months, today)
    except rules.RuleError as exc:
        raise UserError(exc.reason, status=422, field="months") from exc
    lines = []
    for member, line in zip(ordered, priced.lines, strict=True):
        start, end = _period(member, months, today)
        lines.append({"code": member.code, "full_name": member.full_name,
                      "group": member.group, "rank": ranks.get(member.code),
                      "valid_from": start.isoformat(), "valid_to": end.isoformat(),
                      **explained(line, lang)})
    return {"day": today.isoformat(), "months": months, "basis": explained(priced.basis, lang),
            "lines": lines, "total": priced.total,
            "total_text": format_money(priced.total, lang)}
