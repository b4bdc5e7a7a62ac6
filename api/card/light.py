"""The light card QR: identity and validity only, for places that need no more (a pharmacy,
a school nurse). Signed by the issuer, valid LIGHT_HOURS; the phone fetches a new one when
online. It shows no group, level, facility or sex, and it is not holder-bound.

Wire format (see docs/qr-format.md):

    "BVI1:" + base45( payload || issuer_sig(64) )

- payload: UTF-8 text of 8 fields joined by "|": "I1", code, full name, date of birth
  (YYYYMMDD), card valid to (YYYYMMDD), card issued at (YYYYMMDD), expires (Unix seconds,
  decimal), issuer key id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import ec

from api.card import keys as issuer_keys
from api.card.envelope import (
    QrError,
    clean_name,
    day,
    fields,
    open_payload,
    parse_day,
    sign_raw,
    wrap,
)
from api.card.qr import check_code

PREFIX = "BVI1:"
TAG = "I1"
LIGHT_HOURS = 48
_FIELDS = 8


@dataclass(frozen=True)
class LightClaims:
    """Who the holder is and until when the card holds."""

    code: str
    full_name: str
    dob: dt.date
    valid_to: dt.date
    issued_at: dt.date
    expires: int  # Unix seconds
    kid: str


def encode(claims: LightClaims) -> bytes:
    """The signed payload."""
    return "|".join([TAG, claims.code, clean_name(claims.full_name), day(claims.dob),
                     day(claims.valid_to), day(claims.issued_at), str(claims.expires),
                     claims.kid]).encode("utf-8")


def decode(payload: bytes) -> LightClaims:
    """Parse the payload; QrError("qr_format") on anything malformed."""
    _, code, name, dob, valid_to, issued, expires, kid = fields(payload, TAG, _FIELDS)
    if not expires.isdigit() or len(expires) > 12:
        raise QrError("qr_format")
    return LightClaims(check_code(code), name, parse_day(dob), parse_day(valid_to),
                       parse_day(issued), int(expires), kid)


def issue(code: str, full_name: str, dob: dt.date, valid_to: dt.date, issued_at: dt.date,
          now: int, key: ec.EllipticCurvePrivateKey | None = None) -> str:
    """A light QR text valid LIGHT_HOURS from Unix time `now`."""
    key = key or issuer_keys.signing_key()
    claims = LightClaims(code, full_name, dob, valid_to, issued_at, now + LIGHT_HOURS * 3600,
                         issuer_keys.key_id(key.public_key()))
    payload = encode(claims)
    return wrap(PREFIX, payload + sign_raw(key, payload))


def open_signed(text: str, keys: dict[str, ec.EllipticCurvePublicKey]) -> LightClaims:
    """Format, known key and signature of a light QR (no time check)."""
    return open_payload(text, PREFIX, keys, decode)
