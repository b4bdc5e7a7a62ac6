"""JOSE encodings, written once for every part of the server (device keys, request proofs,
card issuer keys) and for the tests: unpadded base64url, P-256 keys as JWKs, and ECDSA
signatures in the raw r||s form WebCrypto and JWS use."""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)


def b64url(data: bytes) -> str:
    """Unpadded base64url."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    """Decode unpadded (or padded) base64url; ValueError when it is not."""
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise ValueError("not base64url") from exc


def ec_jwk(public_key: ec.EllipticCurvePublicKey) -> dict[str, str]:
    """A P-256 public key as a JWK (kty, crv, x, y)."""
    numbers = public_key.public_numbers()
    return {"kty": "EC", "crv": "P-256", "x": b64url(numbers.x.to_bytes(32, "big")),
            "y": b64url(numbers.y.to_bytes(32, "big"))}


def ec_key(jwk: dict[str, str]) -> ec.EllipticCurvePublicKey:
    """The P-256 public key of a JWK; ValueError when the point is not on the curve."""
    return _ec_key(jwk["x"], jwk["y"])


@lru_cache(maxsize=4096)
def _ec_key(x: str, y: str) -> ec.EllipticCurvePublicKey:
    # Every request proof is checked against its device's key: the point is decoded and
    # validated once per key, not once per request.
    return ec.EllipticCurvePublicNumbers(int.from_bytes(b64url_decode(x), "big"),
                                         int.from_bytes(b64url_decode(y), "big"),
                                         ec.SECP256R1()).public_key()


def raw_signature(der: bytes) -> bytes:
    """A DER ECDSA P-256 signature as raw r||s (64 bytes)."""
    r, s = decode_dss_signature(der)
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def der_signature(raw: bytes) -> bytes:
    """Raw r||s as a DER ECDSA signature (what `cryptography` verifies)."""
    return encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
