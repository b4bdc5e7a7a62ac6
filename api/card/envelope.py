"""What every card QR kind shares: the text envelope (prefix + base45), raw ES256
signatures (r||s, the form WebCrypto makes and checks), compact dates and the one error type.

See docs/qr-format.md for the byte-by-byte description of each kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from api.card.base45 import b45decode, b45encode
from api.jose import der_signature, raw_signature

SIG_LEN = 64
T = TypeVar("T", bound=Any)


class QrError(ValueError):
    """Verification failed; `reason` names why (qr_format, qr_unknown_key, qr_bad_signature,
    qr_expired, qr_not_yet_valid, qr_revoked, qr_stale, qr_wrong_device)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def wrap(prefix: str, blob: bytes) -> str:
    """The QR text of a blob: its prefix, then base45 (QR alphanumeric mode throughout)."""
    return prefix + b45encode(blob)


def unwrap(text: str, prefix: str) -> bytes:
    """The blob of a QR text with this prefix; QrError("qr_format") otherwise."""
    text = (text or "").strip()
    if not text.startswith(prefix):
        raise QrError("qr_format")
    try:
        return b45decode(text[len(prefix):])
    except ValueError as exc:
        raise QrError("qr_format") from exc


def sign_raw(key: ec.EllipticCurvePrivateKey, data: bytes) -> bytes:
    """ES256 over `data`, as raw r||s."""
    return raw_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))


def signed_by(public: ec.EllipticCurvePublicKey, signature: bytes, data: bytes) -> bool:
    """Whether raw r||s `signature` is `public`'s ES256 signature of `data`."""
    if len(signature) != SIG_LEN:
        return False
    try:
        public.verify(der_signature(signature), data, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        return False
    return True


def check_issuer(keys: dict[str, ec.EllipticCurvePublicKey], kid: str, signature: bytes,
                 data: bytes) -> None:
    """The issuer key `kid` is trusted and signed `data`; QrError otherwise."""
    public = keys.get(kid)
    if public is None:
        raise QrError("qr_unknown_key")
    if not signed_by(public, signature, data):
        raise QrError("qr_bad_signature")


def open_payload(text: str, prefix: str, keys: dict[str, ec.EllipticCurvePublicKey],
                 decode: Callable[[bytes], T]) -> T:
    """The claims of a "payload || issuer signature" code (static and light kinds): format,
    known key, signature. `decode` parses the payload; its result names the key (`kid`)."""
    blob = unwrap(text, prefix)
    if len(blob) <= SIG_LEN:
        raise QrError("qr_format")
    payload, sig = blob[:-SIG_LEN], blob[-SIG_LEN:]
    claims = decode(payload)
    check_issuer(keys, claims.kid, sig, payload)
    return claims


def day(value: dt.date) -> str:
    """YYYYMMDD."""
    return value.strftime("%Y%m%d")


def parse_day(text: str) -> dt.date:
    """A YYYYMMDD date; QrError("qr_format") if it is not one."""
    if len(text) != 8 or not text.isdigit():
        raise QrError("qr_format")
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError as exc:
        raise QrError("qr_format") from exc


def fields(data: bytes, tag: str, count: int) -> list[str]:
    """The "|"-separated UTF-8 fields of a payload whose first field is `tag`."""
    try:
        parts = data.decode("utf-8").split("|")
    except UnicodeDecodeError as exc:
        raise QrError("qr_format") from exc
    if len(parts) != count or parts[0] != tag:
        raise QrError("qr_format")
    return parts


def clean_name(name: str) -> str:
    """A name fit for a field: no separator, single spaces."""
    return " ".join(name.replace("|", " ").split())
