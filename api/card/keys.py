"""Issuer keys that sign card QR codes (ECDSA P-256), and the public key set.

The private key is a PEM file (CARD_KEY_FILE), created on first use for development. Public
keys are published as JWKs under a key id derived from the key itself, so a verifier can
hold several (CARD_TRUSTED_KEYS: a JSON file of older keys still accepted).
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from api.config import settings
from api.jose import ec_jwk, ec_key


def key_id(public_key: ec.EllipticCurvePublicKey) -> str:
    """Six characters of the SHA-256 of the key (upper-case, QR-alphanumeric friendly)."""
    spki = public_key.public_bytes(serialization.Encoding.DER,
                                   serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b32encode(hashlib.sha256(spki).digest()).decode()[:6]


def public_jwk(public_key: ec.EllipticCurvePublicKey) -> dict[str, str]:
    """The key as a JWK that WebCrypto imports (`crypto.subtle.importKey("jwk", ...)`)."""
    return {**ec_jwk(public_key), "alg": "ES256", "use": "sig", "kid": key_id(public_key)}


def jwk_to_public_key(jwk: dict[str, str]) -> ec.EllipticCurvePublicKey:
    """Inverse of `public_jwk`."""
    return ec_key(jwk)


@lru_cache(maxsize=4)
def _load_or_create(path: Path) -> ec.EllipticCurvePrivateKey:
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError(f"{path} is not an EC private key")
        return key
    key = ec.generate_private_key(ec.SECP256R1())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    path.chmod(0o600)
    return key


def signing_key() -> ec.EllipticCurvePrivateKey:
    """The current issuer's private key."""
    return _load_or_create(settings().card_key_file)


def trusted_keys() -> dict[str, ec.EllipticCurvePublicKey]:
    """Key id -> public key for every issuer key a verifier should accept."""
    current = signing_key().public_key()
    keys = {key_id(current): current}
    extra = settings().card_trusted_keys_file
    if extra:
        for jwk in json.loads(Path(extra).read_text()).get("keys", []):
            public = jwk_to_public_key(jwk)
            keys[key_id(public)] = public
    return keys


def jwks() -> dict[str, object]:
    """The published key set: {"keys": [jwk, ...]}."""
    return {"keys": [public_jwk(k) for k in trusted_keys().values()]}
