"""The two messages of the sync protocol (documented in the README, "Delta sync").

pull: GET /api/sync/pull?since=<cursor>&limit=<n>
  -> {"schema": 1, "reset": bool, "cursor": "1.<seq>", "has_more": bool,
      "changes": [{"op": "put", "type": t, "id": i, "doc": {...}} | {"op": "delete", ...}]}
  An empty or foreign-schema cursor gets every document ("reset": true: replace the store).
push: POST /api/sync/push {"mutations": [{"id": <client uuid>, "type": t, "data": {...}}]}
  -> {"acked": [ids], "rejected": [{"id", "error", "message"}]}
  Each mutation is applied at most once (its id is stored with it, in the same transaction);
  a retried mutation is acknowledged again without being applied again. One push is one
  database transaction; the body may be gzip-compressed (Content-Encoding: gzip).

Conflict policy: official records (card, profile, participation, benefits, visits, notice
contents) are server-authoritative; the phone may only mark a notice read. Records the
person creates (service-request drafts) merge: the edit with the later phone timestamp wins,
deleting wins over older edits.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from sqlalchemy import insert
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlmodel import Session, col, select

from api.clock import utcnow
from api.domain.models import Notice, Person, ServiceDraft
from api.services import service_requests
from api.services.errors import UserError, explain
from locales import labels
from sync import changes, documents
from sync.models import AppliedMutation

SCHEMA = 1
MAX_LIMIT = 1000
MAX_MUTATIONS = 200  # per push; the phone sends its queue in batches of this size
DRAFT_KINDS = tuple(labels.REQUESTS)
DRAFT_TEXT_MAX = labels.DRAFT_TEXT_MAX  # characters; the phone counts them as they are typed
DRAFT_FIELDS_MAX = 12  # form fields a draft keeps


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


# session.info key: the drafts this push looked up, by id (None: not there), kept up to date
# as its mutations create, change and delete them (see _prefetch_drafts).
_DRAFTS = "sync_push_drafts"


def _prefetch_drafts(session: Session, mutations: list, wanted: list[tuple[str, str]]) -> None:
    """Load every draft a push names in one query, instead of one query per mutation."""
    names = {str(item["data"].get(_DRAFT_NAMED_BY[kind], ""))[:40]
             for item, (_, kind) in zip(mutations, wanted, strict=True)
             if kind in _DRAFT_NAMED_BY and isinstance(item.get("data"), dict)}
    names.discard("")
    found = {row.id: row for row in session.exec(
        select(ServiceDraft).where(col(ServiceDraft.id).in_(names))).all()} if names else {}
    session.info[_DRAFTS] = {name: found.get(name) for name in names}


def _draft(session: Session, draft_id: str) -> ServiceDraft | None:
    known = session.info.get(_DRAFTS, {})
    if draft_id in known:
        return known[draft_id]  # looked up with the whole push (or made by it)
    return session.get(ServiceDraft, draft_id)


def _draft_fields(value: object) -> str:
    """A draft's form fields as JSON: a flat object of short texts (they are checked only
    when the request is submitted: a draft may be half-written)."""
    value = value if isinstance(value, dict) else {}
    if len(value) > DRAFT_FIELDS_MAX or any(
            not isinstance(k, str) or len(k) > 32 or not isinstance(v, str | int)
            or len(str(v)) > 200 for k, v in value.items()):
        raise UserError("bad_request")
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _draft_save(session: Session, person: Person, data: dict) -> None:
    draft_id, kind = str(data.get("draft_id", "")), str(data.get("kind", ""))
    text, updated = str(data.get("text", "")), _phone_time(data.get("updated"))
    if not 0 < len(draft_id) <= 40 or kind not in DRAFT_KINDS:  # an id is never cut either
        raise UserError("bad_request")
    fields = _draft_fields(data.get("fields"))
    if len(text) > DRAFT_TEXT_MAX:  # refused with the reason, never cut: nothing is lost
        raise UserError("draft_too_long", status=422, over=len(text) - DRAFT_TEXT_MAX,
                        max=DRAFT_TEXT_MAX)
    row = _draft(session, draft_id)
    if row is not None and row.person_id != person.id:
        raise UserError("not_found", status=404)
    if row is not None and row.updated_at >= updated:
        return  # an edit made later (on the phone's clock) is already here
    new = row is None
    row = row or ServiceDraft(id=draft_id, person_id=person.id, kind=kind, text=text,
                              fields=fields, updated_at=updated)
    row.kind, row.text, row.fields, row.updated_at = kind, text, fields, updated
    session.add(row)
    # A new draft's change is inserted with the push's other rows, in one statement.
    changes.record(session, person.id, documents.draft(row), new=new)
    if _DRAFTS in session.info:
        session.info[_DRAFTS][draft_id] = row


def _draft_delete(session: Session, person: Person, data: dict) -> None:
    row = _draft(session, str(data.get("draft_id", "")))
    if row is None or row.person_id != person.id:
        return  # already gone: deleting is idempotent
    if row in session.new:
        session.flush()  # made by this push and not written yet: write it, to delete it
    session.delete(row)
    changes.record(session, person.id, delete=("draft", row.id))
    if _DRAFTS in session.info:
        session.info[_DRAFTS][row.id] = None


def _request_submit(session: Session, person: Person, data: dict) -> None:
    """Submit a draft as a request: the request is kept under the draft's id and the draft
    goes (deleted as any draft is, so a push that saves and submits it sees it gone)."""
    service_requests.submit(session, person, data)
    _draft_delete(session, person, {"draft_id": str(data.get("request_id", ""))})


# Mutations that name a draft, and the field that names it (looked up with the whole push).
_DRAFT_NAMED_BY = {"draft.save": "draft_id", "draft.delete": "draft_id",
                   "request.submit": "request_id"}


# The citizen's mutations. A clinic session pushes with its own handlers instead
# (api/services/clinic_desk.HANDLERS: "visit.checkin"), never these, and the other way round.
HANDLERS: dict[str, Callable[[Session, Person, dict], None]] = {
    "notice.read": _notice_read,
    "draft.save": _draft_save,
    "draft.delete": _draft_delete,
    # Submitting a draft as a request, answering the agency, withdrawing
    # (api/services/service_requests.py).
    **service_requests.HANDLERS,
    "request.submit": _request_submit,
}


class _Isolate(Exception):
    """A mutation of the batch failed: apply them again, each in its own savepoint."""


def push(session: Session, person: Person, mutations: list, lang: str,
         handlers: dict[str, Callable[[Session, object, dict], None]] | None = None,
         subject: object = None) -> dict:
    """Apply each mutation once and acknowledge or refuse it, all in the caller's one
    transaction (the route's session commits once, at the end). At most MAX_MUTATIONS at a
    time (413 "too_many_changes": nothing applied, the phone keeps them), so an answer stays
    small whatever is sent.

    Each mutation's AppliedMutation row is written with its changes, so it is applied
    exactly when it is recorded as applied; the ids already applied are looked up in one
    query, and a retry is only acknowledged. The usual push (every mutation good) runs as
    one batch in one savepoint, its new rows inserted together at the end. If any mutation
    fails, the batch is rolled back and the mutations are applied again one savepoint each:
    a refused one is rolled back alone and the others stay. A mutation that meets a
    transient database error (a deadlock between two desks) is then neither acknowledged nor
    refused: the phone keeps it and sends it again at the next sync.

    `handlers` are the mutation types the session's role may send (default: the citizen's),
    each called with `subject` (default: the person; a clinic desk's: its staff account).
    Applied mutations are filed under `person` (for a desk: its staff member's person)."""
    handlers = HANDLERS if handlers is None else handlers
    subject = person if subject is None else subject
    if not isinstance(mutations, list):
        raise UserError("bad_request")
    if len(mutations) > MAX_MUTATIONS:
        raise UserError("too_many_changes", status=413, limit=MAX_MUTATIONS)
    if subject is person:
        # A citizen's mutations change only their own documents: take the change-log lock
        # once, first, instead of once per change. It also makes the look-up of applied ids
        # below final on PostgreSQL: a concurrent push of the same person waits for ours.
        changes.lock(session, person.id)
    wanted = [_wanted(item, handlers) for item in mutations]
    ids = [ident for ident, kind in wanted if kind]
    done = set(session.exec(select(AppliedMutation.mutation_id).where(
        AppliedMutation.person_id == person.id,
        col(AppliedMutation.mutation_id).in_(ids))).all()) if ids else set()
    try:
        _prefetch_drafts(session, mutations, wanted)
        try:
            with session.begin_nested():
                return _apply_all(session, person, subject, handlers, mutations, wanted,
                                  set(done), lang, isolated=False)
        except _Isolate:
            _prefetch_drafts(session, mutations, wanted)  # as they are after the rollback
            return _apply_all(session, person, subject, handlers, mutations, wanted, done,
                              lang, isolated=True)
    finally:
        session.info.pop(_DRAFTS, None)


def _apply_all(session: Session, person: Person, subject: object, handlers: dict,
               mutations: list, wanted: list[tuple[str, str]], done: set[str], lang: str,
               isolated: bool) -> dict:
    acked, rejected, applied = [], [], []
    for item, (ident, kind) in zip(mutations, wanted, strict=True):
        if not kind:
            rejected.append({"id": ident, "error": "bad_request",
                             "message": explain("bad_request", lang)})
            continue
        if ident in done:
            acked.append(ident)  # a retry (or the same id twice): already applied once
            continue
        data = item.get("data")
        data = data if isinstance(data, dict) else {}
        if not isolated:
            try:
                handlers[kind](session, subject, data)
            except Exception as exc:
                raise _Isolate from exc
            applied.append({"person_id": person.id, "mutation_id": ident, "kind": kind,
                            "applied_at": utcnow()})
            acked.append(ident)
            done.add(ident)
            continue
        outcome = _apply(session, person, subject, handlers[kind], kind, ident, data)
        if outcome is None:
            acked.append(ident)
            done.add(ident)
        elif outcome != "later":
            rejected.append({"id": ident, "error": outcome[0], "message": outcome[1](lang)})
    if not isolated:
        try:
            session.flush()  # the batch's rows, inserted together
            if applied:  # one multi-row INSERT (no ids to read back, unlike the ORM's)
                session.execute(insert(AppliedMutation), applied)
        except Exception as exc:
            raise _Isolate from exc  # a concurrent push applied one: sort it out one by one
    return {"acked": acked, "rejected": rejected}


def _wanted(item: object, handlers: dict) -> tuple[str, str]:
    """(id as echoed back, type) of a pushed item; type "" when it is malformed."""
    raw_id = str(item.get("id", "")) if isinstance(item, dict) else ""
    kind = str(item.get("type", "")) if isinstance(item, dict) else ""
    if not 8 <= len(raw_id) <= 40 or kind not in handlers:
        kind = ""
    return raw_id[:40], kind  # the id is echoed back: never more than 40 characters


def _apply(session: Session, person: Person, subject: object, handler: Callable, kind: str,
           ident: str, data: dict) -> tuple[str, Callable[[str], str]] | str | None:
    """Run one mutation in a savepoint: None (applied, or applied concurrently), "later"
    (a transient database error: not answered) or (reason, message in a language)."""
    try:
        with session.begin_nested():
            handler(session, subject, data)
            session.add(AppliedMutation(person_id=person.id, mutation_id=ident, kind=kind,
                                        applied_at=utcnow()))
    except Exception as exc:
        # Rolled back: what the push remembered of its drafts may be gone with it.
        session.info.pop(_DRAFTS, None)
        if isinstance(exc, UserError):
            return exc.reason, exc.message
        if isinstance(exc, IntegrityError):
            return None  # the same id applied concurrently: it is applied once
        if isinstance(exc, (ValueError, TypeError, OverflowError, DataError)):
            return "bad_request", lambda lang: explain("bad_request", lang)
        if isinstance(exc, OperationalError):
            return "later"
        raise
    return None
