"""News and user guides from the agency (role: officer publishes; anyone reads).

An officer writes a title and a text in each language they choose (at least one; a title
at most MAX_TITLE characters, a text at most MAX_BODY), marked as news or a guide. The
public list gives each item in the reader's language or the nearest one written
(announcements.nearest's order: theirs, English, Vietnamese, the others); the news screen
keeps the last list it fetched, so it stays readable offline.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlmodel import Session, col

from api.auth.models import StaffAccount
from api.clock import utcnow
from api.domain.models import NewsItem
from api.services.announcements import FALLBACK
from api.services.errors import UserError
from locales import LANGUAGES

MAX_TITLE = 120
MAX_BODY = 4000
KINDS = ("news", "guide")
LIMIT = 30


def _clean(value: object, keep_lines: bool = False) -> str:
    text = str(value or "")
    if keep_lines:  # paragraphs stay; spaces inside a line are made single
        lines = [" ".join(line.split()) for line in text.replace("\r", "").split("\n")]
        return "\n".join(lines).strip()
    return " ".join(text.split())


def publish(session: Session, account: StaffAccount, texts: object, kind: object) -> NewsItem:
    """Check and publish an item at once (commits)."""
    if kind not in KINDS:
        raise UserError("news_kind")
    if not isinstance(texts, dict):
        raise UserError("news_empty")
    cleaned: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        given = texts.get(lang) or {}
        if not isinstance(given, dict):
            raise UserError("news_empty")
        title, body = _clean(given.get("title")), _clean(given.get("body"), keep_lines=True)
        if bool(title) != bool(body):
            raise UserError("news_half", language=LANGUAGES[lang])
        if title:
            if len(title) > MAX_TITLE:
                raise UserError("news_title_too_long", max=MAX_TITLE)
            if len(body) > MAX_BODY:
                raise UserError("news_body_too_long", max=MAX_BODY)
            cleaned[lang] = {"title": title, "body": body}
    if not cleaned:
        raise UserError("news_empty")
    row = NewsItem(staff_id=account.id, kind=str(kind),
                   texts=json.dumps(cleaned, ensure_ascii=False), published_at=utcnow())
    session.add(row)
    session.commit()
    return row


def _rows(session: Session, limit: int) -> list[NewsItem]:
    return list(session.exec(select(NewsItem).order_by(col(NewsItem.published_at).desc(),
                                                       col(NewsItem.id).desc())
                             .limit(limit)).scalars())


def public(session: Session, lang: str, limit: int = LIMIT) -> list[dict]:
    """The newest items, each in `lang` or the nearest language written."""
    items = []
    for row in _rows(session, limit):
        texts = json.loads(row.texts)
        shown = next(c for c in (lang, *FALLBACK, *LANGUAGES, *texts) if c in texts)
        items.append({"id": row.id, "kind": row.kind, "lang": shown, **texts[shown],
                      "published": row.published_at.isoformat()})
    return items


def recent(session: Session, limit: int = LIMIT) -> list[dict]:
    """The newest items with every language written and who published them (the console)."""
    rows = session.exec(select(NewsItem, StaffAccount.staff_code)
                        .join(StaffAccount, col(StaffAccount.id) == col(NewsItem.staff_id))
                        .order_by(col(NewsItem.id).desc()).limit(limit)).all()
    return [{"id": n.id, "kind": n.kind, "texts": json.loads(n.texts), "by": staff_code,
             "published": n.published_at.isoformat()} for n, staff_code in rows]
