"""Cases an agency officer handles: a citizen's service requests (submitted from the phone's
drafts through the sync protocol) and account registrations, with one event log that is
both the citizen's status timeline and the officers' audit trail.

The rules and steps live in api/services/service_requests.py and
api/services/registrations.py; the console's queries in api/services/request_queue.py and
api/services/registration_queue.py.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Column, Index, LargeBinary
from sqlmodel import Field, SQLModel


class CaseStatus(StrEnum):
    """Where a case stands. A request goes submitted -> received -> (needs_info <->
    received) -> done or rejected; the citizen may withdraw it until it is decided. A
    registration goes submitted -> (needs_info <-> submitted) -> done or rejected."""

    SUBMITTED = "submitted"
    RECEIVED = "received"
    NEEDS_INFO = "needs_info"
    DONE = "done"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


# Statuses an officer still has work in (the console's queue), and the final ones.
OPEN_STATUSES = (CaseStatus.SUBMITTED, CaseStatus.RECEIVED, CaseStatus.NEEDS_INFO)
CLOSED_STATUSES = (CaseStatus.DONE, CaseStatus.REJECTED, CaseStatus.WITHDRAWN)


class ServiceRequest(SQLModel, table=True):
    """A public-service request a citizen submitted (re-issue of card or book, pension
    payout, authorisation, voluntary contribution, primary-care facility). Its id is the
    phone's (the draft's), so a retried submission is the same request."""

    # The officer's queue: open requests of one province, oldest first (100,000 pending).
    __table_args__ = (Index("ix_servicerequest_queue", "province_code", "status",
                            "submitted_at"),)

    id: str = Field(primary_key=True, max_length=40)
    person_id: int = Field(foreign_key="person.id", index=True)
    province_code: str = Field(max_length=2)  # the person's province: whose officers handle it
    kind: str = Field(max_length=24)
    fields: str = "{}"  # JSON: the kind's checked form fields (codes, dates, integer đồng)
    text: str = ""  # the citizen's own words
    status: str = Field(max_length=16)
    submitted_at: dt.datetime  # the server's clock
    updated_at: dt.datetime
    staff_id: int | None = Field(default=None, foreign_key="staffaccount.id")  # who has it
    reason: str = ""  # the last rejection reason or question to the citizen


class RequestAttachment(SQLModel, table=True):
    """A photo attached to a request (on submission or with an answer), checked for type
    and size before it is kept."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: str = Field(foreign_key="servicerequest.id", index=True, max_length=40)
    mime: str = Field(max_length=16)
    size: int
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    added_at: dt.datetime


class Registration(SQLModel, table=True):
    """An e-transaction account registration waiting for an officer: what the applicant
    typed or scanned from the chip ID card, set beside the person's record in the console.
    Never approved automatically."""

    __table_args__ = (Index("ix_registration_queue", "province_code", "status",
                            "submitted_at"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    province_code: str = Field(max_length=2)
    citizen_id: str = Field(max_length=12)
    old_id: str = Field(default="", max_length=9)
    full_name: str
    dob: dt.date
    sex: str = Field(max_length=1)
    address: str = ""
    id_issued: dt.date | None = None
    phone: str = Field(max_length=10)  # proved by an OTP before the registration is kept
    email: str = ""
    photo: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    scanned: bool = False  # filled from the ID card's QR (else typed)
    status: str = Field(max_length=16)
    submitted_at: dt.datetime
    updated_at: dt.datetime
    staff_id: int | None = Field(default=None, foreign_key="staffaccount.id")
    reason: str = ""


class CaseEvent(SQLModel, table=True):
    """One step of a request or a registration: the citizen's timeline and the audit trail
    of who did what. `case_kind` is "request" or "registration"; `actor` is "citizen",
    "officer" (with `staff_id`) or "system"."""

    __table_args__ = (Index("ix_caseevent_case", "case_kind", "case_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    case_kind: str = Field(max_length=16)
    case_id: str = Field(max_length=40)
    status: str = Field(max_length=16)
    actor: str = Field(max_length=8)
    staff_id: int | None = Field(default=None, foreign_key="staffaccount.id", index=True)
    note: str = ""  # a reason, a question, an answer
    at: dt.datetime
