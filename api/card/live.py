"""The live, holder-bound card QR: against lending the phone card and against screenshots.

Two signatures, both checked offline by the clinic:
1. The issuer signs a *credential*: the card's fields plus the public key of the holder's
   bound device (the key that already signs the phone's API requests), valid 14 days. The
   phone fetches a fresh one whenever it is online (POST /api/card/credentials).
2. The phone signs, with that device key, the credential and the current time. The card
   screen renews the QR every 30 seconds.

A screenshot is refused once it is older than FRESH_SECONDS ("qr_stale"); the credential
shown by another phone (copied, lent) fails the device signature ("qr_wrong_device").

Wire format (see docs/qr-format.md):

    "BVD1:" + base45( len(2) || credential || issuer_sig(64) || time(4) || device_sig(64) )

- len: the credential's length in bytes, unsigned big-endian.
- credential: device key, SEC1 compressed P-256 point (33 bytes), then UTF-8 text of 13
  fields joined by "|": "D1", code, full name, date of birth, sex, group, benefit level,
  primary-care facility code, valid from, valid to, card issued at, credential not after
  (all dates YYYYMMDD), issuer key id.
- issuer_sig: ES256 (raw r||s) by the issuer key over the credential.
- time: Unix seconds when the phone made this QR, unsigned big-endian.
- device_sig: ES256 (raw r||s) by the device key over "BVD1" || len || credential ||
  issuer_sig || time. The "BVD1" prefix keeps these bytes apart from anything else the
  device key signs (request proofs sign JWS text, which starts "eyJ").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from api.card import keys as issuer_keys
from api.card.envelope import (
    SIG_LEN,
    QrError,
    check_issuer,
    clean_name,
    day,
    fields,
    parse_day,
    sign_raw,
    signed_by,
    unwrap,
    wrap,
)
from api.card.qr import CardClaims, check_code

PREFIX = "BVD1:"
TAG = "D1"
CONTEXT = b"BVD1"
KEY_LEN = 33
CREDENTIAL_DAYS = 14  # a phone offline longer shows the printed (static) QR instead
RENEW_SECONDS = 30  # the card screen draws a new QR this often
FRESH_SECONDS = 120  # oldest accepted: the renewal plus 90 s of clock difference
FUTURE_SECONDS = 60  # a phone clock this far ahead of the clinic's is still accepted
_FIELDS = 13


@dataclass(frozen=True)
class Credential:
    """What the issuer binds to one device: the card's claims and the device key."""

    card: CardClaims
    valid_from: dt.date
    not_after: dt.date
    device_key: bytes  # SEC1 compressed P-256 point


def compressed(public: ec.EllipticCurvePublicKey) -> bytes:
    """The 33-byte SEC1 compressed form of a P-256 public key."""
    return public.public_bytes(serialization.Encoding.X962,
                               serialization.PublicFormat.CompressedPoint)


def encode_credential(cred: Credential) -> bytes:
    """The credential bytes the issuer signs."""
    c = cred.card
    text = "|".join([TAG, c.code, clean_name(c.full_name), day(c.dob), c.sex, c.group_code,
                     str(c.benefit_level), c.facility_code, day(cred.valid_from),
                     day(c.valid_to), day(c.issued_at), day(cred.not_after), c.kid])
    return cred.device_key + text.encode("utf-8")


def decode_credential(data: bytes) -> Credential:
    """Parse credential bytes; QrError("qr_format") on anything malformed."""
    if len(data) <= KEY_LEN or data[0] not in (2, 3):
        raise QrError("qr_format")
    (_, code, name, dob, sex, group, level, facility, valid_from, valid_to, issued,
     not_after, kid) = fields(data[KEY_LEN:], TAG, _FIELDS)
    if not level.isdigit():
        raise QrError("qr_format")
    card = CardClaims(check_code(code), name, parse_day(dob), sex, group, int(level), facility,
                      parse_day(valid_to), parse_day(issued), kid)
    return Credential(card, parse_day(valid_from), parse_day(not_after), data[:KEY_LEN])


def issue(card: CardClaims, valid_from: dt.date, device: ec.EllipticCurvePublicKey,
          today: dt.date, key: ec.EllipticCurvePrivateKey | None = None) -> bytes:
    """A signed credential (credential || issuer signature) for the holder's device."""
    not_after = min(card.valid_to, today + dt.timedelta(days=CREDENTIAL_DAYS))
    data = encode_credential(Credential(card, valid_from, not_after, compressed(device)))
    return data + sign_raw(key or issuer_keys.signing_key(), data)


def make_qr(signed_credential: bytes, at: int,
            device_sign: Callable[[bytes], bytes]) -> str:
    """The live QR text at Unix time `at`; `device_sign` returns the device key's raw r||s
    signature of the bytes it is given (what the phone does with WebCrypto)."""
    length = len(signed_credential) - SIG_LEN
    body = length.to_bytes(2, "big") + signed_credential + at.to_bytes(4, "big")
    return wrap(PREFIX, body + device_sign(CONTEXT + body))


@dataclass(frozen=True)
class Opened:
    """A live QR taken apart, its issuer signature checked."""

    credential: Credential
    at: int
    device_signed: bool


def open_signed(text: str, keys: dict[str, ec.EllipticCurvePublicKey]) -> Opened:
    """Format, known issuer key and issuer signature; the device signature is reported,
    not raised, so the verifier decides the order of refusals."""
    blob = unwrap(text, PREFIX)
    if len(blob) < 2:
        raise QrError("qr_format")
    length = int.from_bytes(blob[:2], "big")
    if len(blob) != 2 + length + SIG_LEN + 4 + SIG_LEN:
        raise QrError("qr_format")
    data = blob[2:2 + length]
    issuer_sig = blob[2 + length:2 + length + SIG_LEN]
    at = int.from_bytes(blob[2 + length + SIG_LEN:2 + length + SIG_LEN + 4], "big")
    device_sig = blob[-SIG_LEN:]
    cred = decode_credential(data)
    check_issuer(keys, cred.card.kid, issuer_sig, data)
    try:
        device = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), cred.device_key)
    except ValueError as exc:
        raise QrError("qr_format") from exc
    return Opened(cred, at, signed_by(device, device_sig, CONTEXT + blob[:-SIG_LEN]))
