"""The two messages of the sync protocol (documented in the README, "Delta sync").

pull: GET /api/sync/pull?since=<cursor>&limit=<n>
  -> {"schema": 1, "reset": bool, "cursor": "1.<seq>", "has_more": bool,
      "changes": [{"op": "put", "type": t, "id": i, "doc": {...}} | {"op": "delete", ...}]}
  An empty or foreign-schema cursor gets every document ("reset": true: replace the store).
push: POST /api/sync/push {"mutations": [{"id": <client uuid>, "type": t, "data": {...}}]}
  -> {"acked": [ids], "rejected": [{"id", "error", "message"}]}
  Each mutation is applied at most once (its id is stored with it, in the same transaction);
  a retried mutation is acknowledged again without being applied again.

Conflict policy: official records (card, profile, participation, benefits, visits, notice
contents) are server-authoritative; the phone may only mark a notice read. Records the
person creates (service-request drafts) merge: the edit with the later phone timestamp wins,
deleting wins over older edits.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from sqlalchemy.exc import DataError, IntegrityError
from sqlmodel import Session, select

from api.clock import utcnow
from api.domain.models import Notice, Person, ServiceDraft
from api.services.errors import UserError, explain
from locales import labels
from sync import changes, documents
from sync.models import AppliedMutation

SCHEMA = 1
MAX_LIMIT = 1000
MAX_MUTATIONS = 200  # per push; the phone sends its queue in batches of this size
DRAFT_KINDS = tuple(labels.REQUESTS)
DRAFT_TEXT_MAX = labels.DRAFT_TEXT_MAX  # characters; the phone counts them as they are typed


def parse_cursor(cursor: str | None) -> int | None:
    """The seq in a cursor, or None when the phone must reset (empty, other schema, junk)."""
    schema, _, seq = (cursor or "").partition(".")
    if schema != str(SCHEMA) or not seq.isdigit() or len(seq) > 18:  # fits a BIGINT
        return None
    return int(seq)


def _cursor(seq: int) -> str:
    return f"{SCHEMA}.{seq}"


def _put(doc: documents.Doc) -> dict:
    kind, ident, body = doc
    return {"op": "put", "type": kind, "id": ident, "doc": body}


def pull(session: Session, person_id: int, cursor: str | None, limit: int = 500) -> dict:
    """Changes after the cursor (or everything, for a reset). The person's row (with its
    photo) is read only for a reset: a pull with a cursor touches the change log alone."""
    limit = max(1, min(limit, MAX_LIMIT))
    seq = parse_cursor(cursor)
    if seq is None:
        head = changes.head(session, person_id)  # read first: later changes come again
        person = session.get(Person, person_id)
        return {"schema": SCHEMA, "reset": True, "cursor": _cursor(head), "has_more": False,
                "changes": [_put(d) for d in documents.all_documents(session, person)]}
    rows = changes.since(session, person_id, seq, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    out = []
    for row in rows:
        if row.op == "delete":
            out.append({"op": "delete", "type": row.entity, "id": row.entity_id})
        else:
            out.append({"op": "put", "type": row.entity, "id": row.entity_id,
                        "doc": json.loads(row.payload or "{}")})
    return {"schema": SCHEMA, "reset": False, "cursor": _cursor(rows[-1].seq if rows else seq),
            "has_more": more, "changes": out}


# ---- mutations --------------------------------------------------------------------------
def _notice_read(session: Session, person: Person, data: dict) -> None:
    notice_id = data.get("notice_id")
    if not isinstance(notice_id, int) or not 0 < notice_id < 2**31:
        raise UserError("bad_request")
    row = session.get(Notice, notice_id)
    if row is None or row.person_id != person.id:
        raise UserError("not_found", status=404)
    if row.read_at is None:
        row.read_at = utcnow()
        session.add(row)
        changes.record(session, person.id, documents.notice(row))


def _phone_time(value: object) -> dt.datetime:
    moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _draft_save(session: Session, person: Person, data: dict) -> None:
    draft_id, kind = str(data.get("draft_id", "")), str(data.get("kind", ""))
    text, updated = str(data.get("text", "")), _phone_time(data.get("updated"))
    if not 0 < len(draft_id) <= 40 or kind not in DRAFT_KINDS:  # an id is never cut either
        raise UserError("bad_request")
    if len(text) > DRAFT_TEXT_MAX:  # refused with the reason, never cut: nothing is lost
        raise UserError("draft_too_long", status=422, over=len(text) - DRAFT_TEXT_MAX,
                        max=DRAFT_TEXT_MAX)
    row = session.get(ServiceDraft, draft_id)
    if row is not None and row.person_id != person.id:
        raise UserError("not_found", status=404)
    if row is not None and row.updated_at >= updated:
        return  # an edit made later (on the phone's clock) is already here
    row = row or ServiceDraft(id=draft_id, person_id=person.id, kind=kind, text=text,
                              updated_at=updated)
    row.kind, row.text, row.updated_at = kind, text, updated
    session.add(row)
    changes.record(session, person.id, documents.draft(row))


def _draft_delete(session: Session, person: Person, data: dict) -> None:
    row = session.get(ServiceDraft, str(data.get("draft_id", "")))
    if row is None or row.person_id != person.id:
        return  # already gone: deleting is idempotent
    session.delete(row)
    changes.record(session, person.id, delete=("draft", row.id))


# The citizen's mutations. A clinic session pushes with its own handlers instead
# (api/services/clinic_desk.HANDLERS: "visit.checkin"), never these, and the other way round.
HANDLERS: dict[str, Callable[[Session, Person, dict], None]] = {
    "notice.read": _notice_read,
    "draft.save": _draft_save,
    "draft.delete": _draft_delete,
}


def push(session: Session, person: Person, mutations: list, lang: str,
         handlers: dict[str, Callable[[Session, object, dict], None]] | None = None,
         subject: object = None) -> dict:
    """Apply each mutation once, each in its own transaction; acknowledge or refuse it.
    At most MAX_MUTATIONS at a time (413 "too_many_changes": nothing applied, the phone
    keeps them), so an answer stays small whatever is sent.

    `handlers` are the mutation types the session's role may send (default: the citizen's),
    each called with `subject` (default: the person; a clinic desk's: its staff account).
    Applied mutations are filed under `person` (for a desk: its staff member's person)."""
    handlers = HANDLERS if handlers is None else handlers
    subject = person if subject is None else subject
    if not isinstance(mutations, list):
        raise UserError("bad_request")
    if len(mutations) > MAX_MUTATIONS:
        raise UserError("too_many_changes", status=413, limit=MAX_MUTATIONS)
    acked, rejected = [], []
    for item in mutations:
        raw_id = str(item.get("id", "")) if isinstance(item, dict) else ""
        ident = raw_id[:40]  # echoed back: never more than this
        kind = str(item.get("type", "")) if isinstance(item, dict) else ""
        if not 8 <= len(raw_id) <= 40 or kind not in handlers:
            rejected.append({"id": ident, "error": "bad_request",
                             "message": explain("bad_request", lang)})
            continue
        done = session.exec(select(AppliedMutation.id).where(
            AppliedMutation.person_id == person.id,
            AppliedMutation.mutation_id == ident)).first()
        if done is not None:
            acked.append(ident)  # a retry: already applied once
            continue
        try:
            data = item.get("data") if isinstance(item.get("data"), dict) else {}
            handlers[kind](session, subject, data)
            session.add(AppliedMutation(person_id=person.id, mutation_id=ident, kind=kind,
                                        applied_at=utcnow()))
            session.commit()
            acked.append(ident)
        except UserError as exc:
            session.rollback()
            rejected.append({"id": ident, "error": exc.reason, "message": exc.message(lang)})
        except IntegrityError:
            session.rollback()  # the same id applied concurrently: it is applied once
            acked.append(ident)
        except (ValueError, TypeError, OverflowError, DataError):
            session.rollback()
            rejected.append({"id": ident, "error": "bad_request",
                             "message": explain("bad_request", lang)})
    return {"acked": acked, "rejected": rejected}
