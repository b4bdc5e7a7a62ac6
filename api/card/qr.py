"""The signed card QR: a compact payload signed with ES256, verifiable offline.

Wire format (version 1), all of it in the QR's alphanumeric mode:

    "BV1:" + base45( payload || signature )

- payload: UTF-8 text of 11 fields joined by "|":
  version "1", code (10 digits), full name, date of birth (YYYYMMDD), sex (M/F),
  beneficiary group (2 letters), benefit level (percent), primary-care facility code,
  valid to (YYYYMMDD), issued at (YYYYMMDD), issuer key id (6 characters).
- signature: ECDSA P-256 over SHA-256 of the payload, raw r||s (64 bytes), the form
  WebCrypto produces and checks. The key id is inside the signed bytes.

The same checks run in the browser (`assets/card_qr.js`): format, known key id, signature,
expiry. A card whose valid-to date is before today is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from api.card import keys as issuer_keys
from api.card.base45 import b45decode, b45encode

PREFIX = "BV1:"
VERSION = "1"
SIG_LEN = 64
_FIELDS = 11


class QrError(ValueError):
    """Verification failed; `reason` is qr_format, qr_unknown_key, qr_bad_signature, qr_expired."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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


def _day(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def _parse_day(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%Y%m%d").date()


def encode_payload(claims: CardClaims) -> bytes:
    """The signed bytes for these claims."""
    name = " ".join(claims.full_name.replace("|", " ").split())
    fields = [VERSION, claims.code, name, _day(claims.dob), claims.sex, claims.group_code,
              str(claims.benefit_level), claims.facility_code, _day(claims.valid_to),
              _day(claims.issued_at), claims.kid]
    return "|".join(fields).encode("utf-8")


def decode_payload(payload: bytes) -> CardClaims:
    """Parse payload bytes; raises QrError("qr_format") on anything malformed."""
    try:
        fields = payload.decode("utf-8").split("|")
        if len(fields) != _FIELDS or fields[0] != VERSION:
            raise ValueError("fields")
        _, code, name, dob, sex, group, level, facility, valid_to, issued, kid = fields
        if not (len(code) == 10 and code.isdigit()):
            raise ValueError("code")
        return CardClaims(code, name, _parse_day(dob), sex, group, int(level), facility,
                          _parse_day(valid_to), _parse_day(issued), kid)
    except ValueError as exc:
        raise QrError("qr_format") from exc


def sign(claims: CardClaims, private_key: ec.EllipticCurvePrivateKey | None = None) -> str:
    """The QR text for these claims, signed by the issuer key."""
    key = private_key or issuer_keys.signing_key()
    payload = encode_payload(claims)
    r, s = decode_dss_signature(key.sign(payload, ec.ECDSA(hashes.SHA256())))
    return PREFIX + b45encode(payload + r.to_bytes(32, "big") + s.to_bytes(32, "big"))


def verify(text: str, trusted: dict[str, ec.EllipticCurvePublicKey] | None = None,
           today: dt.date | None = None) -> CardClaims:
    """Check a scanned QR text; returns its claims or raises QrError."""
    text = (text or "").strip()
    if not text.startswith(PREFIX):
        raise QrError("qr_format")
    try:
        blob = b45decode(text[len(PREFIX):])
    except ValueError as exc:
        raise QrError("qr_format") from exc
    if len(blob) <= SIG_LEN:
        raise QrError("qr_format")
    payload, sig = blob[:-SIG_LEN], blob[-SIG_LEN:]
    claims = decode_payload(payload)
    keys = trusted if trusted is not None else issuer_keys.trusted_keys()
    public = keys.get(claims.kid)
    if public is None:
        raise QrError("qr_unknown_key")
    der = encode_dss_signature(int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big"))
    try:
        public.verify(der, payload, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature as exc:
        raise QrError("qr_bad_signature") from exc
    if claims.valid_to < (today or dt.date.today()):
        raise QrError("qr_expired")
    return claims
