"""The documents a phone keeps: small, language-neutral JSON (codes, ISO dates, integer
đồng, message ids); the phone formats and translates them, so they read right in any of
the five languages, offline too.

Document ids are "<type>:<id>". Types: card, profile, participation, benefit, visit,
notice, draft, request (a submitted service request with its status timeline; built in
api/services/service_requests.py), choices (the facilities the primary-care form offers),
checkin (a visit recorded at a clinic desk, costs pending), cardview (one look at the
card by a clinic: "who viewed my card") and childcard (the card of a child under six that
the person, a parent or guardian, shows: api/services/family_cards.py).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator

from sqlmodel import Session, col, select

from api.auth.models import StaffAccount
from api.card import image, qr
from api.card import keys as issuer_keys
from api.card.drawn import Drawn
from api.domain.codes import BENEFICIARY_GROUPS, legacy_card_number
from api.domain.models import (
    Agency,
    Benefit,
    CardView,
    CheckIn,
    Employer,
    Facility,
    HealthCard,
    MedicalVisit,
    Notice,
    Participation,
    PensionAdjustment,
    Person,
    Province,
    ServiceDraft,
    VisitDocument,
)
from api.services import wallet

Doc = tuple[str, str, dict]  # (type, id, body)


def _day(value) -> str | None:
    return value.isoformat() if value else None


def _data_uri(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


# The card's drawn parts (signed QR text, QR SVG, printable PNG) by everything they are drawn
# from (api/card/drawn.py). Drawing them is most of a first sync (~35 ms: QR masks, PNG
# encoding) and they change only with the card, the holder's printed details, the photo, the
# language or the issuer key, which are all in the key. Per worker process, the most recent
# CARD_ART_SIZE cards (~100 kB each).
CARD_ART_SIZE = 64
_card_art: Drawn[tuple[str, str, str]] = Drawn(CARD_ART_SIZE)


def _art_key(person: Person, row: HealthCard, facility: Facility | None,
             agency: Agency | None, lang: str) -> tuple:
    return (person.id, lang, person.code, person.full_name, person.dob,
            person.sex, hashlib.sha256(person.photo or b"").digest(), row.number,
            row.group_code, row.benefit_level, row.province_code, row.valid_from,
            row.valid_to, row.five_years_from, row.issued_at,
            (facility.name, facility.code) if facility else None,
            agency.name if agency else None,
            issuer_keys.key_id(issuer_keys.signing_key().public_key()))


def _drawn(session: Session, person: Person, key: tuple, lang: str) -> tuple[str, str, str]:
    """(QR text, QR SVG, card image data URI) for the card `key` describes, worded in
    `lang`."""

    def draw() -> tuple[str, str, str]:
        view = wallet.card_view(session, person.id, lang)
        # The same signed text on screen and on the printable image.
        png = image.render_card(view, person.photo, lang)
        return view["qr_text"], view["qr_svg"], _data_uri("image/png", png)

    return _card_art.get(key, draw)


def card_body(session: Session, person: Person, lang: str) -> dict | None:
    """A card's document body, its words in `lang`: the key fields, the signed static QR
    (text and SVG), photo and printable image; None without a card. The holder's own card
    (`card`) and a young child's card shown by a parent (`childcard`,
    api/services/family_cards.py) are both this."""
    row = session.exec(select(HealthCard).where(HealthCard.person_id == person.id)).first()
    if row is None:
        return None
    facility = session.get(Facility, row.facility_id)
    agency = session.get(Agency, row.agency_id)
    text, svg, drawn = _drawn(session, person, _art_key(person, row, facility, agency, lang),
                              lang)
    return {
        "number": row.number, "full_name": person.full_name, "dob": _day(person.dob),
        "sex": person.sex, "group_code": row.group_code,
        "group_label": BENEFICIARY_GROUPS.get(row.group_code, row.group_code),
        "level": row.benefit_level,
        "legacy_number": legacy_card_number(row.number, row.group_code, row.benefit_level,
                                            row.province_code),
        "facility": f"{facility.name} ({facility.code})" if facility else "",
        "valid_from": _day(row.valid_from), "valid_to": _day(row.valid_to),
        "five_years": _day(row.five_years_from), "agency": agency.name if agency else "",
        "qr_text": text,
        "qr_svg": svg,  # drawn by the same code as the online card
        # What the QR signs, as a fingerprint: a live credential made for another version
        # of the card is renewed (assets/screens/credentials.js).
        "version": qr.claims_version(wallet.card_claims(session, person, row)),
        "photo": _data_uri("image/png", person.photo) if person.photo else "",
        "image": drawn,
    }


def card(session: Session, person: Person) -> Doc | None:
    """The holder's card, in the holder's language."""
    body = card_body(session, person, person.lang or "vi")
    return None if body is None else ("card", "1", body)


def profile(session: Session, person: Person) -> Doc:
    """Personal details."""
    province = session.get(Province, person.province_code)
    return ("profile", "1", {
        "code": person.code, "full_name": person.full_name, "dob": _day(person.dob),
        "sex": person.sex, "citizen_id": person.citizen_id, "phone": person.phone,
        "address": person.address, "province": province.name if province else ""})


def participation(row: Participation, employer: Employer | None) -> Doc:
    """One period of one scheme."""
    return ("participation", str(row.id), {
        "scheme": row.scheme, "from": _day(row.from_month), "to": _day(row.to_month),
        "employer": employer.name if employer else "", "salary": row.salary_basis,
        "contribution": row.contribution, "unpaid": row.unpaid_months})


def benefit(row: Benefit, adjustments: list[PensionAdjustment]) -> Doc:
    """One benefit, with its pension-adjustment slips."""
    return ("benefit", str(row.id), {
        "kind": row.kind, "label": wallet.BENEFIT_LABELS.get(row.kind, row.kind),
        "from": _day(row.period_from), "to": _day(row.period_to), "amount": row.amount,
        "status": row.status, "status_label": wallet.STATUS_LABELS.get(row.status, row.status),
        "adjustments": [{"effective": _day(a.effective), "old": a.old_amount,
                         "new": a.new_amount, "percent": a.percent, "decree": a.decree}
                        for a in adjustments]})


def visit(row: MedicalVisit, facility: Facility | None, docs: list[VisitDocument]) -> Doc:
    """One insured visit, with its papers."""
    return ("visit", str(row.id), {
        "admitted": _day(row.admitted), "discharged": _day(row.discharged),
        "inpatient": row.inpatient, "facility": facility.name if facility else "",
        "icd10": row.icd10, "diagnosis": row.diagnosis, "total": row.total_cost,
        "insurance": row.insurance_paid, "patient": row.patient_paid,
        "documents": [{"kind": d.kind, "label": wallet.DOCUMENT_LABELS.get(d.kind, d.kind),
                       "number": d.number, "issued": _day(d.issued), "days": d.days}
                      for d in docs]})


def notice(row: Notice) -> Doc:
    """A notification."""
    return ("notice", str(row.id), {
        "kind": row.kind, "params": json.loads(row.params or "{}"),
        "created": row.created_at.isoformat(), "read": row.read_at is not None})


def draft(row: ServiceDraft) -> Doc:
    """A service-request draft: its kind, the form's fields as typed, and the text."""
    return ("draft", row.id, {"kind": row.kind, "text": row.text,
                              "fields": json.loads(row.fields or "{}"),
                              "updated": row.updated_at.isoformat()})


def _utc(moment: dt.datetime) -> str:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat()


def checkin(row: CheckIn, facility: Facility | None) -> Doc:
    """A visit recorded at a clinic desk: "checked in, costs pending" until the costs come
    as a `visit`. `reason` is a VISIT_REASONS code; `at` the desk's clock, ISO UTC."""
    return ("checkin", row.id, {
        "at": _utc(row.at), "facility": facility.name if facility else "",
        "facility_code": facility.code if facility else "", "reason": row.reason,
        "checked_offline": row.checked_offline, "status": "pending_costs"})


def cardview(row: CardView, facility: Facility | None, staff: StaffAccount | None) -> Doc:
    """One look at the card by a clinic ("who viewed my card"): `action` is a VIEW_ACTIONS
    code (scan, typed, photo, visit), `staff` the staff member's full name."""
    return ("cardview", str(row.id), {
        "at": _utc(row.at), "facility": facility.name if facility else "",
        "facility_code": facility.code if facility else "",
        "staff": staff.full_name if staff else "", "action": row.action})


def all_documents(session: Session, person: Person) -> Iterator[Doc]:
    """Every document of a person: the snapshot a first sync (or a reset) receives."""
    doc = card(session, person)
    if doc:
        yield doc
    yield profile(session, person)
    for row, employer in session.exec(
            select(Participation, Employer).join(Employer, isouter=True)
            .where(Participation.person_id == person.id)
            .order_by(col(Participation.from_month))).all():
        yield participation(row, employer)
    benefits = session.exec(select(Benefit).where(Benefit.person_id == person.id)).all()
    slips: dict[int, list[PensionAdjustment]] = defaultdict(list)
    ids = [b.id for b in benefits]
    if ids:
        for adj in session.exec(select(PensionAdjustment).where(
                col(PensionAdjustment.benefit_id).in_(ids))
                .order_by(col(PensionAdjustment.effective))).all():
            slips[adj.benefit_id].append(adj)
    for row in benefits:
        yield benefit(row, slips[row.id])
    visits = session.exec(select(MedicalVisit, Facility).join(Facility, isouter=True)
                          .where(MedicalVisit.person_id == person.id)).all()
    papers: dict[int, list[VisitDocument]] = defaultdict(list)
    ids = [v.id for v, _ in visits]
    if ids:
        for d in session.exec(select(VisitDocument).where(
                col(VisitDocument.visit_id).in_(ids))).all():
            papers[d.visit_id].append(d)
    for row, facility in visits:
        yield visit(row, facility, papers[row.id])
    for row in session.exec(select(Notice).where(Notice.person_id == person.id)).all():
        yield notice(row)
    for row in session.exec(select(ServiceDraft).where(
            ServiceDraft.person_id == person.id)).all():
        yield draft(row)
    facilities: dict[int, Facility | None] = {}

    def facility_named(facility_id: int) -> Facility | None:
        if facility_id not in facilities:
            facilities[facility_id] = session.get(Facility, facility_id)
        return facilities[facility_id]

    for row in session.exec(select(CheckIn).where(CheckIn.person_id == person.id)
                            .order_by(col(CheckIn.at))).all():
        yield checkin(row, facility_named(row.facility_id))
    staff: dict[int, StaffAccount | None] = {}
    for row in session.exec(select(CardView).where(CardView.person_id == person.id)
                            .order_by(col(CardView.at))).all():
        if row.staff_id not in staff:
            staff[row.staff_id] = session.get(StaffAccount, row.staff_id)
        yield cardview(row, facility_named(row.facility_id), staff[row.staff_id])
    # Submitted requests with their timelines, and the form's choices. Imported here: the
    # requests' service builds its documents with this module.
    from api.services import service_requests

    yield from service_requests.all_documents(session, person)
    from api.services import family_cards  # it records changes through this module

    yield from family_cards.documents_of(session, person)
