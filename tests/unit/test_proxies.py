"""The client's address behind the reverse proxy: forwarding headers believed only from
trusted proxies (api/http/proxies.py)."""

from __future__ import annotations

import pytest

from api.http import proxies
from tests.aio import run_apart


@pytest.mark.parametrize(("peer", "forwarded", "client"), [
    ("127.0.0.1", "198.51.100.7", "198.51.100.7"),          # the proxy forwards the client
    ("::1", "2001:db8::5", "2001:db8::5"),
    ("203.0.113.9", "198.51.100.7", "203.0.113.9"),         # not a proxy: header ignored
    ("127.0.0.1", "1.2.3.4, 198.51.100.7", "198.51.100.7"),  # left part written by the client
    ("127.0.0.1", "198.51.100.7, 127.0.0.1", "198.51.100.7"),  # two proxies in a row
    ("127.0.0.1", "not-an-address", "127.0.0.1"),
    ("127.0.0.1", None, "127.0.0.1"),
    ("testclient", "198.51.100.7", "testclient"),
])
def test_client_address(peer: str, forwarded: str | None, client: str) -> None:
    assert proxies.client_address(peer, forwarded) == client


def test_trusted_proxies_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.0/8")
    assert proxies.client_address("10.1.2.3", "198.51.100.7") == "198.51.100.7"
    assert proxies.client_address("127.0.0.1", "198.51.100.7") == "127.0.0.1"


def _seen(kind: str, peer: str, headers: dict[str, str]) -> dict:
    """The scope the app behind ProxyHeaders sees for a request from `peer`."""
    seen: dict = {}

    async def app(scope, receive, send) -> None:
        seen.update(scope)

    scope = {"type": kind, "scheme": "ws" if kind == "websocket" else "http",
             "client": (peer, 41000),
             "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}
    run_apart(proxies.ProxyHeaders(app)(scope, None, None))
    return seen


def test_the_middleware_puts_the_forwarded_client_and_scheme_in_the_scope() -> None:
    forwarded = {"x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "https"}
    http = _seen("http", "127.0.0.1", forwarded)
    assert (http["client"][0], http["scheme"]) == ("198.51.100.7", "https")
    socket = _seen("websocket", "127.0.0.1", forwarded)
    assert (socket["client"][0], socket["scheme"]) == ("198.51.100.7", "wss")
    # From anyone else the headers are ignored: the connection is what it is.
    stranger = _seen("http", "203.0.113.9", forwarded)
    assert (stranger["client"][0], stranger["scheme"]) == ("203.0.113.9", "http")
