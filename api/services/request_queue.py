"""What an officer's console reads of service requests: the province's queue (filters and
keyset pages that stay fast with 100,000 pending) and one request beside the person's record,
with its timeline as an audit trail (who did what). An officer sees their own province only:
another province's request is "not found" (api/services/service_requests.for_officer)."""

from __future__ import annotations

import datetime as dt
import heapq
import json

from sqlalchemy import tuple_
from sqlmodel import Session, col, func, select

from api.auth.models import StaffAccount
from api.domain.cases import CaseStatus, RequestAttachment, ServiceRequest
from api.domain.models import Facility, HealthCard, Person, Province
from api.services import service_requests
from api.services.errors import UserError

PAGE = 50
# The statuses an officer works on by default: new and received requests (a request that
# needs more information waits for the citizen).
DEFAULT_STATUSES = (CaseStatus.SUBMITTED, CaseStatus.RECEIVED)
ALL_STATUSES = tuple(str(s) for s in CaseStatus)


def _province(officer: StaffAccount) -> str:
    if not officer.province_code:
        raise UserError("staff_province", status=403)
    return officer.province_code


def _cursor(value: str | None) -> tuple[dt.datetime, str] | None:
    """The (submitted_at, id) after which a page starts ("<ISO time>|<id>"), or None."""
    moment, _, ident = (value or "").partition("|")
    if not moment:
        return None
    try:
        return dt.datetime.fromisoformat(moment), ident[:40]
    except ValueError as exc:
        raise UserError("bad_request") from exc


def queue(session: Session, officer: StaffAccount, statuses: list[str] | None = None,
          kind: str = "", query: str = "", after: str | None = None,
          limit: int = PAGE) -> dict[str, object]:
    """One page of the province's requests, oldest first: each status is read along the
    queue index (province, status, submitted_at) and the pages merged, so the first page
    costs a few index reads whatever the queue's length. `query` finds one person by code or
    personal ID. With the first page, the count per status, for the filter tabs."""
    province = _province(officer)
    wanted = [s for s in (statuses or DEFAULT_STATUSES) if s in ALL_STATUSES]
    if not wanted:
        raise UserError("bad_request")
    start = _cursor(after)
    limit = max(1, min(limit, PAGE))
    person_ids = _people(session, query)
    pages = []
    for status in wanted:
        stmt = (select(ServiceRequest, Person.code, Person.full_name)
                .join(Person, col(Person.id) == ServiceRequest.person_id)
                .where(ServiceRequest.province_code == province,
                       ServiceRequest.status == status)
                .order_by(col(ServiceRequest.submitted_at), col(ServiceRequest.id))
                .limit(limit + 1))
        if kind:
            stmt = stmt.where(ServiceRequest.kind == kind)
        if person_ids is not None:
            stmt = stmt.where(col(ServiceRequest.person_id).in_(person_ids or [-1]))
        if start is not None:
            moment, ident = start
            # A row-value comparison: the index's range starts right after the cursor.
            stmt = stmt.where(tuple_(col(ServiceRequest.submitted_at), col(ServiceRequest.id))
                              > tuple_(moment, ident))
        pages.append(session.exec(stmt).all())
    merged = list(heapq.merge(*pages, key=lambda r: (r[0].submitted_at, r[0].id)))
    rows = merged[:limit]
    nxt = None
    if len(merged) > limit:
        last = rows[-1][0]
        nxt = f"{last.submitted_at.isoformat()}|{last.id}"
    # The counts (a read of the province's whole queue) come with the first page only: the
    # next pages are the same queue, further on.
    return {"items": [_item(row, code, name) for row, code, name in rows], "next": nxt,
            "counts": counts(session, province) if start is None else None}


def _people(session: Session, query: str) -> list[int] | None:
    """The person a query names (10-digit code or 12-digit personal ID), or None for none."""
    typed = "".join(query.split())
    if not typed:
        return None
    if typed.isdigit() and len(typed) in (10, 12):
        column = Person.code if len(typed) == 10 else Person.citizen_id
        return list(session.exec(select(Person.id).where(column == typed)).all())
    raise UserError("desk_format", status=422)


def counts(session: Session, province: str) -> dict[str, int]:
    """Requests per status in the province."""
    found = dict(session.exec(select(ServiceRequest.status, func.count())
                              .where(ServiceRequest.province_code == province)
                              .group_by(ServiceRequest.status)).all())
    return {s: found.get(s, 0) for s in ALL_STATUSES}


def _item(row: ServiceRequest, code: str, name: str) -> dict[str, object]:
    return {"id": row.id, "kind": row.kind, "status": row.status,
            "submitted": row.submitted_at.isoformat(), "updated": row.updated_at.isoformat(),
            "code": code, "full_name": name}


def detail(session: Session, officer: StaffAccount, request_id: str) -> dict[str, object]:
    """One request beside the person's record (identity, card, current facility and the
    facility asked for), with its photos listed and its steps (who did what, when)."""
    _province(officer)
    row = service_requests.for_officer(session, officer, request_id)
    person = session.get(Person, row.person_id)
    card = session.exec(select(HealthCard).where(HealthCard.person_id == person.id)).first()
    facility = session.get(Facility, card.facility_id) if card else None
    province = session.get(Province, person.province_code)
    fields = json.loads(row.fields or "{}")
    asked = None
    if row.kind == "change_facility":
        found = session.exec(select(Facility).where(
            Facility.code == str(fields.get("facility", "")))).first()
        asked = {"code": found.code, "name": found.name, "level": found.level} \
            if found else None
    asked_child = None
    if row.kind == "family_link":  # the child's record, to compare with the certificate
        child = session.exec(select(Person).where(
            Person.code == str(fields.get("child", "")))).first()
        asked_child = {"code": child.code, "full_name": child.full_name,
                       "dob": child.dob.isoformat(), "sex": child.sex,
                       "citizen_id": child.citizen_id} if child else None
    staff = {}
    timeline = service_requests.events(session, [row.id])[row.id]
    for event in timeline:
        if event.staff_id and event.staff_id not in staff:
            account = session.get(StaffAccount, event.staff_id)
            staff[event.staff_id] = account.staff_code + " " + account.full_name \
                if account else ""
    photos = session.exec(select(RequestAttachment.id, RequestAttachment.mime,
                                 RequestAttachment.size)
                          .where(RequestAttachment.request_id == row.id)
                          .order_by(col(RequestAttachment.id))).all()
    return {
        "request": {**_item(row, person.code, person.full_name), "fields": fields,
                    "text": row.text, "reason": row.reason},
        "person": {"code": person.code, "full_name": person.full_name,
                   "dob": person.dob.isoformat(), "sex": person.sex,
                   "citizen_id": person.citizen_id, "phone": person.phone,
                   "address": person.address, "province": province.name if province else ""},
        "card": {"number": card.number, "group": card.group_code,
                 "valid_to": card.valid_to.isoformat(), "issued": card.issued_at.isoformat(),
                 "facility": {"code": facility.code, "name": facility.name}
                 if facility else None} if card else None,
        "asked_facility": asked,
        "asked_child": asked_child,
        "photos": [{"id": pid, "mime": mime, "size": size} for pid, mime, size in photos],
        "events": [{"status": e.status, "actor": e.actor, "note": e.note,
                    "at": e.at.isoformat(), "staff": staff.get(e.staff_id, "")}
                   for e in timeline],
    }


def photo(session: Session, officer: StaffAccount, request_id: str,
          photo_id: int) -> RequestAttachment:
    """One photo of a request of the officer's province."""
    row = service_requests.for_officer(session, officer, request_id)
    found = session.get(RequestAttachment, photo_id)
    if found is None or found.request_id != row.id:
        raise UserError("not_found", status=404)
    return found
