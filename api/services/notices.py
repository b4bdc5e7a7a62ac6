"""Notices to a person (server-side writes that phones receive through sync)."""

from __future__ import annotations

import json

from sqlmodel import Session

from api.clock import utcnow
from api.domain.models import Notice
from api.push import sender
from locales import labels
from sync import changes, documents

# kind -> message id; params fill its placeholders (the phone translates it).
KINDS = labels.NOTICES


def publish(session: Session, person_id: int, kind: str, *, push: bool = True,
            **params: object) -> Notice:
    """Create a notice, log it for sync and queue it as a web push to the person's phone
    (api/push/sender.py; `push=False`: inbox only, as the seed does), in the caller's
    transaction (caller commits)."""
    if kind not in KINDS:
        raise ValueError(f"unknown notice kind {kind}")
    row = Notice(person_id=person_id, kind=kind, params=json.dumps(params, ensure_ascii=False),
                 created_at=utcnow())
    session.add(row)
    session.flush()
    changes.record(session, person_id, documents.notice(row))
    if push:
        sender.queue(session, [row])
    return row
