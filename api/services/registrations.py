"""E-transaction account registration (issue 15): a person with a social-insurance code but
no account applies from the phone (the form, filled by scanning the chip ID card's QR or
typed; the phone proved by an SMS code; a photo of the face), and an officer of the
person's province approves it, refuses it with a reason or asks for more. Never approved
automatically: the differences from the record are shown to the officer field by field.

The applicant has no session. Submitting answers a receipt (`<id>.<secret>`) the browser
keeps; the secret is an HMAC of the registration under the server key, so the database
holds nothing that opens it. Every step is a CaseEvent: the applicant's timeline and the
officers' audit trail. The console's queue and detail are in api/services/
registration_queue.py.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from sqlmodel import Session, col, select

from api.auth import otp, throttle
from api.auth.secrets import digest, same
from api.auth.sms import SmsGatewayError, gateway
from api.auth.staff import normal_phone
from api.clock import utcnow
from api.domain.cases import OPEN_STATUSES, CaseEvent, CaseStatus, Registration
from api.domain.codes import mask_phone
from api.domain.models import Person
from api.services import language, login, notices, photos
from api.services.errors import UserError
from api.services.login import find_person
from locales import tr

KIND = "registration"  # CaseEvent.case_kind
NAME_MAX, ADDRESS_MAX, NOTE_MAX = 80, 200, 500
PHOTO_MAX_KB = 150  # the page sends a downscaled JPEG of ~30-60 KB
PHOTO_FORMATS = ("JPEG", "PNG")
PHOTO_PIXELS = 4000 * 4000
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
_RECEIPT = re.compile(r"^(\d{1,9})\.([0-9a-f]{64})$")  # an id within PostgreSQL's integer


# ---- the form ---------------------------------------------------------------------------
@dataclass(frozen=True)
class IdentityForm:
    """What the applicant scanned or typed from the ID card, checked."""

    citizen_id: str
    old_id: str
    full_name: str
    dob: dt.date
    sex: str  # "M" | "F"
    address: str
    id_issued: dt.date | None
    email: str
    photo: bytes | None
    scanned: bool


# The identity fields an answer may correct.
FORM_FIELDS = ("citizen_id", "old_id", "full_name", "dob", "sex", "address", "id_issued",
               "email")


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def normal_name(name: str) -> str:
    """A name as compared and kept: NFC (an ID card's QR and a phone keyboard may compose
    Vietnamese letters differently), single spaces."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def _date(value: object, reason: str) -> dt.date:
    try:
        return dt.date.fromisoformat(_text(value))
    except ValueError as exc:
        raise UserError(reason) from exc


def photo_bytes(value: object) -> bytes:
    """The face photo from a data URL (or bare base64): a JPEG or PNG picture that opens,
    at most PHOTO_MAX_KB."""
    try:
        data = photos.decoded(_text(value))
        photos.checked(data, PHOTO_FORMATS, PHOTO_MAX_KB, PHOTO_PIXELS)
    except photos.PhotoError as exc:
        raise UserError("reg_photo", max=PHOTO_MAX_KB) from exc
    return data


def photo_type(data: bytes) -> str:
    """The media type of a kept photo."""
    return "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"


def check_form(body: dict[str, object], photo_required: bool = True) -> IdentityForm:
    """The identity fields of a registration, or a UserError saying which one is wrong."""
    citizen_id = re.sub(r"\s", "", _text(body.get("citizen_id")))
    if not re.fullmatch(r"\d{12}", citizen_id):
        raise UserError("reg_citizen_id")
    old_id = re.sub(r"\s", "", _text(body.get("old_id")))
    if old_id and not re.fullmatch(r"\d{9}", old_id):
        raise UserError("reg_old_id")
    name = normal_name(_text(body.get("full_name")))
    if not name or len(name) > NAME_MAX or any(ch.isdigit() for ch in name):
        raise UserError("reg_name")
    today = utcnow().date()
    dob = _date(body.get("dob"), "reg_dob")
    if not dt.date(1900, 1, 1) <= dob <= today:
        raise UserError("reg_dob")
    sex = _text(body.get("sex")).upper()
    if sex not in ("M", "F"):
        raise UserError("reg_sex")
    address = " ".join(_text(body.get("address")).split())
    if len(address) > ADDRESS_MAX:
        raise UserError("reg_address", max=ADDRESS_MAX)
    issued = _date(body.get("id_issued"), "reg_issued") if _text(body.get("id_issued")) \
        else None
    if issued is not None and not dob <= issued <= today:
        raise UserError("reg_issued")
    email = _text(body.get("email"))
    if email and (len(email) > 120 or not _EMAIL.match(email)):
        raise UserError("reg_email")
    photo = photo_bytes(body.get("photo")) if photo_required or body.get("photo") else None
    return IdentityForm(citizen_id, old_id, name, dob, sex, address, issued, email, photo,
                        body.get("scanned") is True)


def mismatches(reg: Registration, person: Person) -> list[str]:
    """The identity fields in which the registration differs from the person's record
    (name compared without case and spacing differences)."""
    out = []
    if normal_name(reg.full_name).casefold() != normal_name(person.full_name).casefold():
        out.append("full_name")
    if reg.dob != person.dob:
        out.append("dob")
    if reg.citizen_id != person.citizen_id:
        out.append("citizen_id")
    if reg.sex != person.sex:
        out.append("sex")
    return out


# ---- the applicant ----------------------------------------------------------------------
def _applicant(session: Session, typed: str) -> Person:
    """The person behind a typed code who may register: no account yet, nothing waiting."""
    person = find_person(session, typed)
    if person.registered:
        raise UserError("already_registered", status=409)
    waiting = session.exec(select(Registration.id).where(
        Registration.person_id == person.id,
        col(Registration.status).in_(OPEN_STATUSES))).first()
    if waiting is not None:
        raise UserError("registration_pending", status=409)
    return person


def send_code(session: Session, typed: str, phone: str, lang: str, client: str = "") -> dict:
    """Send an SMS code to the phone the applicant typed, to prove it (the per-person limits
    of login codes apply; callers first wait out the address's pause for "send")."""
    person = _applicant(session, typed)
    try:
        phone = normal_phone(phone)
    except UserError as exc:
        raise UserError("phone_format") from exc
    sent = login.send_otp(session, person, lang, client, to_phone=phone)
    return {"ok": True, "phone": mask_phone(phone), "resend_after": sent.resend_after}


def receipt_of(reg: Registration) -> str:
    """The applicant's receipt: the id and an HMAC of it under the server key."""
    return f"{reg.id}.{digest('registration-receipt', str(reg.id))}"


def _by_receipt(session: Session, receipt: object) -> Registration:
    match = _RECEIPT.match(_text(receipt))
    reg = session.get(Registration, int(match.group(1))) if match else None
    if reg is None or not same(receipt_of(reg), _text(receipt)):
        raise UserError("receipt_unknown", status=404)
    return reg


def _event(session: Session, reg: Registration, status: str, actor: str,
           staff_id: int | None = None, note: str = "") -> None:
    session.add(CaseEvent(case_kind=KIND, case_id=str(reg.id), status=status, actor=actor,
                          staff_id=staff_id, note=note, at=utcnow()))


def submit(session: Session, body: dict[str, object], lang: str, client: str = ""
           ) -> tuple[Registration, str]:
    """Check the form and the SMS code, keep the registration for the officers of the
    person's province and answer it with its receipt. Callers first wait out the address's
    pause for "verify"."""
    person = _applicant(session, _text(body.get("code")))
    try:
        phone = normal_phone(_text(body.get("phone")))
    except UserError as exc:
        raise UserError("phone_format") from exc
    form = check_form(body)
    try:
        otp.verify(session, person, _text(body.get("otp")))
    except otp.OtpError as exc:
        if exc.reason in ("otp_wrong", "otp_locked"):
            throttle.count_address(session, "verify", client)
            session.commit()
        status = 429 if exc.reason == "otp_locked" else 400
        raise UserError(exc.reason, status=status, tries=exc.tries_left) from exc
    now = utcnow()
    reg = Registration(person_id=person.id, province_code=person.province_code,
                       citizen_id=form.citizen_id, old_id=form.old_id,
                       full_name=form.full_name, dob=form.dob, sex=form.sex,
                       address=form.address, id_issued=form.id_issued, phone=phone,
                       email=form.email, photo=form.photo, scanned=form.scanned,
                       status=CaseStatus.SUBMITTED, submitted_at=now, updated_at=now)
    session.add(reg)
    session.flush()
    _event(session, reg, CaseStatus.SUBMITTED, "citizen")
    language.remember(session, person.id, lang)  # the outcome's SMS in this language
    session.commit()
    return reg, receipt_of(reg)


def status(session: Session, receipt: object) -> dict:
    """What the applicant's page shows: the status, the officer's reason or question, the
    timeline (who did what is for the officers; the applicant sees what happened)."""
    reg = _by_receipt(session, receipt)
    person = session.get(Person, reg.person_id)
    events = session.exec(select(CaseEvent).where(
        CaseEvent.case_kind == KIND, CaseEvent.case_id == str(reg.id))
        .order_by(col(CaseEvent.at), col(CaseEvent.id))).all()
    return {"id": reg.id, "code": person.code, "status": reg.status, "reason": reg.reason,
            "full_name": reg.full_name, "phone": mask_phone(reg.phone),
            # What an answer may correct, as the applicant sent it (the receipt is theirs).
            "form": {"citizen_id": reg.citizen_id, "full_name": reg.full_name,
                     "dob": reg.dob.isoformat()},
            "submitted_at": reg.submitted_at.isoformat(),
            "timeline": [{"status": e.status, "at": e.at.isoformat(),
                          "by": "agency" if e.actor == "officer" else e.actor,
                          "note": e.note} for e in events]}


def answer(session: Session, body: dict[str, object]) -> dict:
    """The applicant answers an officer's question: a note, corrections of any identity
    field (those not sent stay as they were) and a new photo; the registration goes back to
    the officers."""
    reg = _by_receipt(session, body.get("receipt"))
    if reg.status != CaseStatus.NEEDS_INFO:
        raise UserError("registration_not_waiting", status=409)
    note = " ".join(_text(body.get("note")).split())
    if len(note) > NOTE_MAX:
        raise UserError("answer_empty", max=NOTE_MAX)
    kept = {field: "" if getattr(reg, field) is None else str(getattr(reg, field))
            for field in FORM_FIELDS}
    form = check_form({**kept, **{k: v for k, v in body.items() if k in FORM_FIELDS},
                       "photo": body.get("photo")}, photo_required=False)
    changed = form.photo is not None
    for field in FORM_FIELDS:
        changed |= getattr(reg, field) != getattr(form, field)
        setattr(reg, field, getattr(form, field))
    if form.photo is not None:
        reg.photo = form.photo
    if not note and not changed:
        raise UserError("answer_empty", max=NOTE_MAX)
    reg.status, reg.updated_at = CaseStatus.SUBMITTED, utcnow()
    session.add(reg)
    _event(session, reg, CaseStatus.SUBMITTED, "citizen", note=note)
    session.commit()
    return status(session, receipt_of(reg))


# ---- the officer's decision -------------------------------------------------------------
ACTIONS = {"approve": CaseStatus.DONE, "reject": CaseStatus.REJECTED,
           "ask": CaseStatus.NEEDS_INFO}
NOTICE_KINDS = {CaseStatus.DONE: "registration_approved",
                CaseStatus.REJECTED: "registration_rejected",
                CaseStatus.NEEDS_INFO: "registration_needs_info"}


def _tell(session: Session, reg: Registration, person: Person, outcome: str) -> None:
    """The outcome by SMS to the registration's phone, one segment in every language: no
    reason in it (it is on the registration page and in the inbox, not on a lock screen).
    A gateway failure leaves the decision standing: the page and the inbox still tell."""
    lang = person.lang or "vi"
    try:
        sms = gateway()
        if outcome == CaseStatus.DONE:
            sms.send(session, reg.phone, person.code,
                     tr(lang, "BHXH wallet: your account is approved. Your social-insurance "
                              "code is {code}: log in with it.", code=person.code))
        elif outcome == CaseStatus.REJECTED:
            sms.send(session, reg.phone, person.code,
                     tr(lang, "BHXH wallet: your account registration was refused. The "
                              "reason is on the registration page."))
        else:
            sms.send(session, reg.phone, person.code,
                     tr(lang, "BHXH wallet: your account registration needs more "
                              "information. Answer on the registration page."))
    except SmsGatewayError:
        pass


def decide(session: Session, reg: Registration, staff_id: int, action: object,
           note: object, confirmed: bool = False) -> Registration:
    """Approve, refuse (with a reason) or ask for more (a question): the applicant is told
    by an inbox notice and by SMS to the registration's phone. Approval opens the account:
    the person may log in, with the proven phone as the account's phone. Differences from
    the record need `confirmed` (the officer checked the ID card). `reg` belongs to the
    officer's province (the caller checked)."""
    outcome = ACTIONS.get(_text(action))
    if outcome is None:
        raise UserError("decision_action")
    reason = " ".join(_text(note).split())
    if len(reason) > NOTE_MAX or (outcome != CaseStatus.DONE and not reason):
        raise UserError("decision_reason", max=NOTE_MAX)
    person = session.get(Person, reg.person_id)
    if outcome == CaseStatus.DONE and mismatches(reg, person) and not confirmed:
        raise UserError("decision_mismatch", status=409)
    now = utcnow()
    # Two officers deciding at once: only the first update finds the registration open.
    updated = session.connection().execute(
        Registration.__table__.update()
        .where(Registration.id == reg.id, Registration.status.in_(OPEN_STATUSES))
        .values(status=outcome, reason=reason, staff_id=staff_id, updated_at=now)).rowcount
    if updated != 1:
        raise UserError("registration_decided", status=409)
    session.refresh(reg)
    _event(session, reg, outcome, "officer", staff_id, reason)
    if outcome == CaseStatus.DONE:
        person.registered, person.phone = True, reg.phone
        session.add(person)
    notices.publish(session, person.id, NOTICE_KINDS[outcome], reason=reason)
    _tell(session, reg, person, outcome)
    session.commit()
    return reg
