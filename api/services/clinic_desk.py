"""The clinic desk's records: typed look-ups, online scans, the holder's photo, the visits a
desk records (through the delta-sync push) and the card-view log behind the citizen's "who
viewed my card" list.

What a clinic may see, and how it is kept to that:
- **Exact identifiers only.** A look-up takes one whole 10-digit code, 15-character card
  number or 12-digit personal ID and answers one card; there is no partial or name search
  and no list of people. Typed look-ups are slowed per desk account and per network address
  (the soft, never-closing style of api/auth/throttle.py), and misses more so, so guessing
  numbers to find people gets slow while a busy desk is never stopped.
- **Only the fields a desk needs**: the card's claims (the same as in the card QR), whether
  this facility is the holder's primary-care facility and whether the card is revoked; never
  the address, phone or personal ID number.
- **The photo only after a check**: a facility sees a holder's photo only if it scanned the
  card online or typed its number in the last `PHOTO_WINDOW`.
- **Every look is logged** (a CardView, and a "cardview" document synced to the citizen):
  scan, typed, photo, visit, with facility, staff member and time.
- A facility's visit list holds its own check-ins of today only; the names of visits typed
  offline (never checked by this facility online) are not given back.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from api.auth import throttle
from api.auth.models import StaffAccount
from api.card import keys, revocation
from api.card.verifier import Trust, Verdict, verify_any
from api.clock import VIETNAM, utcnow, vietnam_today
from api.domain.codes import IdentifierError, parse_identifier
from api.domain.models import CardView, CheckIn, Facility, HealthCard, Person, Revocation
from api.services import notices, revocations
from api.services.errors import UserError
from locales import labels
from sync import changes, documents

PHOTO_WINDOW = dt.timedelta(hours=12)
HOW = ("scan", "typed")
# Visit times the server accepts from a desk's clock: a desk may stay offline for days, but
# a time far in the future or months back is a wrong clock.
VISIT_PAST = dt.timedelta(days=30)
VISIT_FUTURE = dt.timedelta(hours=1)
MAX_LISTED = 500
# Typed look-ups in the last hour before each further one waits (PAUSE_STEP s more each, at
# most PAUSE_CAP): per desk account, per address (a hospital's desks share one), and for
# numbers that match nobody (what guessing produces).
SOFT_LIMITS = {"clinic_lookup:staff": 120, "clinic_lookup:client": 400,
               "clinic_miss:staff": 10}


# ---- the card-view log ------------------------------------------------------------------
def log_view(session: Session, person: Person, facility: Facility, account: StaffAccount,
             action: str, at: dt.datetime | None = None) -> CardView:
    """Log one look at a person's card and tell the citizen's phone (sync change)."""
    if action not in labels.VIEW_ACTIONS:
        raise ValueError(action)
    view = CardView(person_id=person.id, facility_id=facility.id, staff_id=account.id,
                    action=action, at=at or utcnow())
    session.add(view)
    session.flush()
    changes.record(session, person.id, documents.cardview(view, facility, account))
    return view


def facility_of(session: Session, account: StaffAccount) -> Facility:
    """The desk's facility (a clinic account always has one)."""
    facility = session.get(Facility, account.facility_id) if account.facility_id else None
    if facility is None:
        raise UserError("wrong_role", status=403)
    return facility


def _pause(session: Session, account: StaffAccount, client: str) -> float:
    return throttle.soft_pause(session, [
        ("clinic_lookup:staff", account.staff_code, SOFT_LIMITS["clinic_lookup:staff"]),
        ("clinic_lookup:client", client, SOFT_LIMITS["clinic_lookup:client"]),
        ("clinic_miss:staff", account.staff_code, SOFT_LIMITS["clinic_miss:staff"])])


async def wait_before_lookup(session: Session, account: StaffAccount, client: str) -> float:
    """Wait out the slow-down for a typed look-up (without holding a connection)."""
    return await throttle.sleep_off(session, _pause(session, account, client))


def _card_claims(card: HealthCard, person: Person, facility: Facility | None) -> dict:
    """A card as the desk shows it: the card QR's claim names (assets/clinic/verdict.js)."""
    return {"code": person.code, "fullName": person.full_name, "dob": person.dob.isoformat(),
            "sex": person.sex, "group": card.group_code, "level": card.benefit_level,
            "facility": facility.code if facility else "",
            "validTo": card.valid_to.isoformat(), "issuedAt": card.issued_at.isoformat()}


def _revoked(session: Session, card: HealthCard) -> bool:
    row = session.get(Revocation, revocation.card_entry(card.number, card.issued_at).hex())
    return row is not None and not row.gone


def _person_by_identifier(session: Session, typed: str) -> Person:
    try:
        ident = parse_identifier(typed)
    except IdentifierError as exc:
        raise UserError("desk_format") from exc
    column = Person.citizen_id if ident.kind == "citizen_id" else Person.code
    person = session.exec(select(Person).where(column == ident.value)).first()
    if person is None:
        raise UserError("unknown_card", status=404)
    return person


def lookup(session: Session, account: StaffAccount, typed: str, client: str) -> dict:
    """A typed code, card number or personal ID: the card, logged as "typed" (commits the
    attempt count even when nothing is found)."""
    facility = facility_of(session, account)
    throttle.count(session, "clinic_lookup:staff", account.staff_code)
    throttle.count(session, "clinic_lookup:client", client)
    try:
        person = _person_by_identifier(session, typed)
        card = session.exec(select(HealthCard).where(HealthCard.person_id == person.id)).first()
        if card is None:
            raise UserError("unknown_card", status=404)
    except UserError as exc:
        if exc.reason == "unknown_card":
            throttle.count(session, "clinic_miss:staff", account.staff_code)
        session.commit()
        raise
    log_view(session, person, facility, account, "typed")
    return {"card": _card_claims(card, person, session.get(Facility, card.facility_id)),
            "primary_here": card.facility_id == facility.id,
            "revoked": _revoked(session, card)}


def _camel(claims: dict) -> dict:
    names = {"full_name": "fullName", "valid_to": "validTo", "issued_at": "issuedAt",
             "valid_from": "validFrom", "not_after": "notAfter"}
    return {names.get(k, k): v for k, v in claims.items()}


def scan(session: Session, account: StaffAccount, text: str) -> tuple[Verdict, dict]:
    """A QR the desk scanned while online, verified here too. A valid card of a person on
    file is logged as "scan"; the answer says whether a photo can be shown."""
    facility = facility_of(session, account)
    now = utcnow()
    verdict = verify_any(text, Trust(keys.trusted_keys(),
                                     frozenset(revocations.active(session))),
                         int(now.timestamp()), vietnam_today())
    if not verdict.ok:
        return verdict, {}
    claims = verdict.claims or {}
    person = session.exec(select(Person).where(Person.code == claims.get("code"))).first()
    if person is not None:
        log_view(session, person, facility, account, "scan", now)
    return verdict, {"ok": True, "kind": verdict.kind, "holderBound": verdict.holder_bound,
                     "claims": _camel(claims),
                     "primary_here": claims.get("facility") == facility.code,
                     "photo": bool(person is not None and person.photo)}


def checked_recently(session: Session, person_id: int, facility_id: int) -> bool:
    """Whether this facility scanned or typed the person's card in the last PHOTO_WINDOW."""
    return session.exec(select(CardView.id).where(
        CardView.person_id == person_id, CardView.facility_id == facility_id,
        col(CardView.action).in_(HOW), CardView.at >= utcnow() - PHOTO_WINDOW)).first() \
        is not None


def photo(session: Session, account: StaffAccount, code: str) -> bytes:
    """The holder's photo, for a facility that checked the card lately (logged "photo")."""
    facility = facility_of(session, account)
    person = session.exec(select(Person).where(Person.code == (code or "").strip())).first() \
        if (code or "").strip().isdigit() else None
    if person is None or not checked_recently(session, person.id, facility.id):
        raise UserError("photo_not_allowed", status=403)  # the same for unknown: no probing
    if not person.photo:
        raise UserError("not_found", status=404)
    log_view(session, person, facility, account, "photo")
    return person.photo


def today_start(now: dt.datetime | None = None) -> dt.datetime:
    """Midnight of today in Vietnam, as UTC."""
    local = (now or utcnow()).astimezone(VIETNAM)
    return dt.datetime.combine(local.date(), dt.time(), VIETNAM).astimezone(dt.UTC)


def visits_today(session: Session, account: StaffAccount) -> dict:
    """This facility's check-ins of today, newest first (never another facility's)."""
    facility = facility_of(session, account)
    rows = session.exec(select(CheckIn, Person).join(Person)
                        .where(CheckIn.facility_id == facility.id,
                               CheckIn.at >= today_start())
                        .order_by(col(CheckIn.at).desc()).limit(MAX_LISTED)).all()
    out = []
    for row, person in rows:
        # A code typed offline was never shown to this facility: its name is not told here.
        named = not (row.how == "typed" and row.checked_offline) or checked_recently(
            session, person.id, facility.id)
        out.append({"id": row.id, "code": person.code,
                    "full_name": person.full_name if named else "",
                    "at": row.at.astimezone(dt.UTC).isoformat(), "reason": row.reason,
                    "checked_offline": row.checked_offline, "how": row.how,
                    "mine": row.staff_id == account.id})
    return {"facility": facility.code, "visits": out}


# ---- the visit, pushed by the desk through the delta sync ---------------------------------
def _visit_time(value: object) -> dt.datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise UserError("visit_time")
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UserError("visit_time") from exc
    moment = (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
    now = utcnow()
    if not now - VISIT_PAST <= moment <= now + VISIT_FUTURE:
        raise UserError("visit_time")
    return moment


def record_visit(session: Session, account: StaffAccount, data: dict) -> None:
    """The "visit.checkin" mutation: {checkin_id, code, reason, at, checked_offline, how,
    staff_code}. Idempotent on checkin_id as well as on the mutation id; refused when it was
    recorded under another staff code."""
    facility = facility_of(session, account)
    recorded_by = data.get("staff_code", account.staff_code)
    if recorded_by != account.staff_code:
        # A desk device shared by staff: a visit goes under the account that recorded it.
        raise UserError("visit_other_staff", status=409, staff=str(recorded_by)[:20])
    checkin_id = data.get("checkin_id")
    if not isinstance(checkin_id, str) or not 8 <= len(checkin_id) <= 40:
        raise UserError("bad_request")
    existing = session.get(CheckIn, checkin_id)
    if existing is not None:
        if existing.facility_id != facility.id:
            raise UserError("not_found", status=404)
        return  # the same visit sent again (a new mutation id for it): recorded once
    reason, how = data.get("reason"), data.get("how", "scan")
    if reason not in labels.VISIT_REASONS:
        raise UserError("visit_reason")
    if how not in HOW or not isinstance(data.get("checked_offline", False), bool):
        raise UserError("bad_request")
    at = _visit_time(data.get("at"))
    code = data.get("code")
    person = _person_by_identifier(session, code if isinstance(code, str) else "")
    row = CheckIn(id=checkin_id, person_id=person.id, facility_id=facility.id,
                  staff_id=account.id, at=at, reason=reason,
                  checked_offline=bool(data.get("checked_offline", False)), how=how,
                  recorded_at=utcnow())
    session.add(row)
    session.flush()
    changes.record(session, person.id, documents.checkin(row, facility))
    log_view(session, person, facility, account, "visit", at)
    # The person hears of it on their phone: a visit they did not make is card misuse.
    notices.publish(session, person.id, "visit_recorded", facility=facility.name,
                    day=at.astimezone(VIETNAM).date().isoformat())


# Mutation type -> handler, for a clinic session's push (sync/protocol.py). A clinic
# session gets only these; a citizen session never gets them.
HANDLERS = {"visit.checkin": record_visit}
