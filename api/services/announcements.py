"""Announcements from the agency (role: officer writes; everyone addressed reads them as a
notice, pushed to their phone).

An officer writes one text per language they choose (at least one, each at most
MAX_TEXT characters: it travels in a web push, whose payload is at most 4 KB) to everyone,
one province or one beneficiary group. The scheduler (`make notify`,
api/services/notice_schedule.py) then makes each addressed person's notice, in their
language or the nearest one written (`nearest`), once per person however often it runs.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlmodel import Session, col

from api.auth.models import StaffAccount
from api.clock import utcnow
from api.domain.models import Announcement, HealthCard, Person
from api.domain.provinces import CURRENT
from api.services.errors import UserError
from locales import LANGUAGES, labels

MAX_TEXT = 800
AUDIENCES = ("all", "province", "group")
# After the reader's own language: English, read by most foreign workers, then Vietnamese,
# the language of the country, then the others.
FALLBACK = ("en", "vi")


def nearest(texts: dict[str, str], lang: str) -> str:
    """The text for a reader of `lang`: theirs, else the nearest language written."""
    for candidate in (lang, *FALLBACK, *LANGUAGES):
        if texts.get(candidate):
            return texts[candidate]
    return ""


def create(session: Session, account: StaffAccount, texts: object, audience: object,
           code: object = "") -> Announcement:
    """Check and keep an announcement (commits); the scheduler sends it."""
    if not isinstance(texts, dict):
        raise UserError("announcement_empty")
    cleaned = {lang: " ".join(str(texts.get(lang) or "").split()) for lang in LANGUAGES}
    cleaned = {lang: text for lang, text in cleaned.items() if text}
    if not cleaned:
        raise UserError("announcement_empty")
    if any(len(text) > MAX_TEXT for text in cleaned.values()):
        raise UserError("announcement_too_long", max=MAX_TEXT)
    code = str(code or "").strip().upper()
    if audience not in AUDIENCES or (audience == "province" and code not in CURRENT) or (
            audience == "group" and code not in labels.BENEFICIARY_GROUPS):
        raise UserError("announcement_audience")
    row = Announcement(staff_id=account.id, texts=json.dumps(cleaned, ensure_ascii=False),
                       audience=str(audience), audience_code="" if audience == "all" else code,
                       created_at=utcnow())
    session.add(row)
    session.commit()
    return row


def recent(session: Session, limit: int = 50) -> list[dict]:
    """The newest announcements, for the console's list."""
    rows = session.exec(select(Announcement, StaffAccount.staff_code)
                        .join(StaffAccount, col(StaffAccount.id) == col(Announcement.staff_id))
                        .order_by(col(Announcement.id).desc()).limit(limit)).all()
    return [{"id": a.id, "texts": json.loads(a.texts), "audience": a.audience,
             "code": a.audience_code, "by": staff_code, "created": a.created_at.isoformat(),
             "sent": a.sent_at.isoformat() if a.sent_at else None, "recipients": a.recipients}
            for a, staff_code in rows]


def addressed(row: Announcement, after: int, limit: int):
    """The statement for the next `limit` people the announcement addresses after person id
    `after`: (person id, language), in id order."""
    query = select(Person.id, Person.lang).where(col(Person.id) > after)
    if row.audience == "province":
        query = query.where(col(Person.province_code) == row.audience_code)
    elif row.audience == "group":
        query = query.join(HealthCard, col(HealthCard.person_id) == col(Person.id)).where(
            col(HealthCard.group_code) == row.audience_code)
    return query.order_by(Person.id).limit(limit)
