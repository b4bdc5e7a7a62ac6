"""Public-service requests: a citizen submits a draft from the phone (through the sync push,
so it works after being written offline and is applied once however often it is sent), an
officer of the person's province handles it, and every step is an event of the request's
timeline (api/domain/cases.CaseEvent: the citizen's timeline, the officers' audit trail), a
`request` document the phone keeps offline and a notice.

Steps (api/domain/cases.CaseStatus): submitted -> received -> done | rejected, with
"needs_info" (the officer asks, the citizen answers: received again) and "withdrawn" (the
citizen, until the request is decided). Approving applies the result to the records: a new
primary-care facility changes the card and its signed QR; a re-issued card gets a new issue
date and the old one is revoked; continued voluntary insurance opens a contribution period.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from sqlmodel import Session, col, func, select

from api.auth.models import StaffAccount
from api.clock import utcnow, vietnam_today
from api.domain import contribution_rules as rules
from api.domain.cases import (
    CLOSED_STATUSES,
    CaseEvent,
    CaseStatus,
    RequestAttachment,
    ServiceRequest,
)
from api.domain.family import under_six
from api.domain.models import Facility, HealthCard, Participation, Person, Scheme
from api.services import family_cards, notices, photos, request_forms
from api.services.errors import Status, UserError
from sync import changes, documents

CASE = "request"
PHOTOS_MAX = 2  # per step (submission or answer): the push body stays under its 1 MB
PHOTO_KB = 300  # per photo, after the phone shrinks it (assets/screens/request_photos.js)
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP")
PHOTO_PIXELS = 4000 * 4000  # the phone sends at most 1,600 px a side
NOTE_MAX = 1000  # an officer's reason or question
# Facility levels a person may register with for primary care: not the central hospitals
# (the 2024 amendment steers primary care to the primary and basic levels).
PRIMARY_CARE_LEVELS = ("province", "district", "commune", "private")


# ---- the phone's side: sync mutations ----------------------------------------------------
def submit(session: Session, person: Person, data: dict) -> None:
    """"request.submit" {request_id, kind, fields, text, photos}: check the form and keep the
    request under the draft's id (a retry is the same request: nothing twice). The sync
    protocol then deletes the draft (sync/protocol._request_submit)."""
    request_id = str(data.get("request_id", ""))
    if not 0 < len(request_id) <= 40:
        raise UserError("bad_request")
    existing = session.get(ServiceRequest, request_id)
    if existing is not None:
        if existing.person_id != person.id:
            raise UserError("not_found", status=404)
        return  # already submitted (a copy sent from another round): applied once
    today = vietnam_today()
    form = request_forms.check(str(data.get("kind", "")), data.get("fields"), data.get("text"),
                               today)
    photos = _photos(data.get("photos"))
    _check_rules(session, person, form, today)
    if form.kind == "family_link" and not photos:
        raise UserError("birth_certificate", status=422, field="photos")
    now = utcnow()
    row = ServiceRequest(id=request_id, person_id=person.id, province_code=person.province_code,
                         kind=form.kind, fields=json.dumps(form.fields, ensure_ascii=False),
                         text=form.text, status=CaseStatus.SUBMITTED, submitted_at=now,
                         updated_at=now)
    session.add(row)
    session.flush()
    _attach(session, row, photos, now)
    _step(session, row, CaseStatus.SUBMITTED, "citizen", None, "", push=False)


def answer(session: Session, person: Person, data: dict) -> None:
    """"request.answer" {request_id, text, photos}: the citizen's answer to "needs more
    information"; the request goes back to the officer (received)."""
    row = _own(session, person, data)
    if row.status != CaseStatus.NEEDS_INFO:
        raise UserError("request_not_waiting", status=409)
    words = str(data.get("text") or "").strip()
    photos = _photos(data.get("photos"))
    if not words and not photos:
        raise UserError("form_text", status=422, field="text")
    if len(words) > request_forms.TEXT_MAX:
        raise UserError("draft_too_long", status=422, over=len(words) - request_forms.TEXT_MAX,
                        max=request_forms.TEXT_MAX)
    _attach(session, row, photos, utcnow())
    _step(session, row, CaseStatus.RECEIVED, "citizen", None, words, push=False)


def withdraw(session: Session, person: Person, data: dict) -> None:
    """"request.withdraw" {request_id}: the citizen takes back a request not yet decided
    (withdrawing twice is one withdrawal)."""
    row = _own(session, person, data)
    if row.status == CaseStatus.WITHDRAWN:
        return
    if row.status in CLOSED_STATUSES:
        raise UserError("request_closed", status=409, state=Status(row.status))
    _step(session, row, CaseStatus.WITHDRAWN, "citizen", None, "", push=False)


# The sync mutations on a submitted request; "request.submit" is sync/protocol's, which calls
# `submit` and then deletes the draft as any draft is deleted.
HANDLERS = {"request.answer": answer, "request.withdraw": withdraw}


def _own(session: Session, person: Person, data: dict) -> ServiceRequest:
    row = session.get(ServiceRequest, str(data.get("request_id", ""))[:40])
    if row is None or row.person_id != person.id:
        raise UserError("not_found", status=404)
    return row


def _photos(value: object) -> list[tuple[str, bytes]]:
    """The attached photos as (type, bytes), each checked by its first bytes and size."""
    if value in (None, ""):
        return []
    if not isinstance(value, list) or len(value) > PHOTOS_MAX:
        raise _photo_error()
    out = []
    for item in value:
        if not isinstance(item, dict):
            raise _photo_error()
        try:
            data = photos.decoded(str(item.get("data", "")))
            mime = photos.checked(data, PHOTO_FORMATS, PHOTO_KB, PHOTO_PIXELS)
        except photos.PhotoError as exc:
            raise _photo_error() from exc
        if mime != item.get("mime"):  # kept and served as what it is, said the same
            raise _photo_error()
        out.append((mime, data))
    return out


def _photo_error() -> UserError:
    return UserError("form_photo", status=422, field="photos", count=PHOTOS_MAX, kb=PHOTO_KB)


def _attach(session: Session, row: ServiceRequest, photos: list[tuple[str, bytes]],
            now: dt.datetime) -> None:
    for mime, data in photos:
        session.add(RequestAttachment(request_id=row.id, mime=mime, size=len(data), data=data,
                                      added_at=now))


def _check_rules(session: Session, person: Person, form: request_forms.Form,
                 today: dt.date) -> None:
    """The rules beyond the form: one open request of a kind at a time; the primary-care
    facility only from the person's province, in a quarter's window, once a quarter."""
    if form.kind != "other":
        open_one = session.exec(select(ServiceRequest.id).where(
            ServiceRequest.person_id == person.id, ServiceRequest.kind == form.kind,
            col(ServiceRequest.status).notin_([str(s) for s in CLOSED_STATUSES]))).first()
        if open_one is not None:
            raise UserError("request_open", status=409)
    if form.kind == "family_link":
        linkable_child(session, person, str(form.fields["child"]), today)
    if form.kind == "change_facility":
        allowed_facility(session, person, str(form.fields["facility"]))
        window_open, next_day = request_forms.facility_window(today)
        if not window_open:
            raise UserError("facility_window", status=422, field="facility", day=next_day)
        start = request_forms.quarter_start(today)
        if changed_since(session, person.id, start):
            _, next_day = request_forms.facility_window(start + dt.timedelta(days=31))
            raise UserError("facility_quarter_used", status=422, field="facility",
                            day=next_day)


def allowed_facility(session: Session, person: Person, code: str) -> Facility:
    """The facility `code` if the person may register with it for primary care: contracted,
    in the person's province, at a primary-care level, and not already theirs."""
    facility = session.exec(select(Facility).where(Facility.code == code)).first()
    if facility is None or facility.province_code != person.province_code \
            or not facility.bhyt_contracted or facility.level not in PRIMARY_CARE_LEVELS:
        raise UserError("facility_not_allowed", status=422, field="facility")
    card = session.exec(select(HealthCard).where(HealthCard.person_id == person.id)).first()
    if card is not None and card.facility_id == facility.id:
        raise UserError("facility_same", status=422, field="facility")
    return facility


def linkable_child(session: Session, person: Person, code: str, today: dt.date) -> Person:
    """The child of `code` if the person may ask to show the child's card: a child under six
    with a card, not the person, not linked to them yet."""
    child = session.exec(select(Person).where(Person.code == code)).first()
    has_card = child is not None and session.exec(select(HealthCard.id).where(
        HealthCard.person_id == child.id)).first() is not None
    if not has_card or child.id == person.id or not under_six(child.dob, today):
        raise UserError("child_unknown", status=422, field="child")
    if family_cards.linked(session, person.id, child.id):
        raise UserError("child_linked", status=409, field="child")
    return child


def changed_since(session: Session, person_id: int, start: dt.date) -> bool:
    """Whether a primary-care facility change was approved for the person since `start`."""
    since = dt.datetime.combine(start, dt.time(), tzinfo=dt.UTC) - dt.timedelta(hours=7)
    return session.exec(select(func.count()).select_from(ServiceRequest).where(
        ServiceRequest.person_id == person_id, ServiceRequest.kind == "change_facility",
        ServiceRequest.status == CaseStatus.DONE,
        col(ServiceRequest.updated_at) >= since)).one() > 0


def facility_choices(session: Session, person: Person) -> documents.Doc:
    """The facilities the person may choose for primary care (a document the phone keeps,
    so the form works offline): contracted, of the person's province, primary-care level."""
    rows = session.exec(select(Facility.code, Facility.name, Facility.level).where(
        Facility.province_code == person.province_code, col(Facility.bhyt_contracted),
        col(Facility.level).in_(PRIMARY_CARE_LEVELS)).order_by(col(Facility.sort_key))).all()
    return ("choices", "facilities", {"facilities": [
        {"code": code, "name": name, "level": level} for code, name, level in rows]})


# ---- the officer's side ------------------------------------------------------------------
ACTIONS = {"receive": CaseStatus.RECEIVED, "ask": CaseStatus.NEEDS_INFO,
           "approve": CaseStatus.DONE, "reject": CaseStatus.REJECTED}
# From which statuses each action may be taken.
_FROM = {
    "receive": (CaseStatus.SUBMITTED,),
    "ask": (CaseStatus.SUBMITTED, CaseStatus.RECEIVED),
    "approve": (CaseStatus.SUBMITTED, CaseStatus.RECEIVED),
    "reject": (CaseStatus.SUBMITTED, CaseStatus.RECEIVED, CaseStatus.NEEDS_INFO),
}


def for_officer(session: Session, officer: StaffAccount, request_id: str) -> ServiceRequest:
    """A request of the officer's province, or 404 (another province's look the same as
    none: an officer learns nothing about them)."""
    row = session.get(ServiceRequest, request_id[:40])
    if row is None or not officer.province_code or row.province_code != officer.province_code:
        raise UserError("not_found", status=404)
    return row


def decide(session: Session, officer: StaffAccount, request_id: str, action: object,
           note: object) -> ServiceRequest:
    """Receive, ask for more information, approve (the result applies to the records) or
    reject a request, in the caller's transaction. A reason is required to reject and a
    question to ask; each step is in the audit trail with the officer."""
    row = for_officer(session, officer, request_id)
    if action not in ACTIONS:
        raise UserError("decide_action", status=422)
    words = " ".join(str(note or "").split())
    if len(words) > NOTE_MAX or (action in ("ask", "reject") and not words):
        raise UserError("decide_note", status=422, max=NOTE_MAX)
    if row.status in CLOSED_STATUSES:
        raise UserError("request_closed", status=409, state=Status(row.status))
    if row.status not in _FROM[action]:
        raise UserError("request_not_waiting" if row.status == CaseStatus.NEEDS_INFO
                        else "decide_not_received", status=409)
    if action == "approve":
        _apply(session, row)
    row.staff_id = officer.id
    if action in ("ask", "reject"):
        row.reason = words
    _step(session, row, ACTIONS[action], "officer", officer.id, words, push=True)
    return row


def _apply(session: Session, row: ServiceRequest) -> None:
    """What an approved request changes in the person's records."""
    person = session.get(Person, row.person_id)
    fields = json.loads(row.fields or "{}")
    today = vietnam_today()
    if row.kind == "change_facility":
        facility = allowed_facility(session, person, str(fields.get("facility", "")))
        card = session.exec(select(HealthCard).where(HealthCard.person_id == person.id)).one()
        card.facility_id = facility.id
        session.add(card)
        session.flush()
        # The signed QR names the new facility (on a parent's phone too, for a child).
        family_cards.card_changed(session, person, today)
    elif row.kind == "reissue_card":
        # Imported here: the revocation list reads the sync protocol, which imports us.
        from api.services import card_credentials

        reason = "lost" if fields.get("reason") == "lost" else "replaced"
        card_credentials.reissue(session, person, reason, today)
    elif row.kind == "voluntary":
        _voluntary_period(session, person, int(fields["income"]), today)
    elif row.kind == "family_link":
        # Checked again: the child may have turned six, or been linked, since the request.
        child = linkable_child(session, person, str(fields["child"]), today)
        family_cards.link(session, person, child, str(fields["relation"]), "officer", today)


def _voluntary_period(session: Session, person: Person, income: int, today: dt.date) -> None:
    """Open a voluntary social-insurance period from next month (no employer), unless one is
    running; the notice scheduler then tells the person when each month is due."""
    running = session.exec(select(Participation).where(
        Participation.person_id == person.id, Participation.scheme == Scheme.BHXH,
        col(Participation.employer_id).is_(None), col(Participation.to_month).is_(None))
    ).first()
    first = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    contribution = rules.share(income, rules.VOLUNTARY_RATE_PERCENT)
    row = running or Participation(person_id=person.id, scheme=Scheme.BHXH, from_month=first,
                                   salary_basis=income, contribution=contribution)
    row.salary_basis, row.contribution = income, contribution
    session.add(row)
    session.flush()
    changes.record(session, person.id, documents.participation(row, None))


# ---- steps, the timeline and the phone's document -----------------------------------------
def _step(session: Session, row: ServiceRequest, status: CaseStatus, actor: str,
          staff_id: int | None, note: str, push: bool) -> None:
    """Move the request to `status`: an event, the phone's document, a notice."""
    now = utcnow()
    row.status, row.updated_at = status, now
    session.add(row)
    session.add(CaseEvent(case_kind=CASE, case_id=row.id, status=status, actor=actor,
                          staff_id=staff_id, note=note, at=now))
    session.flush()
    changes.record(session, row.person_id, document(session, row))
    params = {"request": row.kind, "request_id": row.id}
    if status in (CaseStatus.NEEDS_INFO, CaseStatus.REJECTED):
        params["reason"] = note
    notices.publish(session, row.person_id, f"request_{status}", push=push, **params)


def events(session: Session, ids: Iterable[str]) -> dict[str, list[CaseEvent]]:
    """The events of these requests, oldest first, by request id."""
    out: dict[str, list[CaseEvent]] = {i: [] for i in ids}
    if not out:
        return out
    for event in session.exec(select(CaseEvent).where(
            CaseEvent.case_kind == CASE, col(CaseEvent.case_id).in_(list(out)))
            .order_by(col(CaseEvent.at), col(CaseEvent.id))).all():
        out[event.case_id].append(event)
    return out


def photo_count(session: Session, ids: Iterable[str]) -> dict[str, int]:
    """How many photos each request has."""
    ids = list(ids)
    if not ids:
        return {}
    return dict(session.exec(select(RequestAttachment.request_id, func.count()).where(
        col(RequestAttachment.request_id).in_(ids)).group_by(RequestAttachment.request_id)
    ).all())


def document(session: Session, row: ServiceRequest,
             timeline: list[CaseEvent] | None = None, photos: int | None = None
             ) -> documents.Doc:
    """The request as the phone keeps it: language-neutral (codes, ISO times), with its
    timeline; an officer is "the agency" to the citizen, never a name."""
    timeline = events(session, [row.id])[row.id] if timeline is None else timeline
    photos = photo_count(session, [row.id]).get(row.id, 0) if photos is None else photos
    return ("request", row.id, {
        "kind": row.kind, "fields": json.loads(row.fields or "{}"), "text": row.text,
        "status": row.status, "submitted": row.submitted_at.isoformat(),
        "updated": row.updated_at.isoformat(), "reason": row.reason, "photos": photos,
        "events": [{"status": e.status, "actor": e.actor, "note": e.note,
                    "at": e.at.isoformat()} for e in timeline]})


def all_documents(session: Session, person: Person) -> Iterable[documents.Doc]:
    """The person's requests and the facility choices: part of a first sync (a reset)."""
    rows = session.exec(select(ServiceRequest).where(ServiceRequest.person_id == person.id)
                        .order_by(col(ServiceRequest.submitted_at))).all()
    timeline = events(session, [r.id for r in rows])
    photos = photo_count(session, [r.id for r in rows])
    for row in rows:
        yield document(session, row, timeline[row.id], photos.get(row.id, 0))
    yield facility_choices(session, person)
