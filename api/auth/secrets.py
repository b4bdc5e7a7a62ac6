"""Random tokens and their keyed digests (what the database stores)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from api.config import settings


def new_token() -> str:
    """A 256-bit URL-safe random token."""
    return secrets.token_urlsafe(32)


def digest(purpose: str, value: str) -> str:
    """HMAC-SHA256 of a secret under the server key, separated by purpose."""
    key = settings().secret_key.encode()
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    """Constant-time comparison."""
    return hmac.compare_digest(a, b)
