"""The client's address behind the reverse proxy: forwarding headers believed only from
trusted proxies (api/http/proxies.py)."""

from __future__ import annotations

import pytest

from api.http import proxies


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
    assert proxies.forwarded_https("10.1.2.3", "https")
    assert not proxies.forwarded_https("127.0.0.1", "https")
