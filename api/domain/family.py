"""Families and households (issue 16): who may show a young child's card, and who is
insured together as a household (BHYT hộ gia đình). The rules for what a household pays are
in api/domain/contribution_rules.py; the services in api/services/family_cards.py and
api/services/household.py."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

CHILD_CARD_YEARS = 6


def sixth_birthday(dob: dt.date) -> dt.date:
    """The day a child turns six (born on 29 February: 1 March, as the civil age counts)."""
    try:
        return dob.replace(year=dob.year + CHILD_CARD_YEARS)
    except ValueError:
        return dt.date(dob.year + CHILD_CARD_YEARS, 3, 1)


def child_card_ends(dob: dt.date) -> dt.date:
    """The last day of a child's free card (group TE): the day before the sixth birthday."""
    return sixth_birthday(dob) - dt.timedelta(days=1)


def under_six(dob: dt.date, today: dt.date) -> bool:
    """Whether a child born on `dob` is still under six on `today`."""
    return today < sixth_birthday(dob)


class FamilyLink(SQLModel, table=True):
    """A parent or guardian and a child: the guardian sees and shows the child's card until
    the child turns six (children under six are insured by the state, group TE, and have no
    phone). `source`: "birth" (the birth registration) or "officer" (a link an officer made
    on request, where the registration is missing)."""

    __table_args__ = (UniqueConstraint("guardian_id", "child_id", name="uq_familylink_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    guardian_id: int = Field(foreign_key="person.id", index=True)
    child_id: int = Field(foreign_key="person.id", index=True)
    relation: str = Field(max_length=16)  # mother, father, guardian
    source: str = Field(max_length=16)
    created_at: dt.datetime


class Household(SQLModel, table=True):
    """A household insured together (the household book: sổ hộ khẩu / residence data); its
    head renews the members' health insurance."""

    id: int | None = Field(default=None, primary_key=True)
    head_id: int = Field(foreign_key="person.id", index=True, unique=True)
    province_code: str = Field(max_length=2)
    address: str = ""


class HouseholdMember(SQLModel, table=True):
    """A member of a household, in the order the household joined (the rules reduce the
    amount for the 2nd, 3rd, 4th and 5th and later members)."""

    __table_args__ = (UniqueConstraint("household_id", "person_id",
                                       name="uq_householdmember_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(foreign_key="household.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True, unique=True)
    position: int  # 1 for the first member, ...
