"""The web surface, as one ASGI middleware around everything the app serves (pages, assets,
service worker, API, errors): security headers on every answer, and the request rules of
the API (body size, JSON only, same origin) before any handler runs.

Reflex mounts itself inside the API application (`api_transformer`), so this middleware
sees the prerendered pages and static files as well as /api.

Content-Security-Policy of a page: scripts only from this origin, plus the page's own
inline scripts by their SHA-256 (React Router's prerender writes a few: hydration data, the
module entry, scroll restoration; the hashes are taken from each page as it is served, so
they always match the build). No 'unsafe-eval': nothing in the app evaluates script text.
Styles allow 'unsafe-inline' because Reflex's CSS-in-JS (Emotion) inserts <style> tags at
run time; inline style cannot run code. Images also from data: and blob: URLs (the card QR
and the photo come from the phone's store). Nothing may frame the app.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import re

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth.request_proofs import NONCE_COOKIE, NONCE_LIFETIME, new_nonce
from api.config import allowed_origins
from api.http.base import error, request_lang

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Largest request body per API path, in bytes; anything else under /api gets API_BODY_LIMIT.
API_BODY_LIMITS = {"/api/sync/push": 1024 * 1024, "/api/passkeys": 32 * 1024,
                   "/api/auth/passkey": 32 * 1024,
                   # A registration carries the face photo (at most 150 KB, as base64).
                   "/api/register": 256 * 1024, "/api/register/answer": 256 * 1024}
API_BODY_LIMIT = 8 * 1024
OTHER_BODY_LIMIT = 1024 * 1024  # Reflex's own HTTP endpoints

BASE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # The camera is for the clinic's card scanner and for scanning the ID card when
    # registering; passkeys need the two WebAuthn features.
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), "
                          "serial=(), hid=(), publickey-credentials-get=(self), "
                          "publickey-credentials-create=(self)",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
HSTS = "max-age=63072000; includeSubDomains"
SCRIPT_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
OTHER_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", re.S | re.I)


def body_limit(path: str) -> int:
    """The largest body a request to `path` may carry."""
    if path.startswith("/api/"):
        return API_BODY_LIMITS.get(path, API_BODY_LIMIT)
    return OTHER_BODY_LIMIT


@functools.cache
def _origins() -> frozenset[str]:
    return frozenset(allowed_origins())


@functools.cache
def _socket_origins() -> str:
    return " ".join(sorted(o.replace("http", "ws", 1) for o in _origins()))


def page_policy(html: bytes, https: bool) -> str:
    """The CSP of one page: its inline scripts by hash, everything else from this origin."""
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode()
                     + "'" for body in _INLINE_SCRIPT.findall(html)})
    policy = [
        # 'wasm-unsafe-eval' lets a page compile WebAssembly (and nothing else: eval() and
        # new Function stay refused): the QR decoder of the clinic and of the registration
        # is ZXing compiled to .wasm, served from this origin (assets/clinic/scanner.js).
        "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
        "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
        "font-src 'self' data:", f"connect-src 'self' {_socket_origins()}",
        "manifest-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'none'",
        "form-action 'self'", "frame-ancestors 'none'",
    ]
    if https:
        policy.append("upgrade-insecure-requests")
    return "; ".join(policy)


def refusal(scope: Scope) -> tuple[int, str] | None:
    """Why an API request that changes something is refused before it runs (status,
    reason), or None. Browsers send `Origin` with every such request, and only a script of
    the same origin can send `application/json` without a CORS preflight, which a foreign
    origin fails; requests without either header come from programs, not from a browser
    tricked by another site."""
    headers = Headers(scope=scope)
    origin = headers.get("origin")
    if origin is not None and origin not in _origins():
        return 403, "cross_site"
    if origin is None and headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        return 403, "cross_site"
    media = headers.get("content-type", "").split(";")[0].strip().lower()
    has_body = scope["method"] == "POST" or headers.get("content-length", "0") != "0" \
        or "transfer-encoding" in headers
    if has_body and media != "application/json":
        return 415, "json_only"
    return None


class WebSurface:
    """Security headers on every HTTP answer; size, origin and type rules on API writes."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "http.response.pathsend" in scope.get("extensions", {}):
            # A page's CSP needs its body, so files are sent as bytes, not by path (granian
            # would otherwise send them itself, past this middleware).
            scope = {**scope, "extensions": {k: v for k, v in scope["extensions"].items()
                                             if k != "http.response.pathsend"}}
        request = Request(scope)
        https = scope.get("scheme") == "https" or \
            request.headers.get("x-forwarded-proto") == "https"
        send = _with_headers(send, https)
        path, method = scope["path"], scope["method"]
        if method in UNSAFE_METHODS and path.startswith("/api/"):
            refused = refusal(scope)
            if refused:
                await _refuse(request, send, *refused)
                return
        if method in UNSAFE_METHODS or "content-length" in request.headers:
            limit = body_limit(path)
            body = await _read_body(receive, limit)
            if body is None:
                await _refuse(request, send, 413, "too_large", limit=limit // 1024)
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it passes `limit` bytes."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _replay(body: bytes, original: Receive) -> Receive:
    """`receive` for the app: the body already read, then the real stream (whose next
    message is the client's disconnect, whenever that comes)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return await original()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _refuse(request: Request, send: Send, status: int, reason: str,
                  **values: object) -> None:
    """Answer with the API's usual JSON error, before the request reaches a handler."""
    answer = error(reason, status, request_lang(request), **values)
    await answer(request.scope, request.receive, send)


def _with_headers(send: Send, https: bool) -> Send:
    """`send` that adds the security headers; a page's start is held back until its body is
    complete, since its CSP names the hashes of the scripts in it."""
    held: Message | None = None
    parts: list[bytes] = []

    async def wrapped(message: Message) -> None:
        nonlocal held
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in BASE_HEADERS.items():
                headers[name] = value
            if https:
                headers["Strict-Transport-Security"] = HSTS
            if message["status"] == 304:
                # A 304's headers replace the cached ones (RFC 9111, 4.3.4): it must not
                # bring a policy other than the page's own, so it brings none.
                await send(message)
                return
            kind = headers.get("content-type", "")
            if kind.startswith("text/html"):
                held = message
                return
            headers["Content-Security-Policy"] = \
                SCRIPT_CSP if "javascript" in kind else OTHER_CSP
        elif message["type"] == "http.response.body" and held is not None:
            parts.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(parts)
            headers = MutableHeaders(scope=held)
            html = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
            headers["Content-Security-Policy"] = page_policy(html, https)
            # The page hands the phone a request-proof nonce (and the server's time), so the
            # first API call of an app open needs no extra round trip to learn one.
            headers.append("Set-Cookie", f"{NONCE_COOKIE}={new_nonce()}; Path=/; Max-Age="
                           f"{NONCE_LIFETIME}; SameSite=Strict" + ("; Secure" if https else ""))
            start, held = held, None
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        await send(message)

    return wrapped
