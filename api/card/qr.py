"""The static card QR (printed card, paper fallback): signed once, never holder-bound.

Wire format (version 1), all of it in the QR's alphanumeric mode:

    "BV1:" + base45( payload || signature )

- payload: UTF-8 text of 11 fields joined by "|":
  version "1", code (10 digits), full name, date of birth (YYYYMMDD), sex (M/F),
  beneficiary group (2 letters), benefit level (percent), primary-care facility code,
  valid to (YYYYMMDD), issued at (YYYYMMDD), issuer key id (6 characters).
- signature: ECDSA P-256 over SHA-256 of the payload, raw r||s (64 bytes), the form
  WebCrypto produces and checks. The key id is inside the signed bytes.

The live (holder-bound) and light kinds are in live.py and light.py; docs/qr-format.md
describes all three and api/card/verifier.py checks any of them.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass

import segno
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
from api.clock import vietnam_today

__all__ = ["CardClaims", "QrError", "decode_payload", "encode_payload", "sign", "verify"]

PREFIX = "BV1:"
VERSION = "1"
_FIELDS = 11


@dataclass(frozen=True)
class CardClaims:
    """What the card QR states about its holder."""

    code: str
    full_name: str
    dob: dt.date
    sex: str
    group_code: str
    benefit_level: int
    facility_code: str
    valid_to: dt.date
    issued_at: dt.date
    kid: str


def check_code(code: str) -> str:
    """The 10-digit code of a payload, or QrError("qr_format")."""
    if not (len(code) == 10 and code.isdigit()):
        raise QrError("qr_format")
    return code


def encode_payload(claims: CardClaims) -> bytes:
    """The signed bytes for these claims."""
    parts = [VERSION, claims.code, clean_name(claims.full_name), day(claims.dob), claims.sex,
             claims.group_code, str(claims.benefit_level), claims.facility_code,
             day(claims.valid_to), day(claims.issued_at), claims.kid]
    return "|".join(parts).encode("utf-8")


def claims_version(claims: CardClaims) -> str:
    """A short fingerprint of everything a card QR signs: the phone keeps it with the card
    and with its live credential, and renews the credential when the two differ (a new
    primary-care facility, a re-issued card)."""
    return hashlib.sha256(encode_payload(claims)).hexdigest()[:16]


def decode_payload(payload: bytes) -> CardClaims:
    """Parse payload bytes; raises QrError("qr_format") on anything malformed."""
    _, code, name, dob, sex, group, level, facility, valid_to, issued, kid = fields(
        payload, VERSION, _FIELDS)
    if not level.isdigit():
        raise QrError("qr_format")
    return CardClaims(check_code(code), name, parse_day(dob), sex, group, int(level), facility,
                      parse_day(valid_to), parse_day(issued), kid)


def sign(claims: CardClaims, private_key: ec.EllipticCurvePrivateKey | None = None) -> str:
    """The QR text for these claims, signed by the issuer key."""
    payload = encode_payload(claims)
    return wrap(PREFIX, payload + sign_raw(private_key or issuer_keys.signing_key(), payload))


@functools.lru_cache(maxsize=8)
def symbol(text: str) -> segno.QRCode:
    """The QR symbol of a signed text. Building one tries all eight masks (~20 ms); the card
    document draws the same text twice (SVG for the screen, PNG inside the card image), so
    the second is a look-up. Keyed by the exact text: a new signature is a new symbol."""
    return segno.make(text, error="m", boost_error=False)


def open_signed(text: str, keys: dict[str, ec.EllipticCurvePublicKey]) -> CardClaims:
    """Format, known key and signature of a static QR (no date check)."""
    return open_payload(text, PREFIX, keys, decode_payload)


def verify(text: str, trusted: dict[str, ec.EllipticCurvePublicKey] | None = None,
           today: dt.date | None = None) -> CardClaims:
    """Check a scanned static QR text; returns its claims or raises QrError."""
    claims = open_signed(text, trusted if trusted is not None else issuer_keys.trusted_keys())
    if claims.valid_to < (today or vietnam_today()):
        raise QrError("qr_expired")
    return claims
