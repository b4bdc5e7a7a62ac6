"""Request proofs: every device-proven API request carries a proof, after DPoP (RFC 9449),
signed with the device's non-extractable key.

    Device-Proof: <JWS compact, ES256>   header {"alg": "ES256", "typ": "dpop+jwt"}
    payload {"jti": unique id, "htm": "POST", "htu": "/api/sync/push?…",
             "iat": unix seconds, "nonce": server nonce, "bh": base64url(SHA-256(body))}

- **Single use**: a proof's `jti` is remembered per device until the proof could no longer
  pass the time check; the same proof again is refused (`proof_replayed`).
- **Bound to the request**: method, path with query, and the SHA-256 of the body, so a
  captured proof cannot carry another body (or another language, or another mutation).
  The body as sent: for a gzip-compressed sync push, the compressed bytes, so the proof is
  checked before the server inflates anything.
- **Server nonce**: answers carry `Device-Nonce: <unix seconds>.<mac>`, stateless (an HMAC
  under SECRET_KEY, so every worker accepts every other worker's nonce), valid for
  NONCE_LIFETIME. A proof without a valid nonce gets 401 `proof_nonce` and a fresh nonce.
- **Clock**: the nonce carries the server's time, so the phone learns its clock offset and
  stamps `iat` in server time; IAT_WINDOW seconds either side, else 401 `proof_clock` (with
  a nonce to learn from). Neither `proof_nonce` nor `proof_clock` is an alarm: they are the
  normal first exchange and a phone with a wrong clock, not an attacker.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass

import redis
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from api.auth.device_keys import verify
from api.auth.models import SeenProof
from api.clock import utcnow
from api.config import settings
from api.jose import b64url, b64url_decode

HEADER = "device-proof"
NONCE_HEADER = "Device-Nonce"
NONCE_COOKIE = "wallet_nonce"  # the same, handed out with each page (readable by script)
NONCE_LIFETIME = 300  # seconds a server nonce is accepted
IAT_WINDOW = 60  # seconds either side of the server clock, after the phone's correction
MAX_PROOF_LENGTH = 8192  # a real proof is ~450 characters plus the URL it names
REMEMBER = dt.timedelta(seconds=2 * (NONCE_LIFETIME + IAT_WINDOW))
_HEADER_JSON = {"alg": "ES256", "typ": "dpop+jwt"}


class ProofError(Exception):
    """A refused proof; `reason` is the API error, `alarm` whether the owner should see it."""

    def __init__(self, reason: str, alarm: bool) -> None:
        super().__init__(reason)
        self.reason, self.alarm = reason, alarm


def _mac(stamp: int) -> str:
    return _mac_under(settings().secret_key, stamp)


@functools.lru_cache(maxsize=64)
def _mac_under(secret: str, stamp: int) -> str:
    # One nonce a second is handed out to every answer and checked on every request:
    # computed once per second and key.
    key = secret.encode()
    return b64url(hmac.new(key, f"proof-nonce:{stamp}".encode(), hashlib.sha256).digest()[:16])


def new_nonce(now: float | None = None) -> str:
    """A server nonce for the Device-Nonce header."""
    stamp = int(now if now is not None else time.time())
    return f"{stamp}.{_mac(stamp)}"


def nonce_valid(nonce: object, now: float | None = None) -> bool:
    """Whether `nonce` was made by a worker of this server within NONCE_LIFETIME."""
    stamp_text, _, mac = str(nonce or "").partition(".")
    if not (stamp_text.isdigit() and len(stamp_text) <= 12):
        return False
    age = (now if now is not None else time.time()) - int(stamp_text)
    return -5 <= age <= NONCE_LIFETIME and hmac.compare_digest(mac, _mac(int(stamp_text)))


def body_hash(body: bytes) -> str:
    """What `bh` holds: base64url SHA-256 of the request body (empty body included)."""
    return b64url(hashlib.sha256(body).digest())


@dataclass(frozen=True)
class Proof:
    """The checked claims of a proof."""

    jti: str
    iat: int


def _decode(header: str) -> tuple[dict, bytes, str]:
    parts = header.split(".")
    if len(header) > MAX_PROOF_LENGTH or len(parts) != 3:
        raise ProofError("device_proof", alarm=True)
    try:
        head = json.loads(b64url_decode(parts[0]))
        claims = json.loads(b64url_decode(parts[1]))
    except ValueError as exc:
        raise ProofError("device_proof", alarm=True) from exc
    if head != _HEADER_JSON or not isinstance(claims, dict):
        raise ProofError("device_proof", alarm=True)
    return claims, f"{parts[0]}.{parts[1]}".encode(), parts[2]


def check(jwk: dict[str, str], header: str | None, method: str, target: str, body: bytes,
          now: float | None = None) -> Proof:
    """The proof of this request by this key, or ProofError. Does not record the jti
    (see `spend`)."""
    if not header:
        raise ProofError("device_proof", alarm=True)
    claims, signed, signature = _decode(header)
    if not verify(jwk, signed, signature):
        raise ProofError("device_proof", alarm=True)
    # Signed by the device from here on: a mismatch is a replay or a bug, not a stranger.
    if (claims.get("htm") != method.upper() or claims.get("htu") != target
            or claims.get("bh") != body_hash(body)):
        raise ProofError("device_proof", alarm=True)
    jti, iat = claims.get("jti"), claims.get("iat")
    if not (isinstance(jti, str) and 16 <= len(jti) <= 64):
        raise ProofError("device_proof", alarm=True)
    if not nonce_valid(claims.get("nonce"), now):
        raise ProofError("proof_nonce", alarm=False)
    if not isinstance(iat, int) or isinstance(iat, bool) or \
            abs((now if now is not None else time.time()) - iat) > IAT_WINDOW:
        raise ProofError("proof_clock", alarm=False)
    return Proof(jti, iat)


@functools.cache
def _redis(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


def spent_in_redis() -> str:
    """REDIS_URL when spent proof ids live in Redis (spending writes nothing to the
    database), else ""."""
    return os.environ.get("REDIS_URL", "").strip()


# How long Redis keeps a spent proof's id.
SPENT_SECONDS = int(REMEMBER.total_seconds())


def spent_key(device_id: int, proof: Proof) -> str:
    """The Redis key that marks this device's proof spent (set once, NX, for SPENT_SECONDS;
    the no-change pull's path sets it itself, api/http/quick_pulls.py)."""
    return f"wallet:proof:{device_id}:{proof.jti}"


def spend(session: Session, device_id: int, proof: Proof) -> None:
    """Record the proof's id for its device; a second use raises ProofError. With REDIS_URL
    the ids live in Redis (shared by every worker, expiring by themselves); else in the
    database, where old ids are swept now and then (they could not pass the time check)."""
    url = spent_in_redis()
    if url:
        if not _redis(url).set(spent_key(device_id, proof), 1, nx=True, ex=SPENT_SECONDS):
            raise ProofError("proof_replayed", alarm=True)
        return
    now = utcnow()
    try:
        with session.begin_nested():
            session.add(SeenProof(device_id=device_id, jti=proof.jti, at=now))
    except IntegrityError as exc:
        raise ProofError("proof_replayed", alarm=True) from exc
    if secrets.randbelow(64) == 0:
        session.execute(delete(SeenProof).where(col(SeenProof.at) < now - REMEMBER))


def make(sign, method: str, target: str, body: bytes, nonce: str,
         iat: int | None = None, jti: str | None = None) -> str:
    """A proof (what the browser's device.js builds), given a signing function of bytes to
    a base64url raw r||s signature: used by tests, benchmarks and tools."""
    head = b64url(json.dumps(_HEADER_JSON, separators=(",", ":")).encode())
    claims = {"jti": jti or secrets.token_urlsafe(16), "htm": method.upper(), "htu": target,
              "iat": int(time.time()) if iat is None else iat, "nonce": nonce,
              "bh": body_hash(body)}
    payload = b64url(json.dumps(claims, separators=(",", ":")).encode())
    return f"{head}.{payload}.{sign(f'{head}.{payload}'.encode())}"
