"""The revocation list, database side: revoking cards and device keys, dropping entries no
longer needed, and the delta a verifier pulls (the pure format is api/card/revocation.py).

The pull speaks the sync protocol's message (sync/protocol.py): cursor "1.<seq>",
`reset`, `has_more`, `changes`; a reset carries the whole list packed in one change
(8 bytes per entry, base64), a delta one change per entry ("put" revoked, "delete"
dropped). Beside the changes, `head` is the issuer's signature over the whole list at the
cursor: the verifier checks it after applying the changes, and starts again from a reset if
they do not match (a delta raced by a concurrent change heals itself that way).
"""

from __future__ import annotations

import base64
import datetime as dt
import json

from sqlalchemy import delete as sql_delete
from sqlalchemy import func, text
from sqlmodel import Session, col, select

from api.auth.models import Device
from api.card import keys as issuer_keys
from api.card import live, revocation
from api.clock import utcnow
from api.domain.models import HealthCard, Revocation
from api.jose import ec_key
from sync.protocol import SCHEMA, parse_cursor

LOCK_KEY = (7_341, 0)  # pg_advisory_xact_lock key: the list's change numbers are serial
MAX_DELTA = 5_000
TOMBSTONE_DAYS = 30  # a dropped entry's removal is sent to clinics this long, then forgotten
# Signed head per (database, issuer key, seq): making one reads every entry.
_heads: dict[tuple[str, str, int, int], dict[str, object]] = {}


def _next_seq(session: Session) -> int:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:a, :b)"),
                        {"a": LOCK_KEY[0], "b": LOCK_KEY[1]})
    return head_seq(session) + 1


def head_seq(session: Session) -> int:
    """The list's newest change number (0 when nothing was ever revoked)."""
    return session.exec(select(func.coalesce(func.max(Revocation.seq), 0))).one()


def add(session: Session, entry: bytes, kind: str, reason: str,
        drop_after: dt.date | None = None) -> None:
    """Revoke an entry (caller commits); revoking it again renews it."""
    row = session.get(Revocation, entry.hex())
    seq = _next_seq(session)
    if row is None:
        row = Revocation(entry=entry.hex(), kind=kind, reason=reason, revoked_at=utcnow(),
                         drop_after=drop_after, seq=seq)
    else:
        row.reason, row.revoked_at, row.seq, row.gone = reason, utcnow(), seq, False
        row.drop_after = None if row.drop_after is None or drop_after is None else max(
            row.drop_after, drop_after)
    session.add(row)
    session.flush()


def revoke_card(session: Session, card: HealthCard, code: str, reason: str) -> None:
    """Revoke the card as issued on its current issue date (lost, replaced)."""
    add(session, revocation.card_entry(code, card.issued_at), "card", reason)


def revoke_device(session: Session, device: Device, reason: str,
                  today: dt.date | None = None) -> None:
    """Revoke the live credentials bound to this device's key, for as long as one could be
    valid (CREDENTIAL_DAYS from today)."""
    key = live.compressed(ec_key(json.loads(device.public_jwk)))
    drop = (today or dt.date.today()) + dt.timedelta(days=live.CREDENTIAL_DAYS + 1)
    add(session, revocation.device_entry(key), "device", reason, drop)


def sweep(session: Session, today: dt.date | None = None) -> int:
    """Drop device entries past their day, and forget old tombstones (caller commits); how
    many entries were dropped.

    A tombstone TOMBSTONE_DAYS past its day is deleted. A clinic that has not synced since
    then gets a delta without that removal, so its list no longer matches the signed head,
    and it downloads the whole list again: the head check heals it. The row holding the
    newest change number stays, so a number is never handed out twice."""
    today = today or dt.date.today()
    rows = session.exec(select(Revocation).where(
        col(Revocation.gone).is_(False), col(Revocation.drop_after).is_not(None),
        col(Revocation.drop_after) < today)).all()
    if rows:
        seq = _next_seq(session)
        for i, row in enumerate(rows):  # one number each: a delta page never splits one
            row.gone, row.seq = True, seq + i
            session.add(row)
        session.flush()
    session.execute(sql_delete(Revocation).where(
        col(Revocation.gone).is_(True),
        col(Revocation.drop_after) < today - dt.timedelta(days=TOMBSTONE_DAYS),
        col(Revocation.seq) < head_seq(session)))
    return len(rows)


def active(session: Session, upto: int | None = None) -> list[bytes]:
    """The entries in force (at change number `upto`, as far as the table still tells).
    Read without the ORM: a national list has 100,000 of them."""
    table = Revocation.__table__
    query = select(table.c.entry).where(table.c.gone.is_(False))
    if upto is not None:
        query = query.where(table.c.seq <= upto)
    return [bytes.fromhex(e) for e in session.connection().execute(query).scalars()]


def signed_head(session: Session, seq: int,
                entries: list[bytes] | None = None) -> dict[str, object]:
    """The issuer's signature over the whole list at `seq` (kept once made); `entries`, when
    the caller already read them at `seq`. The kept one is used only while the table still
    holds as many entries at `seq` (a database emptied or restored under a running server
    numbers its changes again)."""
    table = Revocation.__table__
    count = session.connection().execute(
        select(func.count()).select_from(table).where(table.c.gone.is_(False),
                                                      table.c.seq <= seq)).scalar_one()
    key = (str(session.get_bind().url), issuer_keys.key_id(issuer_keys.signing_key()
                                                            .public_key()), seq, count)
    if key not in _heads:
        if len(_heads) > 64:
            _heads.clear()
        _heads[key] = revocation.sign_head(seq, entries if entries is not None
                                           else active(session, seq))
    return _heads[key]


def forget_heads() -> None:
    """Drop the kept heads (for a database emptied under a running process: tests)."""
    _heads.clear()


def pull(session: Session, cursor: str | None, limit: int = MAX_DELTA) -> dict[str, object]:
    """The list after a cursor, in the sync protocol's pull message, with the signed head."""
    limit = max(1, min(limit, MAX_DELTA))
    upto = head_seq(session)
    since = parse_cursor(cursor)
    if since is None or since > upto:
        entries = active(session, upto)
        packed = revocation.pack(entries)
        return {"schema": SCHEMA, "reset": True, "cursor": f"{SCHEMA}.{upto}",
                "has_more": False,
                "changes": [{"op": "put", "type": "revocations", "id": "all",
                             "doc": {"entries": base64.b64encode(packed).decode()}}],
                "head": signed_head(session, upto, entries)}
    rows = session.exec(select(Revocation).where(col(Revocation.seq) > since,
                                                 col(Revocation.seq) <= upto)
                        .order_by(col(Revocation.seq)).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1].seq if more else upto
    answer = {"schema": SCHEMA, "reset": False, "cursor": f"{SCHEMA}.{last}",
              "has_more": more,
              "changes": [{"op": "delete", "type": "revoked", "id": r.entry} if r.gone else
                          {"op": "put", "type": "revoked", "id": r.entry,
                           "doc": {"kind": r.kind}} for r in rows]}
    if not more:
        answer["head"] = signed_head(session, upto)
    return answer
