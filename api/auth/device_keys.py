"""Device keys: the browser's non-extractable WebCrypto P-256 key that binds a session to
one device. The server keeps the public JWK; the device signs a proof with each request.

Proof over HTTP: a single-use, body-bound `Device-Proof` (api/auth/request_proofs.py).
Proof over the Reflex websocket: the device signs `"reflex <nonce>"` for a nonce the server
handed to that tab (see pwa/state/session.py).
"""

from __future__ import annotations

import hashlib
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from api.jose import b64url, b64url_decode, der_signature, ec_key


class DeviceKeyError(ValueError):
    """The key or the proof is malformed or does not verify."""


def parse_jwk(value: str | dict | None) -> dict[str, str]:
    """A public P-256 JWK (as JSON text or dict), checked to be a point on the curve."""
    try:
        jwk = json.loads(value) if isinstance(value, str) else dict(value or {})
    except (ValueError, TypeError) as exc:
        raise DeviceKeyError("json") from exc
    if not isinstance(jwk, dict):
        raise DeviceKeyError("not an object")
    if jwk.get("kty") != "EC" or jwk.get("crv") != "P-256" or "d" in jwk:
        raise DeviceKeyError("not a public P-256 key")
    try:
        x, y = b64url_decode(str(jwk.get("x", ""))), b64url_decode(str(jwk.get("y", "")))
        if len(x) != 32 or len(y) != 32:
            raise DeviceKeyError("coordinates")
        ec_key(jwk)
    except ValueError as exc:
        raise DeviceKeyError("not a point on P-256") from exc
    return {"kty": "EC", "crv": "P-256", "x": jwk["x"], "y": jwk["y"]}


def thumbprint(jwk: dict[str, str]) -> str:
    """RFC 7638 JWK thumbprint (SHA-256, base64url): the device key's stable name."""
    canonical = json.dumps({"crv": jwk["crv"], "kty": jwk["kty"], "x": jwk["x"], "y": jwk["y"]},
                           separators=(",", ":"), sort_keys=True)
    return b64url(hashlib.sha256(canonical.encode()).digest())


def verify(jwk: dict[str, str], message: bytes, signature: str) -> bool:
    """Check a WebCrypto ECDSA P-256/SHA-256 signature (raw r||s, base64url)."""
    try:
        raw = b64url_decode(signature or "")
    except ValueError:
        return False
    if len(raw) != 64:
        return False
    try:
        ec_key(jwk).verify(der_signature(raw), message, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return False
    return True


def nonce_message(nonce: str) -> bytes:
    """What a device signs to prove itself to the Reflex websocket."""
    return f"reflex {nonce}".encode()
