"""The server's VAPID identity (RFC 8292): the P-256 key pair that signs every push request,
and whose public half the phone gives its push service when it subscribes
(`applicationServerKey`), so that only this server can push to it.

The private key is VAPID_PRIVATE_KEY (PEM) when set; otherwise the server makes one on
first use and keeps it in the database (`ServerKey` "vapid"), outside git, shared by every
worker and machine. The first worker to make it wins (an insert that loses the race reads
the winner's key), so all sign with one key. Changing the key makes every subscription
useless: phones subscribe again at their next start (the app compares the key).
"""

from __future__ import annotations

import functools
import time

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from api.clock import utcnow
from api.config import settings
from api.jose import b64url
from api.push.models import ServerKey

NAME = "vapid"
# A signed VAPID token is reused for this long per push service (it is valid for 12 h):
# signing one per push would cost more than encrypting the message.
TOKEN_REUSE_SECONDS = 3600
TOKEN_LIFETIME_SECONDS = 12 * 3600


def _pem_of(key: ec.EllipticCurvePrivateKey) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def private_pem(session: Session) -> str:
    """The VAPID private key (PEM): configured, stored, or made now and stored."""
    configured = settings().vapid_private_key
    if configured:
        return configured
    row = session.get(ServerKey, NAME)
    if row is None:
        made = ServerKey(name=NAME, pem=_pem_of(ec.generate_private_key(ec.SECP256R1())),
                         created_at=utcnow())
        try:
            with session.begin_nested():
                session.add(made)
            session.commit()
            row = made
        except IntegrityError:  # another worker made it first: use theirs
            session.rollback()
            row = session.get(ServerKey, NAME)
    return row.pem


@functools.lru_cache(maxsize=4)
def _vapid(pem: str) -> Vapid02:
    return Vapid02.from_pem(pem.encode())


def vapid(session: Session) -> Vapid02:
    """The VAPID signer."""
    return _vapid(private_pem(session))


def public_key(session: Session) -> str:
    """The applicationServerKey: the uncompressed P-256 point, base64url (what
    `pushManager.subscribe` takes)."""
    key = vapid(session).public_key
    return b64url(key.public_bytes(serialization.Encoding.X962,
                                   serialization.PublicFormat.UncompressedPoint))


@functools.lru_cache(maxsize=256)
def _token(pem: str, audience: str, subject: str, window: int) -> str:
    claims = {"aud": audience, "sub": subject,
              "exp": window * TOKEN_REUSE_SECONDS + TOKEN_LIFETIME_SECONDS}
    return _vapid(pem).sign(claims)["Authorization"]


def authorization(pem: str, audience: str) -> str:
    """The `Authorization: vapid t=…, k=…` header for a push service (`audience`: its
    scheme and host), signed once per hour per push service."""
    return _token(pem, audience, settings().vapid_subject,
                  int(time.time()) // TOKEN_REUSE_SECONDS)
