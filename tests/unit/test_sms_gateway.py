"""The HTTP SMS gateway against a real HTTP server on loopback."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from api.auth.sms import HttpGateway, SmsGatewayError, gateway


class Provider(BaseHTTPRequestHandler):
    """A fake SMS provider: records requests, answers with the status the test chose."""

    received: list[tuple[dict, str]] = []
    status = 202

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Provider.received.append((body, self.headers.get("Authorization", "")))
        self.send_response(Provider.status)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def provider() -> Iterator[str]:
    Provider.received, Provider.status = [], 202
    server = HTTPServer(("127.0.0.1", 0), Provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/send"
    server.shutdown()


def test_posts_json_with_bearer_token(provider: str) -> None:
    HttpGateway(provider, "s3cret").send(None, "0912345678", "0123456789", "mã 123456")
    assert Provider.received == [({"to": "0912345678", "text": "mã 123456"}, "Bearer s3cret")]


def test_provider_error_raises(provider: str) -> None:
    Provider.status = 500
    with pytest.raises(SmsGatewayError):
        HttpGateway(provider).send(None, "0912345678", "0123456789", "x")


def test_unreachable_provider_raises() -> None:
    with pytest.raises(SmsGatewayError):
        HttpGateway("http://127.0.0.1:9/none", timeout=2).send(None, "0", "0", "x")


def test_configuration_picks_the_gateway(monkeypatch, provider: str) -> None:
    monkeypatch.setenv("SMS_GATEWAY", "http")
    monkeypatch.setenv("SMS_GATEWAY_URL", provider)
    assert isinstance(gateway(), HttpGateway)
    monkeypatch.setenv("SMS_GATEWAY_URL", "")
    with pytest.raises(SmsGatewayError):
        gateway()
