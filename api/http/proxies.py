"""Who the client is, behind the reverse proxy (deploy/Caddyfile, deploy/nginx.conf).

`ProxyHeaders` is the outermost layer of the whole app (API, pages and websocket): for a
request from a trusted proxy it sets the connection's client address and scheme to what the
proxy forwarded, so everything inside (rate limits, the security event list, the Secure
cookie, redirects such as /login -> /login/, which must stay on https) sees the real ones.

The server listens on loopback behind a proxy that terminates TLS, so the connection's peer
is the proxy. The proxy appends the real client to `X-Forwarded-For` and says the scheme in
`X-Forwarded-Proto`. Those headers are believed only from a trusted proxy (TRUSTED_PROXIES:
addresses or networks, default loopback): anyone else could write them, and rate limits per
address (api/auth/throttle.py) would then count whatever address an attacker names.
"""

from __future__ import annotations

import ipaddress
import os
from functools import lru_cache

from starlette.types import ASGIApp, Receive, Scope, Send

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
DEFAULT_TRUSTED = "127.0.0.1/32,::1/128"


@lru_cache(maxsize=4)
def _networks(value: str) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(part.strip(), strict=False)
                 for part in value.split(",") if part.strip())


def trusted_networks() -> tuple[IPNetwork, ...]:
    """The proxies whose forwarding headers are believed (TRUSTED_PROXIES)."""
    return _networks(os.environ.get("TRUSTED_PROXIES", DEFAULT_TRUSTED))


def is_trusted(address: str) -> bool:
    """Whether `address` is one of the trusted proxies (not an address: not trusted)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted_networks())


def client_address(peer: str, forwarded_for: str | None) -> str:
    """The client: the peer itself, or, when the peer is a trusted proxy, the right-most
    address of X-Forwarded-For that is not a trusted proxy (entries further left were
    written by the client and prove nothing)."""
    if not forwarded_for or not is_trusted(peer):
        return peer
    for hop in reversed([part.strip() for part in forwarded_for.split(",")]):
        if not is_trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer  # garbage in the header: fall back to what we know
    return peer


class ProxyHeaders:
    """ASGI middleware: the client and scheme a trusted proxy forwarded, in the scope."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and scope.get("client"):
            peer = scope["client"][0]
            if is_trusted(peer):
                headers = dict(scope["headers"])
                forwarded_for = headers.get(b"x-forwarded-for")
                proto = headers.get(b"x-forwarded-proto")
                scope = dict(scope)
                if forwarded_for:
                    scope["client"] = (client_address(peer, forwarded_for.decode("latin-1")),
                                       0)
                if proto in (b"https", b"http"):
                    secure = proto == b"https"
                    scope["scheme"] = ("wss" if secure else "ws") if scope["type"] == \
                        "websocket" else proto.decode()
        await self.app(scope, receive, send)
