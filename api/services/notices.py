"""Notices to a person (server-side writes that phones receive through sync)."""

from __future__ import annotations

import json

from sqlmodel import Session

from api.clock import utcnow
from api.domain.models import Notice
from locales import labels
from sync import changes, documents

# kind -> message id; params fill its placeholders (the phone translates it).
KINDS = labels.NOTICES


def publish(session: Session, person_id: int, kind: str, **params: object) -> Notice:
    """Create a notice and log it for sync, in the caller's transaction (caller commits)."""
    if kind not in KINDS:
        raise ValueError(f"unknown notice kind {kind}")
    row = Notice(person_id=person_id, kind=kind, params=json.dumps(params, ensure_ascii=False),
                 created_at=utcnow())
    session.add(row)
    session.flush()
    changes.record(session, person_id, documents.notice(row))
    return row
