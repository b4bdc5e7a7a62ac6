"""Notices to a person (server-side writes that phones receive through sync)."""

from __future__ import annotations

import json

from sqlmodel import Session

from api.clock import utcnow
from api.domain.models import Notice
from locales import N_
from sync import changes, documents

# kind -> message id; params fill its placeholders (the phone translates it).
KINDS = {
    "card_expiring": N_("Your health-insurance card expires on {day}. Renew it in time."),
    "contribution_due": N_("Your voluntary contribution for {month} is due."),
    "new_visit": N_("A new insured visit was recorded: {facility}, {amount}."),
    "pension_adjusted": N_("Your pension was adjusted from {day}."),
}


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
