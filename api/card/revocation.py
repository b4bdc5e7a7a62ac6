"""The revocation list, pure part: what an entry is, how the list is packed and signed.

An entry is the first 8 bytes of a SHA-256, so the list says nothing readable about anyone
and stays small (10 million cards with 1 % revoked: 800 kB on day one):
- a card: SHA-256("card|" + code + "|" + issued YYYYMMDD) -- a lost or replaced card is
  revoked by its issue date; the replacement has a later one;
- a device key: SHA-256("device|" + SEC1 compressed key) -- a device signed out or moved
  away; kept only while a live credential bound to it could still be valid (14 days).

The list is signed as a whole: the issuer signs the text
"BVR1|<seq>|<count>|<hex SHA-256 of the sorted entries concatenated>|<kid>", so a verifier
that applied a delta checks it holds exactly the list the issuer signed. The database side
(table, revoking, deltas) is api/services/revocations.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from cryptography.hazmat.primitives.asymmetric import ec

from api.card import keys as issuer_keys
from api.card.envelope import day, sign_raw, signed_by
from api.jose import b64url, b64url_decode

ENTRY_BYTES = 8
HEAD_TAG = "BVR1"


def card_entry(code: str, issued_at: dt.date) -> bytes:
    """The entry that revokes the card of `code` issued on `issued_at`."""
    return hashlib.sha256(f"card|{code}|{day(issued_at)}".encode()).digest()[:ENTRY_BYTES]


def device_entry(compressed_key: bytes) -> bytes:
    """The entry that revokes live credentials bound to this device key."""
    return hashlib.sha256(b"device|" + compressed_key).digest()[:ENTRY_BYTES]


def pack(entries: Iterable[bytes]) -> bytes:
    """The list as bytes: entries sorted, concatenated."""
    return b"".join(sorted(set(entries)))


def unpack(data: bytes) -> set[bytes]:
    """The entries of a packed list; ValueError if its length is not a whole number."""
    if len(data) % ENTRY_BYTES:
        raise ValueError("not a packed revocation list")
    return {data[i:i + ENTRY_BYTES] for i in range(0, len(data), ENTRY_BYTES)}


def head_text(seq: int, entries: Iterable[bytes], kid: str) -> bytes:
    """The signed statement about the whole list at `seq`."""
    packed = pack(entries)
    return (f"{HEAD_TAG}|{seq}|{len(packed) // ENTRY_BYTES}|"
            f"{hashlib.sha256(packed).hexdigest()}|{kid}").encode()


def sign_head(seq: int, entries: Iterable[bytes],
              key: ec.EllipticCurvePrivateKey | None = None) -> dict[str, object]:
    """{seq, count, kid, sig}: what a pull sends beside the changes."""
    key = key or issuer_keys.signing_key()
    kid = issuer_keys.key_id(key.public_key())
    entries = set(entries)
    return {"seq": seq, "count": len(entries), "kid": kid,
            "sig": b64url(sign_raw(key, head_text(seq, entries, kid)))}


def check_head(head: dict, entries: Iterable[bytes],
               keys: dict[str, ec.EllipticCurvePublicKey]) -> bool:
    """Whether `entries` is exactly the list the issuer signed in `head`."""
    public = keys.get(str(head.get("kid")))
    if public is None:
        return False
    try:
        sig = b64url_decode(str(head.get("sig", "")))
        text = head_text(int(head["seq"]), entries, str(head["kid"]))
    except (KeyError, ValueError, TypeError):
        return False
    return signed_by(public, sig, text)
