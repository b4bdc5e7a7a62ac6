"""Benchmark (`make bench`): passkey assertion verifications per second on one core, and
device-proof checks per second (every API request pays one)."""

from __future__ import annotations

import json
import time

import pytest
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes

from api.auth import request_proofs
from tests.devicekit import Authenticator, Device

pytestmark = pytest.mark.bench
ORIGIN = "http://localhost:3000"


def test_passkey_assertions_per_second() -> None:
    auth = Authenticator()
    reg = json.loads(options_to_json(generate_registration_options(
        rp_id="localhost", rp_name="BHXH", user_name="0123456789")))
    registered = verify_registration_response(
        credential=auth.create(reg), expected_challenge=base64url_to_bytes(reg["challenge"]),
        expected_rp_id="localhost", expected_origin=ORIGIN, require_user_verification=True)
    cases = []
    for _ in range(600):
        options = json.loads(options_to_json(generate_authentication_options(rp_id="localhost")))
        cases.append((auth.get(options), base64url_to_bytes(options["challenge"])))
    start = time.perf_counter()
    for credential, challenge in cases:
        verify_authentication_response(
            credential=credential, expected_challenge=challenge, expected_rp_id="localhost",
            expected_origin=ORIGIN, credential_public_key=registered.credential_public_key,
            credential_current_sign_count=0, require_user_verification=True)
    rate = len(cases) / (time.perf_counter() - start)
    print(f"BENCH passkey assertion verifications, one core: {rate:,.0f} per s", flush=True)


def test_device_proofs_per_second() -> None:
    device = Device()
    proofs = [(device.proof("GET", f"/api/me/card?n={n}"), f"/api/me/card?n={n}")
              for n in range(2000)]
    start = time.perf_counter()
    for header, path in proofs:
        assert request_proofs.check(device.jwk, header, "GET", path, b"")
    rate = len(proofs) / (time.perf_counter() - start)
    print(f"BENCH device-proof checks (ES256 JWS, nonce, body hash), one core: "
          f"{rate:,.0f} per s", flush=True)
