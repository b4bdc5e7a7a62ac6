"""Public look-ups: facilities, agencies, employers, collection agents, one's own code."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.domain.codes import fold, mask_phone
from api.domain.models import Agency, CollectionAgent, Employer, Facility, Person, Province
from api.services.errors import UserError
from api.services.wallet import LEVEL_LABELS
from locales import tr

PAGE_SIZE = 20
KINDS = {"facilities": Facility, "agencies": Agency, "employers": Employer,
         "agents": CollectionAgent}


def provinces(session: Session) -> list[dict[str, str]]:
    """All provinces, by name."""
    return [{"code": p.code, "name": p.name}
            for p in session.exec(select(Province).order_by(Province.name)).all()]


def search(session: Session, kind: str, query: str, province: str, page: int,
           lang: str, contracted_only: bool = False,
           sick_leave_only: bool = False) -> dict[str, object]:
    """One page of matches; names match without accents or case ("ha noi" finds "Hà Nội").

    A page number past the end is answered with the last page and a note, not an error.
    """
    model = KINDS.get(kind)
    if model is None:
        raise UserError("not_found", status=404)
    folded = fold(query or "")
    if folded and len(folded) < 2:
        raise UserError("search_empty")
    where = []
    if folded:
        # Every word must appear, in any order.
        where += [col(model.name_search).contains(word) for word in folded.split()]
    if province:
        where.append(model.province_code == province)
    if model is Facility and contracted_only:
        where.append(col(Facility.bhyt_contracted).is_(True))
    if model is Facility and sick_leave_only:
        where.append(col(Facility.issues_sick_leave).is_(True))
    total = session.exec(select(func.count()).select_from(model).where(*where)).one()
    pages = max(1, -(-total // PAGE_SIZE))
    note = ""
    if page < 1 or page > pages:
        note = tr(lang, "There is no page {page}; showing page {shown} of {pages}.",
                  page=page, shown=min(max(page, 1), pages), pages=pages)
        page = min(max(page, 1), pages)
    rows = session.exec(select(model, Province).join(Province).where(*where)
                        .order_by(col(model.name), col(model.id))
                        .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
    return {"kind": kind, "total": total, "page": page, "pages": pages, "note": note,
            "items": [_item(row, prov, lang) for row, prov in rows]}


def _item(row: object, province: Province, lang: str) -> dict[str, str]:
    detail = ""
    if isinstance(row, Facility):
        parts = [tr(lang, LEVEL_LABELS.get(row.level, row.level))]
        if row.bhyt_contracted:
            parts.append(tr(lang, "health-insurance contract"))
        if row.issues_sick_leave:
            parts.append(tr(lang, "issues sick-leave papers"))
        detail = " · ".join(parts)
    elif isinstance(row, Employer):
        detail = tr(lang, "Tax code {code}", code=row.tax_code)
    return {"code": row.code, "name": row.name, "address": row.address,
            "phone": getattr(row, "phone", ""), "province": province.name, "detail": detail}


def find_code(session: Session, full_name: str, dob: str, province: str,
              lang: str) -> list[dict[str, str]]:
    """One's own code from full name (accents optional), date of birth and province."""
    name = fold(full_name or "")
    try:
        day = dt.date.fromisoformat((dob or "").strip())
    except ValueError:
        day = None
    if not name or day is None or not province:
        raise UserError("lookup_missing")
    people = session.exec(select(Person).where(Person.name_search == name, Person.dob == day,
                                               Person.province_code == province).limit(5)).all()
    if not people:
        raise UserError("lookup_none", status=404)
    return [{"code": p.code, "full_name": p.full_name, "phone": mask_phone(p.phone)}
            for p in people]
