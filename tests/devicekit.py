"""Test stand-ins for a browser's device key and a platform authenticator: real P-256 keys
and real WebAuthn structures (CBOR attestation objects, authenticator data, assertions), so
the server's checks run against genuine cryptography."""

from __future__ import annotations

import gzip
import hashlib
import json
import secrets
import struct

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from api.auth import request_proofs
from api.jose import b64url, b64url_decode, ec_jwk, raw_signature

unb64url = b64url_decode  # the name the tests use


class Device:
    """A browser's device key (the private half would be non-extractable in WebCrypto)."""

    def __init__(self, name: str = "Test browser") -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.name = name
        self.jwk = ec_jwk(self.key.public_key())

    def sign(self, message: bytes) -> str:
        return b64url(raw_signature(self.key.sign(message, ec.ECDSA(hashes.SHA256()))))

    def proof(self, method: str, path: str, body: bytes = b"", nonce: str | None = None,
              iat: int | None = None) -> str:
        """A request proof as device.js makes it. The nonce is one the server would hand
        out (stateless: the same SECRET_KEY makes it here as in the server)."""
        return request_proofs.make(self.sign, method, path, body,
                                   nonce if nonce is not None else request_proofs.new_nonce(),
                                   iat=iat)

    def headers(self, method: str, path: str, body: bytes = b"") -> dict[str, str]:
        """Device-Proof (and, with a body, its JSON content type) for one request."""
        extra = {"Content-Type": "application/json"} if body else {}
        return {"Device-Proof": self.proof(method, path, body), **extra}

    def post(self, client, path: str, data: object, compress: bool = False, **headers: str):
        """POST `data` as JSON with a proof bound to exactly these bytes. `compress`: the
        JSON gzip-compressed with `Content-Encoding: gzip`, as the sync engine pushes it;
        the proof then covers the compressed bytes, the ones on the wire."""
        body = json.dumps(data).encode()
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)  # a browser's default level
            headers = {"Content-Encoding": "gzip"} | headers
        return client.post(path, content=body, headers=self.headers("POST", path, body)
                           | headers)


def _cose_key(public: ec.EllipticCurvePublicKey) -> bytes:
    nums = public.public_numbers()
    return cbor2.dumps({1: 2, 3: -7, -1: 1, -2: nums.x.to_bytes(32, "big"),
                        -3: nums.y.to_bytes(32, "big")})


class Authenticator:
    """A platform authenticator with user verification (what the DevTools virtual
    authenticator is in the browser tests), able to misbehave on request."""

    def __init__(self, rp_id: str = "localhost", origin: str = "http://localhost:3000") -> None:
        self.rp_id, self.origin = rp_id, origin
        self.credentials: dict[bytes, tuple[ec.EllipticCurvePrivateKey, bytes, int]] = {}

    def _client_data(self, kind: str, challenge: str, origin: str | None) -> bytes:
        return json.dumps({"type": kind, "challenge": challenge,
                           "origin": origin or self.origin, "crossOrigin": False}).encode()

    def _auth_data(self, rp_id: str | None, counter: int, attested: bytes = b"",
                   uv: bool = True) -> bytes:
        flags = 0x01 | (0x04 if uv else 0) | (0x40 if attested else 0)
        rp_hash = hashlib.sha256((rp_id or self.rp_id).encode()).digest()
        return rp_hash + bytes([flags]) + struct.pack(">I", counter) + attested

    def create(self, options: dict, origin: str | None = None, rp_id: str | None = None,
               uv: bool = True) -> dict:
        """`navigator.credentials.create(...)` then `credential.toJSON()`."""
        key = ec.generate_private_key(ec.SECP256R1())
        cred_id = secrets.token_bytes(16)
        user_handle = unb64url(options["user"]["id"])
        self.credentials[cred_id] = (key, user_handle, 0)
        attested = (bytes(16) + struct.pack(">H", len(cred_id)) + cred_id
                    + _cose_key(key.public_key()))
        auth_data = self._auth_data(rp_id, 0, attested, uv)
        client_data = self._client_data("webauthn.create", options["challenge"], origin)
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return {"id": b64url(cred_id), "rawId": b64url(cred_id), "type": "public-key",
                "response": {"clientDataJSON": b64url(client_data),
                             "attestationObject": b64url(attestation),
                             "transports": ["internal"]},
                "clientExtensionResults": {}, "authenticatorAttachment": "platform"}

    def get(self, options: dict, cred_id: bytes | None = None, origin: str | None = None,
            rp_id: str | None = None, counter: int | None = None) -> dict:
        """`navigator.credentials.get(...)` then `credential.toJSON()` (discoverable)."""
        cred_id = cred_id or next(iter(self.credentials))
        key, handle, count = self.credentials[cred_id]
        count = count + 1 if counter is None else counter
        self.credentials[cred_id] = (key, handle, count)
        auth_data = self._auth_data(rp_id, count)
        client_data = self._client_data("webauthn.get", options["challenge"], origin)
        signature = key.sign(auth_data + hashlib.sha256(client_data).digest(),
                             ec.ECDSA(hashes.SHA256()))
        return {"id": b64url(cred_id), "rawId": b64url(cred_id), "type": "public-key",
                "response": {"clientDataJSON": b64url(client_data),
                             "authenticatorData": b64url(auth_data),
                             "signature": b64url(signature), "userHandle": b64url(handle)},
                "clientExtensionResults": {}, "authenticatorAttachment": "platform"}


def sms_login(client, eng, device: Device, code: str | None = None,
              staff_code: str | None = None, move: bool = True):
    """Log in over HTTP with a code sent by SMS (the outbox gateway): a citizen with `code`,
    clinic staff with `staff_code`. Returns the verify answer."""
    from tests.conftest import sms_code

    who = {"staff_code": staff_code} if staff_code else {"code": code}
    sent = client.post("/api/auth/otp", json=who | {"device_key": device.jwk,
                                                     "confirm_move": move})
    assert sent.status_code == 200, sent.text
    answer = client.post("/api/auth/verify", json=who | {
        "otp": sms_code(eng, staff_code or code), "device_key": device.jwk,
        "device_name": device.name})
    assert answer.status_code == 200, answer.text
    return answer
