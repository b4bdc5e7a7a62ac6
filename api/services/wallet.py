"""A citizen's own records, shaped for display in one language.

Each function returns plain dicts of display strings (money, dates and labels already
formatted for `lang`), so the Reflex pages and the JSON API show exactly the same thing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from api.card import keys as issuer_keys
from api.card import qr
from api.domain import provinces
from api.domain.codes import BENEFICIARY_GROUPS, legacy_card_number
from api.domain.models import (
    Agency,
    Benefit,
    Employer,
    Facility,
    HealthCard,
    MedicalVisit,
    Participation,
    PensionAdjustment,
    Person,
    Province,
    Scheme,
    VisitDocument,
)
from api.services.errors import UserError
from locales import (
    format_day,
    format_money,
    format_month,
    format_months,
    format_short_day,
    labels,
    tr,
    trn,
)

# Enum code -> message id, from the list the browser shares (locales/labels.py).
SCHEME_LABELS = {Scheme(code): msgid for code, msgid in labels.SCHEMES.items()}
BENEFIT_LABELS = labels.BENEFITS
STATUS_LABELS = labels.BENEFIT_STATUS
DOCUMENT_LABELS = labels.DOCUMENTS
SEX_LABELS = labels.SEX
LEVEL_LABELS = labels.FACILITY_LEVELS
EXPIRY_WARNING_DAYS = 30


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise UserError("not_logged_in", status=401)
    return person


def card_claims(session: Session, person: Person, card: HealthCard) -> qr.CardClaims:
    """The claims the card QR signs."""
    facility = session.get(Facility, card.facility_id)
    kid = issuer_keys.key_id(issuer_keys.signing_key().public_key())
    return qr.CardClaims(person.code, person.full_name, person.dob, person.sex, card.group_code,
                         card.benefit_level, facility.code if facility else "",
                         card.valid_to, card.issued_at, kid)


# The card with its facility, agency and province in one query (the card screen, the
# card image and the sync card document all start here); built once.
_CARD_WITH_PLACES = (
    select(HealthCard, Facility, Agency, Province)
    .outerjoin(Facility, col(Facility.id) == col(HealthCard.facility_id))
    .outerjoin(Agency, col(Agency.id) == col(HealthCard.agency_id))
    .outerjoin(Province, col(Province.code) == col(HealthCard.province_code))
    .where(col(HealthCard.person_id) == bindparam("person")))


# Every stored value the card image is drawn from, as plain values in one query (the
# image cache's key, api/card/image.card_png): cheaper than card_fields' objects and dates
# formatted in the reader's language, which only a new image needs.
_CARD_SOURCE = (
    select(Person.__table__.c.code, Person.__table__.c.full_name, Person.__table__.c.dob,
           Person.__table__.c.sex, Person.__table__.c.photo, *HealthCard.__table__.c,
           Facility.__table__.c.name, Facility.__table__.c.code, Agency.__table__.c.name,
           Province.__table__.c.name)
    .select_from(HealthCard)
    .join(Person, col(Person.id) == col(HealthCard.person_id))
    .outerjoin(Facility, col(Facility.id) == col(HealthCard.facility_id))
    .outerjoin(Agency, col(Agency.id) == col(HealthCard.agency_id))
    .outerjoin(Province, col(Province.code) == col(HealthCard.province_code))
    .where(col(HealthCard.person_id) == bindparam("person")))


def card_source(session: Session, person_id: int) -> tuple[str, tuple] | None:
    """(card number, every value the card image is drawn from, with the issuer key id and
    the photo's digest in place of the photo), or None without a card."""
    row = session.connection().execute(_CARD_SOURCE, {"person": person_id}).first()
    if row is None:
        return None
    values = list(row)
    values[4] = hashlib.sha256(values[4] or b"").hexdigest()  # the photo
    kid = issuer_keys.key_id(issuer_keys.signing_key().public_key())
    return row.number, (*values, kid)


def card_fields(session: Session, person_id: int, lang: str, today: dt.date | None = None
                ) -> tuple[dict[str, str], qr.CardClaims] | None:
    """The card's fields in `lang` and the claims its QR signs (unsigned: signing and the
    QR drawing are left to who needs them), or None without a card."""
    today = today or dt.date.today()
    person = _person(session, person_id)
    found = session.exec(_CARD_WITH_PLACES, params={"person": person_id}).first()
    if found is None:
        return None
    card, facility, agency, province = found
    days_left = (card.valid_to - today).days
    if days_left < 0:
        status, status_text = "expired", tr(lang, "Expired on {day}. Renew your card.",
                                            day=format_short_day(card.valid_to, lang))
    elif days_left <= EXPIRY_WARNING_DAYS:
        status, status_text = "expiring", trn(lang, "Expires in {days} day. Renew it soon.",
                                              "Expires in {days} days. Renew it soon.",
                                              days_left, days=days_left)
    else:
        status, status_text = "valid", tr(lang, "Valid")
    fields = {
        "number": card.number,
        "full_name": person.full_name,
        "dob": format_short_day(person.dob, lang),
        "sex": tr(lang, SEX_LABELS[person.sex]),
        "group_code": card.group_code,
        "group": tr(lang, BENEFICIARY_GROUPS.get(card.group_code, card.group_code)),
        "level": f"{card.benefit_level}%",
        "legacy_number": legacy_card_number(card.number, card.group_code, card.benefit_level,
                                            card.province_code),
        "facility": f"{facility.name} ({facility.code})" if facility else "",
        "valid_from": format_short_day(card.valid_from, lang),
        "valid_to": format_short_day(card.valid_to, lang),
        "five_years": format_short_day(card.five_years_from, lang),
        "agency": agency.name if agency else "",
        "province": province.name if province else "",
        "address": person.address,
        "status": status,
        "status_text": status_text,
    }
    return fields, card_claims(session, person, card)


def card_view(session: Session, person_id: int, lang: str,
              today: dt.date | None = None) -> dict[str, str]:
    """The "use card" screen: key fields, the signed QR (text and SVG) and its status."""
    found = card_fields(session, person_id, lang, today)
    if found is None:
        return {}
    fields, claims = found
    qr_text = qr.sign(claims)
    svg = qr.symbol(qr_text).svg_data_uri(
        scale=4, border=2, dark="#0b2545", title=tr(lang, "Health insurance card QR code"))
    return {**fields, "qr_text": qr_text, "qr_svg": svg}


def profile_view(session: Session, person_id: int, lang: str) -> dict[str, str]:
    """Personal details shown on the profile page."""
    person = _person(session, person_id)
    province = session.get(Province, person.province_code)
    return {"code": person.code, "full_name": person.full_name,
            "dob": format_short_day(person.dob, lang), "sex": tr(lang, SEX_LABELS[person.sex]),
            "citizen_id": person.citizen_id, "phone": person.phone, "address": person.address,
            "province": province.name if province else ""}


def _months(row: Participation, today: dt.date) -> int:
    end = row.to_month or dt.date(today.year, today.month, 1)
    return (end.year - row.from_month.year) * 12 + end.month - row.from_month.month + 1


def participation_view(session: Session, person_id: int, lang: str,
                       today: dt.date | None = None) -> dict[str, object]:
    """Participation per scheme: periods (newest first), totals, per employer, a timeline."""
    today = today or dt.date.today()
    _person(session, person_id)
    rows = session.exec(
        select(Participation, Employer).join(Employer, isouter=True)
        .where(Participation.person_id == person_id)
        .order_by(col(Participation.from_month).desc())
    ).all()
    by_scheme: dict[str, list] = defaultdict(list)
    for row, employer in rows:
        by_scheme[row.scheme].append((row, employer))
    schemes = []
    for scheme in Scheme:
        items = by_scheme.get(scheme.value, [])
        paid_months = sum(_months(r, today) - r.unpaid_months for r, _ in items)
        unpaid = sum(r.unpaid_months for r, _ in items)
        employers: dict[str, int] = defaultdict(int)
        for r, e in items:
            employers[e.name if e else tr(lang, "Voluntary")] += _months(r, today)
        schemes.append({
            "scheme": scheme.value,
            "label": tr(lang, SCHEME_LABELS[scheme]),
            "total": format_months(paid_months, lang),
            "total_months": paid_months,
            "unpaid": unpaid,
            "unpaid_text": (trn(lang, "{n} month declared by the employer but not yet paid",
                                "{n} months declared by the employer but not yet paid",
                                unpaid, n=unpaid) if unpaid else ""),
            "periods": [_period(r, e, lang, today) for r, e in items],
            "employers": [{"name": name, "months": format_months(m, lang)}
                          for name, m in sorted(employers.items(), key=lambda kv: -kv[1])],
            "timeline": _timeline([r for r, _ in items], today),
        })
    return {"schemes": schemes}


def _period(row: Participation, employer: Employer | None, lang: str,
            today: dt.date) -> dict[str, str]:
    return {
        "from": format_month(row.from_month, lang),
        "to": format_month(row.to_month, lang) if row.to_month else tr(lang, "now"),
        "months": format_months(_months(row, today), lang),
        "employer": employer.name if employer else tr(lang, "Voluntary"),
        "province": (provinces.of_entry(employer.province_code, employer.former_province_code,
                                        row.from_month, lang) if employer else ""),
        "salary": format_money(row.salary_basis, lang),
        "contribution": format_money(row.contribution, lang),
        "unpaid": (trn(lang, "{n} month unpaid", "{n} months unpaid", row.unpaid_months,
                       n=row.unpaid_months)
                   if row.unpaid_months else ""),
    }


def _timeline(rows: list[Participation], today: dt.date) -> list[dict[str, str]]:
    """Covered stretches as CSS percentages of the span from the first month to now."""
    if not rows:
        return []
    start = min(r.from_month for r in rows)
    span = (today.year - start.year) * 12 + today.month - start.month + 1
    segments = []
    for r in rows:
        offset = (r.from_month.year - start.year) * 12 + r.from_month.month - start.month
        segments.append({"left": f"{100 * offset / span:.2f}%",
                         "width": f"{max(100 * _months(r, today) / span, 0.6):.2f}%",
                         "unpaid": "1" if r.unpaid_months else ""})
    return segments


def timeline_years(session: Session, person_id: int) -> tuple[int, int] | None:
    """First and current year of the person's history (labels under the timeline)."""
    first = session.exec(select(Participation.from_month)
                         .where(Participation.person_id == person_id)
                         .order_by(col(Participation.from_month)).limit(1)).first()
    return (first.year, dt.date.today().year) if first else None


def benefits_view(session: Session, person_id: int, lang: str) -> list[dict[str, object]]:
    """Benefits received, newest first; a pension carries its adjustment slips."""
    _person(session, person_id)
    rows = session.exec(select(Benefit).where(Benefit.person_id == person_id)
                        .order_by(col(Benefit.period_from).desc())).all()
    ids = [b.id for b in rows if b.kind == "pension"]
    adjustments: dict[int, list[PensionAdjustment]] = defaultdict(list)
    if ids:
        for adj in session.exec(select(PensionAdjustment)
                                .where(col(PensionAdjustment.benefit_id).in_(ids))
                                .order_by(col(PensionAdjustment.effective))).all():
            adjustments[adj.benefit_id].append(adj)
    out = []
    for b in rows:
        period = format_short_day(b.period_from, lang)
        if b.period_to:
            period += f" – {format_short_day(b.period_to, lang)}"
        elif b.kind == "pension":
            period = tr(lang, "since {day}", day=format_month(b.period_from, lang))
        out.append({
            "kind": b.kind,
            "label": tr(lang, BENEFIT_LABELS.get(b.kind, b.kind)),
            "period": period,
            "amount": format_money(b.amount, lang),
            "amount_note": tr(lang, "per month") if b.kind == "pension" else "",
            "status": b.status,
            "status_text": tr(lang, STATUS_LABELS.get(b.status, b.status)),
            "adjustments": [{
                "effective": format_short_day(a.effective, lang),
                "old": format_money(a.old_amount, lang),
                "new": format_money(a.new_amount, lang),
                "percent": f"+{a.percent:g}%",
                "decree": a.decree,
            } for a in adjustments.get(b.id, [])],
        })
    return out


def visits_view(session: Session, person_id: int, lang: str) -> dict[str, object]:
    """Insured visits, newest first, with costs and the papers of the medical book."""
    _person(session, person_id)
    rows = session.exec(select(MedicalVisit, Facility).join(Facility)
                        .where(MedicalVisit.person_id == person_id)
                        .order_by(col(MedicalVisit.admitted).desc())).all()
    docs: dict[int, list[VisitDocument]] = defaultdict(list)
    ids = [v.id for v, _ in rows]
    if ids:
        for d in session.exec(select(VisitDocument)
                              .where(col(VisitDocument.visit_id).in_(ids))).all():
            docs[d.visit_id].append(d)
    total = sum(v.total_cost for v, _ in rows)
    covered = sum(v.insurance_paid for v, _ in rows)
    visits = []
    for v, f in rows:
        dates = format_short_day(v.admitted, lang)
        if v.discharged != v.admitted:
            dates += f" – {format_short_day(v.discharged, lang)}"
        visits.append({
            "dates": dates,
            "facility": f.name,
            "province": provinces.of_entry(f.province_code, f.former_province_code,
                                           v.admitted, lang),
            "kind": tr(lang, "Inpatient") if v.inpatient else tr(lang, "Outpatient"),
            "diagnosis": f"{v.icd10} · {v.diagnosis}",
            "total": format_money(v.total_cost, lang),
            "insurance": format_money(v.insurance_paid, lang),
            "patient": format_money(v.patient_paid, lang),
            "documents": [{
                "label": tr(lang, DOCUMENT_LABELS.get(d.kind, d.kind)),
                "number": d.number,
                "issued": format_short_day(d.issued, lang),
                "days": trn(lang, "{n} day", "{n} days", d.days, n=d.days) if d.days else "",
            } for d in docs.get(v.id, [])],
        })
    return {"visits": visits, "count": len(visits), "total": format_money(total, lang),
            "insurance": format_money(covered, lang),
            "patient": format_money(total - covered, lang)}


def home_view(session: Session, person_id: int, lang: str) -> dict[str, str]:
    """The greeting and the card status for the home screen."""
    person = _person(session, person_id)
    card = session.exec(select(HealthCard).where(HealthCard.person_id == person_id)).first()
    return {"full_name": person.full_name, "code": person.code,
            "card_valid_to": format_day(card.valid_to, lang) if card else ""}
