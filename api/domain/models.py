"""The wallet's domain model: people, their health card and records, and the reference data.

Both the Reflex app (`pwa/`) and the HTTP API (`api/http`) read these tables through the
services in `api/services`. Money is always an integer number of đồng.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Column, Index, LargeBinary, UniqueConstraint, true
from sqlmodel import Field, SQLModel


class Scheme(StrEnum):
    """Insurance schemes a person contributes to."""

    BHXH = "BHXH"  # social insurance (pension, sickness, maternity, survivorship)
    BHTN = "BHTN"  # unemployment insurance
    BHTNLD = "BHTNLD"  # occupational accident and disease (BHTNLĐ-BNN)
    BHYT = "BHYT"  # health insurance


class BenefitKind(StrEnum):
    """Benefit regimes (chế độ) a person can receive."""

    SICKNESS = "sickness"
    MATERNITY = "maternity"
    ACCIDENT = "accident"
    ONE_TIME = "one_time"
    PENSION = "pension"


class Province(SQLModel, table=True):
    """A province with its two-digit administrative code (used in card numbers).

    The 63 provinces before 1 July 2025 are all kept; the 29 merged into another one point to
    it with `successor_code` (see `api.domain.provinces`). Current provinces have none."""

    code: str = Field(primary_key=True, max_length=2)
    name: str
    name_search: str = Field(index=True)
    # A province code (no foreign-key constraint: SQLite cannot add one to a filled table).
    successor_code: str | None = Field(default=None, max_length=2)


class Listed(SQLModel):
    """Columns of a directory entry (facility, agency, employer, agent) for look-ups."""

    # Folded name, address and province names, old and new: what a search matches.
    search_text: str = ""
    # ICU's Vietnamese sort key of the name (api.domain.collation): the listing order.
    sort_key: bytes | None = Field(default=b"", sa_type=LargeBinary, index=True)


class Facility(Listed, table=True):
    """A medical facility (cơ sở KCB)."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True, max_length=5)
    name: str
    name_search: str = Field(index=True)
    level: str  # central / province / district / commune / private
    province_code: str = Field(foreign_key="province.code", index=True)
    # The pre-2025 province it was in, when that province has since been merged away (a
    # province code; no foreign-key constraint: SQLite cannot add one to a filled table).
    former_province_code: str | None = Field(default=None, max_length=2)
    address: str
    phone: str
    bhyt_contracted: bool = True
    issues_sick_leave: bool = True


class Agency(Listed, table=True):
    """A social-insurance agency office (cơ quan BHXH)."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True)
    name: str
    name_search: str = Field(index=True)
    province_code: str = Field(foreign_key="province.code", index=True)
    address: str
    phone: str


class Employer(Listed, table=True):
    """An employer that declares and pays contributions (đơn vị tham gia)."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True)
    name: str
    name_search: str = Field(index=True)
    tax_code: str
    province_code: str = Field(foreign_key="province.code", index=True)
    # The pre-2025 province it was in, when that province has since been merged away (a
    # province code; no foreign-key constraint: SQLite cannot add one to a filled table).
    former_province_code: str | None = Field(default=None, max_length=2)
    address: str


class CollectionAgent(Listed, table=True):
    """A collection point or agent for voluntary BHXH and household BHYT (đại lý thu)."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True)
    name: str
    name_search: str = Field(index=True)
    province_code: str = Field(foreign_key="province.code", index=True)
    address: str
    phone: str


class Person(SQLModel, table=True):
    """An insured person; `code` is the 10-digit social-insurance code (mã số BHXH)."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True, min_length=10, max_length=10)
    full_name: str
    name_search: str = Field(index=True)
    dob: dt.date
    sex: str = Field(max_length=1)  # "M" or "F"
    citizen_id: str = Field(index=True, unique=True, max_length=12)
    phone: str
    address: str
    province_code: str = Field(foreign_key="province.code", index=True)
    lang: str = "vi"
    # Whether the person has an e-transaction account (may log in). A person with a code
    # but no account registers in the app and an officer approves it (issue 15).
    registered: bool = Field(default=True, sa_column_kwargs={"server_default": true()})
    photo: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))


class HealthCard(SQLModel, table=True):
    """The health-insurance card (thẻ BHYT). Since 2021 its number is the person's code."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True, unique=True)
    number: str = Field(index=True, max_length=10)
    group_code: str = Field(max_length=2)  # beneficiary group: DN, HT, GD, TE, HS, ...
    benefit_level: int  # percent covered: 80, 95 or 100
    province_code: str = Field(foreign_key="province.code")
    facility_id: int = Field(foreign_key="facility.id")
    valid_from: dt.date
    valid_to: dt.date = Field(index=True)  # the scheduler finds cards about to expire
    five_years_from: dt.date | None = None  # date of five consecutive years of coverage
    agency_id: int = Field(foreign_key="agency.id")
    issued_at: dt.date


class Participation(SQLModel, table=True):
    """A period of contributions to one scheme with one employer."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    scheme: str = Field(max_length=8)
    from_month: dt.date  # first day of the first month
    to_month: dt.date | None = None  # first day of the last month; None while ongoing
    employer_id: int | None = Field(default=None, foreign_key="employer.id")
    salary_basis: int  # monthly salary the contribution is based on, đồng
    contribution: int  # monthly contribution (employer + employee), đồng
    # Trailing months the employer declared but has not paid (arrears, "nợ đóng").
    unpaid_months: int = 0


class Benefit(SQLModel, table=True):
    """A benefit received (or being processed)."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    kind: str = Field(max_length=16)
    period_from: dt.date
    period_to: dt.date | None = None
    amount: int  # total for one-off benefits, monthly for a pension
    status: str = "paid"  # paid / processing
    note: str = ""


class PensionAdjustment(SQLModel, table=True):
    """A pension-adjustment slip: the monthly pension changed by a decree."""

    id: int | None = Field(default=None, primary_key=True)
    benefit_id: int = Field(foreign_key="benefit.id", index=True)
    effective: dt.date
    old_amount: int
    new_amount: int
    percent: float
    decree: str


class MedicalVisit(SQLModel, table=True):
    """An insurance-covered visit or stay at a medical facility (lần KCB)."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    facility_id: int = Field(foreign_key="facility.id")
    admitted: dt.date
    discharged: dt.date
    inpatient: bool = False
    icd10: str = Field(max_length=8)
    diagnosis: str
    total_cost: int
    insurance_paid: int
    patient_paid: int


class VisitDocument(SQLModel, table=True):
    """A paper of the medical book: sick-leave certificate, discharge paper (Circular 56)."""

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int = Field(foreign_key="medicalvisit.id", index=True)
    kind: str  # sick_leave / discharge / birth
    number: str
    issued: dt.date
    days: int = 0


class Notice(SQLModel, table=True):
    """A notification to a person (card expiring, contribution due, new insured cost).

    `kind` names a message and `params` (JSON) fills it, so it shows in the reader's
    language, online or offline."""

    # A notice the calendar makes (api/services/notice_schedule.py) has a `due_key` naming
    # its occasion ("card_expiring:7:2026-12-01"): at most one per person and occasion,
    # however often or concurrently the scheduler runs.
    __table_args__ = (UniqueConstraint("person_id", "due_key", name="uq_notice_due_key"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    kind: str
    params: str = "{}"
    created_at: dt.datetime
    read_at: dt.datetime | None = None
    due_key: str | None = Field(default=None, max_length=64)


class Announcement(SQLModel, table=True):
    """A message from the agency written by an officer, in one or more languages, to
    everyone, one province or one beneficiary group. Each person gets it as a notice in
    their language or the nearest one given (api/services/announcements.py), made by the
    notice scheduler (`make notify`), which sets `sent_at` and `recipients` once done."""

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staffaccount.id", index=True)
    texts: str  # JSON: language -> text
    audience: str = Field(max_length=8)  # "all", "province" or "group"
    audience_code: str = Field(default="", max_length=4)  # province or group code
    created_at: dt.datetime
    sent_at: dt.datetime | None = None
    recipients: int = 0


class NewsItem(SQLModel, table=True):
    """News or a user guide published by an officer, in one or more languages: everyone
    reads it on the public news screen (/news), in their language or the nearest one
    written (api/services/news.py)."""

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staffaccount.id", index=True)
    kind: str = Field(max_length=8)  # "news" or "guide"
    texts: str  # JSON: language -> {"title": ..., "body": ...}
    published_at: dt.datetime = Field(index=True)


class ServiceDraft(SQLModel, table=True):
    """A service request the person is writing (re-issue of card or book, change of where a
    pension is paid, ...). Made on the phone, offline too: its id comes from the phone."""

    id: str = Field(primary_key=True, max_length=40)
    person_id: int = Field(foreign_key="person.id", index=True)
    kind: str
    text: str
    fields: str = "{}"  # JSON: the kind's form fields as typed (checked when submitted)
    updated_at: dt.datetime  # the phone's clock at the edit; the later edit wins


class Revocation(SQLModel, table=True):
    """One entry of the card revocation list (entries are defined in api/card/revocation.py):
    a lost or replaced card, or the key of a device signed out or moved away.

    `seq` numbers the list's changes (the sync cursor of a clinic's copy); a dropped entry
    stays as a tombstone (`gone`) so a clinic's next delta removes it too."""

    entry: str = Field(primary_key=True, max_length=16)  # hex of the 8 entry bytes
    kind: str = Field(max_length=8)  # card / device
    reason: str = Field(default="", max_length=16)  # lost, replaced, moved, signed_out
    revoked_at: dt.datetime
    # Device entries only: from this day no credential bound to the key can still be valid.
    drop_after: dt.date | None = None
    seq: int = Field(index=True)
    gone: bool = False


class CheckIn(SQLModel, table=True):
    """A visit recorded at a clinic desk (api/services/clinic_desk.py), possibly offline: the
    desk makes the id (a UUID) and the time, and the record reaches the server through the
    delta sync push. The citizen sees it as "checked in, costs pending" until the costs come.
    `reason` is one of locales.labels.VISIT_REASONS; `how` is "scan" or "typed"."""

    __table_args__ = (Index("ix_checkin_facility_at", "facility_id", "at"),)

    id: str = Field(primary_key=True, max_length=40)
    person_id: int = Field(foreign_key="person.id", index=True)
    facility_id: int = Field(foreign_key="facility.id")
    staff_id: int = Field(foreign_key="staffaccount.id", index=True)
    at: dt.datetime  # the desk's clock, UTC
    reason: str = Field(max_length=16)
    checked_offline: bool = False
    how: str = Field(max_length=8)
    recorded_at: dt.datetime  # the server's clock, when the push arrived


class CardView(SQLModel, table=True):
    """One look at a person's card by a clinic: the citizen's "who viewed my card" list, and
    what lets a facility see a holder's photo (only after its own scan or typed look-up).
    `action` is one of locales.labels.VIEW_ACTIONS: scan, typed, photo, visit."""

    __table_args__ = (Index("ix_cardview_person_facility_at", "person_id", "facility_id",
                            "at"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id")
    facility_id: int = Field(foreign_key="facility.id")
    staff_id: int = Field(foreign_key="staffaccount.id", index=True)
    action: str = Field(max_length=8)
    at: dt.datetime
