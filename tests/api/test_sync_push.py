"""The push half of delta sync, on SQLite and PostgreSQL: one database transaction per push
(counted on the real engine), a gzip-compressed body (accepted, its request proof over the
compressed bytes, refused with a clear JSON error when too big or damaged), exactly-once
across retries, and good and bad mutations side by side in one push."""

from __future__ import annotations

import gzip
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from api.domain.models import Person, ServiceDraft
from api.http import sync_routes
from api.services import notices
from api.services.errors import UserError
from sync import protocol
from tests.api.test_sync import AN, Phone

PATH = "/api/sync/push"


def drafts(n: int, prefix: str = "d") -> list[dict]:
    return [{"id": str(uuid.uuid4()), "type": "draft.save", "data": {
        "draft_id": f"{prefix}-{uuid.uuid4().hex[:12]}-{i}", "kind": "other",
        "text": f"Yêu cầu số {i}, viết khi không có mạng.",
        "updated": "2026-11-23T09:00:00Z"}} for i in range(n)]


@contextmanager
def counted(eng: Engine) -> Iterator[dict[str, int]]:
    """Commits and statements on the real engine while the block runs."""
    seen = {"commits": 0, "statements": 0}

    def on_commit(_conn) -> None:
        seen["commits"] += 1

    def on_statement(*_args) -> None:
        seen["statements"] += 1

    event.listen(eng, "commit", on_commit)
    event.listen(eng, "before_cursor_execute", on_statement)
    try:
        yield seen
    finally:
        event.remove(eng, "commit", on_commit)
        event.remove(eng, "before_cursor_execute", on_statement)


def stored(eng: Engine, sql: str, **params: object) -> int:
    with eng.connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


def raw_push(phone: Phone, body: bytes, encoding: str | None = "gzip",
             proof_over: bytes | None = None):
    """POST these exact bytes, with a proof over `proof_over` (default: the same bytes)."""
    headers = phone.device.headers("POST", PATH, body if proof_over is None else proof_over)
    if encoding:
        headers["Content-Encoding"] = encoding
    return phone.http.post(PATH, content=body, headers=headers)


def test_a_push_of_a_hundred_is_one_transaction(use_db: Engine) -> None:
    phone = Phone(use_db)
    mutations = drafts(100)
    with counted(use_db) as first:
        answer = phone.device.post(phone.http, PATH, {"mutations": mutations}, compress=True)
    assert answer.status_code == 200, answer.text
    assert len(answer.json()["acked"]) == 100
    assert first["commits"] == 1
    # No round trip per mutation for what a push can look up at once: a retry of all 100
    # (already applied) costs a handful of statements, not one per mutation.
    with counted(use_db) as retry:
        again = phone.device.post(phone.http, PATH, {"mutations": mutations}, compress=True)
    assert again.json() == {"acked": [m["id"] for m in mutations], "rejected": []}
    assert retry["commits"] == 1 and retry["statements"] < 20, retry
    # The batch's new rows are inserted together: at most one statement per mutation (the
    # change row, which SQLite inserts one at a time to read its seq back), plus a few.
    assert first["statements"] < 100 + 25, first


def test_a_compressed_push_is_applied_exactly_once_across_retries(use_db: Engine) -> None:
    phone = Phone(use_db)
    batch = drafts(3)
    body = {"mutations": batch}
    assert phone.device.post(phone.http, PATH, body, compress=True).json()["acked"] == [
        m["id"] for m in batch]
    # The answer was lost: the phone sends the same batch again, with one more change.
    more = batch + drafts(1, "late")
    answer = phone.device.post(phone.http, PATH, {"mutations": more}, compress=True).json()
    assert answer == {"acked": [m["id"] for m in more], "rejected": []}
    ids = [m["id"] for m in more]
    assert stored(use_db, "SELECT count(*) FROM appliedmutation WHERE mutation_id IN "
                  f"({', '.join(repr(i) for i in ids)})") == 4
    names = [m["data"]["draft_id"] for m in more]
    assert stored(use_db, "SELECT count(*) FROM change WHERE entity = 'draft' AND entity_id IN "
                  f"({', '.join(repr(n) for n in names)})") == 4
    # The same id twice in one push is applied once and acknowledged twice.
    twin = drafts(1, "twin")
    answer = phone.device.post(phone.http, PATH, {"mutations": twin * 2}, compress=True).json()
    assert answer["acked"] == [twin[0]["id"]] * 2
    assert stored(use_db, "SELECT count(*) FROM appliedmutation WHERE mutation_id = :m",
                  m=twin[0]["id"]) == 1


def test_one_draft_saved_twice_then_deleted_in_one_push(use_db: Engine) -> None:
    """Rows a push makes are written at its end: a later mutation of the same push still
    sees them (newer edit wins, a delete removes a draft not yet written)."""
    phone = Phone(use_db)
    cursor = phone.pull()[0]["cursor"]
    first, second, gone = drafts(1, "twice")[0], drafts(1, "twice")[0], drafts(1, "gone")[0]
    second["data"] |= {"draft_id": first["data"]["draft_id"], "text": "edited",
                       "updated": "2026-11-23T10:00:00Z"}
    delete = {"id": str(uuid.uuid4()), "type": "draft.delete",
              "data": {"draft_id": gone["data"]["draft_id"]}}
    answer = phone.device.post(phone.http, PATH, {"mutations": [first, gone, second, delete]},
                               compress=True).json()
    assert len(answer["acked"]) == 4 and answer["rejected"] == []
    delta = {(c["op"], c["id"]): c for c in phone.pull(cursor)[0]["changes"]}
    assert delta[("put", first["data"]["draft_id"])]["doc"]["text"] == "edited"
    assert ("delete", gone["data"]["draft_id"]) in delta and len(delta) == 2
    with Session(use_db) as s:
        assert s.get(ServiceDraft, gone["data"]["draft_id"]) is None


def test_good_and_bad_mutations_in_one_push(use_db: Engine) -> None:
    phone = Phone(use_db)
    with Session(use_db) as s:  # a notice of its own: other tests mark theirs read
        person = s.exec(select(Person).where(Person.code == AN)).one()
        mine = notices.publish(s, person.id, "contribution_due", month="2027-01").id
        s.commit()
    snapshot, _ = phone.pull()
    notice = next(c for c in snapshot["changes"] if c["type"] == "notice"
                  and c["id"] == str(mine))
    assert not notice["doc"]["read"]
    good = drafts(2)
    too_long = drafts(1, "long")[0]
    too_long["data"]["text"] = "x" * (protocol.DRAFT_TEXT_MAX + 1)
    missing = {"id": str(uuid.uuid4()), "type": "notice.read", "data": {"notice_id": 999999}}
    read = {"id": str(uuid.uuid4()), "type": "notice.read",
            "data": {"notice_id": int(notice["id"])}}
    junk = {"id": "short", "type": "draft.save"}
    answer = phone.device.post(phone.http, PATH, {"mutations": [
        good[0], too_long, missing, read, junk, good[1]]}, compress=True).json()
    assert answer["acked"] == [good[0]["id"], read["id"], good[1]["id"]]
    assert [(r["id"], r["error"]) for r in answer["rejected"]] == [
        (too_long["id"], "draft_too_long"), (missing["id"], "not_found"),
        ("short", "bad_request")]
    assert all(r["message"] for r in answer["rejected"])
    delta, _ = phone.pull(snapshot["cursor"])
    assert sorted((c["type"], c["id"]) for c in delta["changes"]) == sorted(
        [("draft", good[0]["data"]["draft_id"]), ("draft", good[1]["data"]["draft_id"]),
         ("notice", notice["id"])])
    # The refused ones are not recorded as applied: corrected, they can be sent again.
    assert stored(use_db, "SELECT count(*) FROM appliedmutation WHERE mutation_id IN "
                  f"('{too_long['id']}', '{missing['id']}')") == 0


def test_a_refused_mutation_rolls_back_only_its_own_writes(use_db: Engine) -> None:
    """A handler that wrote before it refused: its savepoint takes the write back, while
    the mutations before and after it in the same transaction stay."""

    def write_then_refuse(session: Session, person: Person, data: dict) -> None:
        session.add(ServiceDraft(id=data["draft_id"], person_id=person.id, kind="other",
                                 text="half", updated_at=protocol._phone_time("2026-11-23")))
        session.flush()
        raise UserError("bad_request")

    handlers = protocol.HANDLERS | {"test.half": write_then_refuse}
    ok = drafts(2)
    half = {"id": str(uuid.uuid4()), "type": "test.half", "data": {"draft_id": "half-1"}}
    with Session(use_db) as s:
        person = s.exec(select(Person).where(Person.code == AN)).one()
        answer = protocol.push(s, person, [ok[0], half, ok[1]], "en", handlers)
        s.commit()
    assert answer["acked"] == [ok[0]["id"], ok[1]["id"]]
    assert [r["id"] for r in answer["rejected"]] == [half["id"]]
    with Session(use_db) as s:
        assert s.get(ServiceDraft, "half-1") is None
        assert all(s.get(ServiceDraft, m["data"]["draft_id"]) for m in ok)


def test_the_proof_covers_the_compressed_bytes(use_db: Engine) -> None:
    phone = Phone(use_db)
    plain = json.dumps({"mutations": drafts(1)}).encode()
    packed = gzip.compress(plain)
    # A proof over the JSON text does not fit the compressed bytes sent.
    refused = raw_push(phone, packed, proof_over=plain)
    assert refused.status_code == 401 and refused.json()["error"] == "device_proof"
    assert raw_push(phone, packed).status_code == 200  # over the bytes on the wire
    # Uncompressed bodies are still taken (a browser without CompressionStream).
    fresh = json.dumps({"mutations": drafts(1)}).encode()
    assert raw_push(phone, fresh, encoding=None).json()["rejected"] == []


@pytest.mark.parametrize(("body", "encoding", "status", "reason"), [
    # A zip bomb: 2 MiB of JSON text in 2 KB; refused after one megabyte is inflated.
    (gzip.compress(b'{"mutations": [], "pad": "' + b" " * 2 * 2**20 + b'"}'), "gzip", 413,
     "too_large"),
    (b"\x1f\x8b\x08\x00 not gzip at all", "gzip", 400, "bad_encoding"),
    (gzip.compress(b'{"mutations": []}')[:-6], "gzip", 400, "bad_encoding"),  # cut short
    (gzip.compress(b'{"mutations": []}') * 2, "gzip", 400, "bad_encoding"),  # two members
    (b'{"mutations": []}', "br", 415, "bad_encoding"),
    (gzip.compress(b'{"mutations": [1, 2'), "gzip", 400, "bad_request"),  # not JSON inside
    (gzip.compress(b'[]'), "gzip", 400, "bad_request"),
])
def test_a_bad_compressed_body_gets_a_clear_json_error(use_db: Engine, body: bytes,
                                                       encoding: str, status: int,
                                                       reason: str) -> None:
    phone = Phone(use_db)
    phone.http.cookies.set("lang", "en")
    answer = raw_push(phone, body, encoding)
    assert answer.status_code == status, answer.text
    assert answer.json()["error"] == reason and answer.json()["message"]
    if reason == "too_large":
        assert answer.json()["message"] == (
            f"What was sent is too large (at most {sync_routes.MAX_INFLATED // 1024} KB). "
            "Shorten it and try again.")
    if reason == "bad_encoding":
        assert "could not be unpacked" in answer.json()["message"]


def test_the_inflated_limit_is_the_uncompressed_one() -> None:
    """Exactly at the limit is taken; one byte more is not."""
    at_limit = b" " * sync_routes.MAX_INFLATED
    assert len(sync_routes.inflate(gzip.compress(at_limit), "gzip")) == len(at_limit)
    with pytest.raises(UserError) as refused:
        sync_routes.inflate(gzip.compress(at_limit + b" "), "GZip ")
    assert refused.value.status == 413
    assert sync_routes.inflate(b"{}", None) == b"{}"
