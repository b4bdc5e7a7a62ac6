"""The officer console's registrations desk: the queue of one province (officers see only
their own), its filters and pages, and one registration set beside the person's record
with the differences field by field and the audit trail. The decisions are in
api/services/registrations.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Select, union_all
from sqlalchemy.orm import defer
from sqlmodel import Session, col, func, select

from api.auth.models import StaffAccount
from api.domain.cases import OPEN_STATUSES, CaseEvent, CaseStatus, Registration
from api.domain.models import Person
from api.services.errors import UserError
from api.services.registrations import KIND, mismatches, photo_type

PAGE_SIZE = 20
STATUS_FILTERS = {"open": OPEN_STATUSES, "submitted": (CaseStatus.SUBMITTED,),
                  "needs_info": (CaseStatus.NEEDS_INFO,), "done": (CaseStatus.DONE,),
                  "rejected": (CaseStatus.REJECTED,)}
SOURCE_FILTERS = {"": None, "scanned": True, "typed": False}
SEARCH_MAX = 80


@dataclass(frozen=True)
class _Query:
    """A queue query: the statuses asked for, and the other conditions (province, source,
    search); `by_code` when the search needs the person's table."""

    statuses: tuple[str, ...]
    where: list
    by_code: bool

    def select(self, *columns: object, status: str | None = None) -> Select:
        """SELECT columns FROM registration (joined to person for a code) WHERE ..., for one
        status or for all of them."""
        chosen = (Registration.status == status) if status is not None \
            else col(Registration.status).in_(self.statuses)
        query = select(*columns).select_from(Registration)
        if self.by_code:
            query = query.join(Person, Person.id == Registration.person_id)
        return query.where(chosen, *self.where)


def _query(account: StaffAccount, status: str, source: str, q: str) -> _Query:
    if status not in STATUS_FILTERS or source not in SOURCE_FILTERS:
        raise UserError("bad_filter")
    q = " ".join((q or "").split())
    if len(q) > SEARCH_MAX:
        raise UserError("search_too_long", max=SEARCH_MAX)
    where = [Registration.province_code == account.province_code]
    if SOURCE_FILTERS[source] is not None:
        where.append(Registration.scanned == SOURCE_FILTERS[source])
    by_code = bool(re.fullmatch(r"\d{10}", q))
    if by_code:
        where.append(Person.code == q)
    elif re.fullmatch(r"\d{12}", q):
        where.append(Registration.citizen_id == q)
    elif q:
        where.append(col(Registration.full_name).ilike(f"%{q}%"))
    return _Query(STATUS_FILTERS[status], where, by_code)


def _page_ids(session: Session, query: _Query, offset: int) -> list[int]:
    """The ids of one page, oldest first. The queue index (province, status, submitted
    time) gives each status's registrations in order, but not several statuses' together
    ("open" is three): so each status is read in order up to the page's end, and the
    pieces merged. A plain ORDER BY over the three would sort every open registration of
    the province (65,000 in the benchmark) for each page."""
    end = offset + PAGE_SIZE
    pieces = [query.select(Registration.id, Registration.submitted_at, status=status)
              .order_by(col(Registration.submitted_at), col(Registration.id)).limit(end)
              .subquery() for status in query.statuses]
    merged = union_all(*[select(piece.c.id, piece.c.submitted_at) for piece in pieces]
                       ).subquery()
    return list(session.exec(select(merged.c.id).order_by(merged.c.submitted_at, merged.c.id)
                             .offset(offset).limit(PAGE_SIZE)).all())


def queue(session: Session, account: StaffAccount, status: str = "open", source: str = "",
          q: str = "", page: int = 1) -> dict:
    """One page of the province's registrations, oldest first, with how many match and
    where each differs from the record."""
    query = _query(account, status, source, q)
    total = session.exec(query.select(func.count())).one()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    ids = _page_ids(session, query, (page - 1) * PAGE_SIZE)
    rows = session.exec(
        select(Registration, Person).join(Person, Person.id == Registration.person_id)
        # A page lists no photos: a face photo is ~40 KB, twenty of them (and the records')
        # would be most of the page's time.
        .options(defer(Registration.photo), defer(Person.photo))
        .where(col(Registration.id).in_(ids or [0]))
        .order_by(col(Registration.submitted_at), col(Registration.id))).all()
    return {"total": total, "page": page, "pages": pages, "province": account.province_code,
            "items": [{"id": reg.id, "code": person.code, "full_name": reg.full_name,
                       "submitted_at": reg.submitted_at.isoformat(), "status": reg.status,
                       "scanned": reg.scanned, "mismatches": mismatches(reg, person)}
                      for reg, person in rows]}


def registration_of(session: Session, account: StaffAccount, reg_id: object) -> Registration:
    """A registration the officer may handle: 404 when there is none, 403 when it belongs
    to another province."""
    try:
        number = int(str(reg_id))
    except ValueError as exc:
        raise UserError("registration_unknown", status=404) from exc
    reg = session.get(Registration, number) if 0 < number < 2**31 else None
    if reg is None:
        raise UserError("registration_unknown", status=404)
    if reg.province_code != account.province_code:
        raise UserError("other_province", status=403)
    return reg


def detail(session: Session, reg: Registration) -> dict:
    """The registration beside the person's record, the differences and the audit trail
    (who did what, with staff codes)."""
    person = session.get(Person, reg.person_id)
    wrong = set(mismatches(reg, person))
    compare = [
        {"field": field, "applied": str(applied or ""), "record": str(recorded or ""),
         "same": field not in wrong}
        for field, applied, recorded in (
            ("full_name", reg.full_name, person.full_name), ("dob", reg.dob, person.dob),
            ("citizen_id", reg.citizen_id, person.citizen_id), ("sex", reg.sex, person.sex),
            ("address", reg.address, person.address), ("phone", reg.phone, person.phone))]
    events = session.exec(
        select(CaseEvent, StaffAccount).join(StaffAccount, isouter=True)
        .where(CaseEvent.case_kind == KIND, CaseEvent.case_id == str(reg.id))
        .order_by(col(CaseEvent.at), col(CaseEvent.id))).all()
    return {
        "id": reg.id, "code": person.code, "status": reg.status, "reason": reg.reason,
        "scanned": reg.scanned, "old_id": reg.old_id, "email": reg.email,
        "id_issued": reg.id_issued.isoformat() if reg.id_issued else "",
        "submitted_at": reg.submitted_at.isoformat(), "compare": compare,
        "mismatches": sorted(wrong), "photo": reg.photo is not None,
        "record_photo": person.photo is not None,
        "open": reg.status in OPEN_STATUSES,
        "trail": [{"at": e.at.isoformat(), "status": e.status, "actor": e.actor,
                   "staff_code": staff.staff_code if staff else "",
                   "staff_name": staff.full_name if staff else "", "note": e.note}
                  for e, staff in events]}


def photo(session: Session, reg: Registration, which: str) -> tuple[bytes, str]:
    """The applicant's face photo ("applicant") or the record's photo ("record")."""
    if which == "applicant":
        data = reg.photo
    elif which == "record":
        data = session.get(Person, reg.person_id).photo
    else:
        raise UserError("not_found", status=404)
    if not data:
        raise UserError("not_found", status=404)
    return data, photo_type(data)
