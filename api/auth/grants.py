"""Short-lived URLs for images of the logged-in person (photo, card PNG).

An <img> or a download link cannot add a device proof header, so a page that has proven its
device gets URLs carrying a grant: an HMAC over (session id, path, expiry). A grant works only
together with the same live session cookie, so a copied cookie alone still gets nothing.
"""

from __future__ import annotations

import time

from api.auth.secrets import digest, same

LIFETIME = 15 * 60  # seconds


def mint(session_id: int, path: str, now: float | None = None) -> str:
    """A grant for `path` under this session."""
    expires = int((now if now is not None else time.time()) + LIFETIME)
    return f"{expires}.{digest('grant', f'{session_id}:{path}:{expires}')[:32]}"


def check(grant: str | None, session_id: int, path: str, now: float | None = None) -> bool:
    """Whether the grant is valid for this session and path, and not expired."""
    expires_text, _, mac = (grant or "").partition(".")
    if not expires_text.isdigit() or int(expires_text) < (now if now is not None
                                                          else time.time()):
        return False
    return same(mac, digest("grant", f"{session_id}:{path}:{expires_text}")[:32])


def url(session_id: int, path: str) -> str:
    """`path?grant=...`."""
    return f"{path}?grant={mint(session_id, path)}"
