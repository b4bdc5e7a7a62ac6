"""The browser verifier (assets/card_qr.js, WebCrypto) accepts what Python signed and refuses a
tampered payload, an unknown key id and an expired card, exactly as api/card/qr.py does."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from playwright.sync_api import Page

from api.card import keys, qr
from api.card.base45 import b45decode, b45encode
from tests.browser.conftest import Server

pytestmark = pytest.mark.browser

VERIFY = """async ([text, jwks, today]) => {
    const m = await import('/card_qr.js');
    try {
        const claims = await m.verifyCardQr(text, await m.importKeys(jwks), today);
        return {ok: true, claims};
    } catch (e) {
        return {ok: false, reason: e.reason || String(e)};
    }
}"""


def signed(key: ec.EllipticCurvePrivateKey, valid_to: dt.date, name: str = "Trần Thị Bích Ngọc"
           ) -> str:
    return qr.sign(qr.CardClaims("7912345678", name, dt.date(1994, 9, 2), "F", "DN", 80,
                                 "79003", valid_to, dt.date(2026, 1, 1),
                                 keys.key_id(key.public_key())), key)


def test_webcrypto_agrees_with_python(page: Page, server: Server) -> None:
    issuer, stranger = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(
        ec.SECP256R1())
    jwks = {"keys": [keys.public_jwk(issuer.public_key())]}
    today = "2026-11-23"
    good = signed(issuer, dt.date(2026, 12, 31))
    blob = bytearray(b45decode(good[4:]))
    at = blob.index("Ngọc".encode())
    blob[at:at + 1] = b"M"  # Ngọc -> Mgọc, signature unchanged
    tampered = "BV1:" + b45encode(bytes(blob))
    cases = {
        good: None,
        tampered: "qr_bad_signature",
        signed(stranger, dt.date(2026, 12, 31)): "qr_unknown_key",
        signed(issuer, dt.date(2026, 11, 22)): "qr_expired",
        "BV1:%%%": "qr_format",
        "https://example.com": "qr_format",
    }
    page.goto("/login")
    for text, reason in cases.items():
        result = page.evaluate(VERIFY, [text, jwks, today])
        if reason is None:
            assert result["ok"], result
            assert result["claims"]["fullName"] == "Trần Thị Bích Ngọc"
            assert result["claims"]["validTo"] == "2026-12-31"
        else:
            assert result == {"ok": False, "reason": reason}, text
        # Python reaches the same verdict.
        trusted = {keys.key_id(issuer.public_key()): issuer.public_key()}
        try:
            qr.verify(text, trusted, today=dt.date(2026, 11, 23))
            python_reason = None
        except qr.QrError as exc:
            python_reason = exc.reason
        assert python_reason == reason


def test_published_keys_verify_the_served_card(page: Page, server: Server) -> None:
    from tests.browser.conftest import log_in

    log_in(page, server)
    page.goto("/card")
    page.locator(".qr-check").wait_for()
    # The JSON API answers only requests signed by this device's key (device.js).
    text = page.evaluate("""import('/device.js').then(m => m.deviceFetch('/api/me/card'))
        .then(r => r.json()).then(c => c.qr_text)""")
    result = page.evaluate("""async (text) => {
        const m = await import('/card_qr.js');
        return (await m.verifyCardQr(text, await m.issuerKeys())).code;
    }""", text)
    assert result == "0123456789"
