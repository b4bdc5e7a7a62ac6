"""Public look-ups: facilities, agencies, employers, collection agents, one's own code."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.auth import throttle
from api.auth.sms import SmsGatewayError, gateway
from api.domain import provinces as regions
from api.domain.codes import fold, mask_phone
from api.domain.collation import sorted_vi
from api.domain.models import Agency, CollectionAgent, Employer, Facility, Person, Province
from api.services.errors import UserError
from api.services.wallet import LEVEL_LABELS
from locales import tr

PAGE_SIZE = 20
# Longest search text accepted (the page's field holds as much); longer ones are refused.
MAX_QUERY = 100
# Find-my-code attempts per client address and hour; each answer also costs an SMS.
# The full code goes by SMS at most this often a day to one person, however often it is
# asked for: find-my-code must not become a way to flood someone's phone.
CODE_TEXTS_PER_DAY = 3
DAY = dt.timedelta(days=1)
KINDS = {"facilities": Facility, "agencies": Agency, "employers": Employer,
         "agents": CollectionAgent}


def provinces(session: Session, query: str = "") -> list[dict[str, str]]:
    """The 34 current provinces in Vietnamese alphabetical order; with `query`, only those
    whose name, or the name of a province they were formed from, contains it ("bac lieu"
    finds Cà Mau)."""
    folded = fold(_short(query))
    rows = session.exec(select(Province).where(col(Province.successor_code).is_(None))).all()
    found = []
    for row in rows:
        former = regions.former_names(row.code)
        matched = [n for n in (row.name, *former) if folded and folded in fold(n)]
        if folded and not matched:
            continue
        found.append({"code": row.code, "name": row.name, "former": ", ".join(former),
                      "matched": matched[0] if matched else ""})
    return sorted_vi(found, key=lambda p: p["name"])


def former_provinces(lang: str) -> list[dict[str, str]]:
    """The 29 provinces merged away on 1 July 2025, in Vietnamese order, each with the code
    of the province it belongs to now and a label such as "Bạc Liêu (now Cà Mau)"."""
    rows = [{"code": regions.current_code(code), "former_code": code,
             "name": regions.BEFORE_2025[code],
             "label": regions.label(code, regions.REFORM_DATE - dt.timedelta(days=1), lang)}
            for code in regions.retired_codes()]
    return sorted_vi(rows, key=lambda p: p["name"])


def _short(query: str | None) -> str:
    """The query, refused with a clear message when longer than MAX_QUERY characters."""
    query = query or ""
    if len(query) > MAX_QUERY:
        raise UserError("search_too_long", max=MAX_QUERY)
    return query


def search(session: Session, kind: str, query: str, province: str, page: int,
           lang: str, contracted_only: bool = False,
           sick_leave_only: bool = False) -> dict[str, object]:
    """One page of matches in Vietnamese alphabetical order. Every word must appear in the
    name, the address or a name of the province, old or new, without accents or case
    ("ha noi" finds "Hà Nội", "bac lieu" finds what is now in Cà Mau).

    A page number past the end is answered with the last page and a note, not an error.
    """
    model = KINDS.get(kind)
    if model is None:
        raise UserError("not_found", status=404)
    folded = fold(_short(query))
    if folded and len(folded) < 2:
        raise UserError("search_empty")
    where = [col(model.search_text).contains(word) for word in folded.split()]
    if province:
        where.append(model.province_code == regions.current_code(_short(province)))
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
    rows = session.exec(select(model, Province).join(Province,
                                                     model.province_code == Province.code)
                        .where(*where).order_by(col(model.sort_key), col(model.id))
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


def find_code(session: Session, full_name: str, dob: str, province: str, lang: str,
              client: str) -> dict[str, object]:
    """Find one's own code from full name (accents optional), date of birth and province
    (a pre-2025 one too). The answer shows only the code's last four digits; the full code
    goes by SMS to the phone registered for the person, in the person's language, at most
    CODE_TEXTS_PER_DAY times a day. Callers first wait out
    `throttle.wait_for_address(session, "lookup", client)`: one address asking often is
    slowed down, never shut out (many subscribers share a carrier's address)."""
    name = fold(_short(full_name))
    try:
        day = dt.date.fromisoformat(_short(dob).strip())
    except ValueError:
        day = None
    if not name or day is None or not province:
        raise UserError("lookup_missing")
    throttle.count_address(session, "lookup", client)
    session.commit()  # the try counts even when nothing matches
    people = session.exec(select(Person).where(
        Person.name_search == name, Person.dob == day,
        Person.province_code == regions.current_code(_short(province))).limit(5)).all()
    if not people:
        raise UserError("lookup_none", status=404)
    sms, sent = gateway(), 0
    try:
        for person in people:
            key = str(person.id)
            if throttle.recent(session, "lookup_code:person", key, DAY) >= CODE_TEXTS_PER_DAY:
                continue  # already texted today: the code is in that phone's messages
            sms.send(session, person.phone, person.code, tr(
                person.lang, "Your social-insurance code is {code}. Use it to log in to the "
                "BHXH wallet. Never tell it to anyone who calls you.", code=person.code))
            throttle.count(session, "lookup_code:person", key)
            sent += 1
    except SmsGatewayError as exc:
        raise UserError("sms_failed", status=502) from exc
    return {"matches": [{"code": mask_code(p.code), "phone": mask_phone(p.phone)}
                        for p in people],
            "message": tr(lang, "The full code was sent by SMS to the phone registered for "
                                "this person.") if sent else
            tr(lang, "The full code was already sent by SMS to the phone registered for this "
                     "person today. Look in its text messages.")}


def mask_code(code: str) -> str:
    """Only the last four digits of a code: "••••••6789"."""
    return "•" * max(len(code) - 4, 0) + code[-4:]
