"""Web push without the internet: a push service on loopback that records what it is sent
and answers as told, and a subscriber that holds a subscription's private keys, so a test
decrypts each push (RFC 8291, `http_ece`) and checks its VAPID token (RFC 8292)."""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Received:
    """One request the push service got."""

    path: str
    headers: dict[str, str]
    body: bytes


class PushService:
    """A push service on 127.0.0.1: `answers[path]` is (status, Retry-After or None,
    seconds to wait before answering); 201 at once by default."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.answers: dict[str, tuple[int, str | None, float]] = {}
        self._lock = threading.Lock()
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                with service._lock:
                    service.received.append(Received(
                        self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                status, retry, wait = service.answers.get(self.path, (201, None, 0.0))
                time.sleep(wait)
                self.send_response(status)
                if retry is not None:
                    self.send_header("Retry-After", retry)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def to(self, path: str) -> list[Received]:
        """What was sent to one endpoint path."""
        with self._lock:
            return [r for r in self.received if r.path == path]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class Subscriber:
    """A browser's side of one subscription: its ECDH key pair and auth secret."""

    def __init__(self, service: PushService, name: str | None = None) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        self.path = f"/push/{name or b64url(os.urandom(6))}"
        self.endpoint = service.origin + self.path

    def subscription(self) -> dict:
        """PushSubscription.toJSON()."""
        point = self.key.public_key().public_bytes(serialization.Encoding.X962,
                                                   serialization.PublicFormat.UncompressedPoint)
        return {"endpoint": self.endpoint, "expirationTime": None,
                "keys": {"p256dh": b64url(point), "auth": b64url(self.auth)}}

    def decrypt(self, received: Received) -> dict:
        """The push's JSON, decrypted as the browser would."""
        assert received.headers["content-encoding"] == "aes128gcm"
        return json.loads(http_ece.decrypt(received.body, private_key=self.key,
                                           auth_secret=self.auth, version="aes128gcm"))


def vapid_claims(received: Received, server_key: str) -> dict:
    """The claims of the push's VAPID token, after checking that its `k` is `server_key`
    (the applicationServerKey the phone subscribed with) and that the token's ES256
    signature verifies under it; raises AssertionError otherwise."""
    scheme, _, params = received.headers["authorization"].partition(" ")
    assert scheme == "vapid", received.headers["authorization"]
    fields = dict(part.strip().split("=", 1) for part in params.split(","))
    assert fields["k"] == server_key
    head, claims, signature = fields["t"].split(".")
    assert json.loads(unb64url(head)) == {"typ": "JWT", "alg": "ES256"}
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(fields["k"]))
    raw = unb64url(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    try:
        public.verify(der, f"{head}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature as exc:
        raise AssertionError("VAPID token signature does not verify") from exc
    return json.loads(unb64url(claims))
