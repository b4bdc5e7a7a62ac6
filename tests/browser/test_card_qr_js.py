"""The browser verifier (assets/card_qr.js, WebCrypto) accepts what Python signed and refuses a
tampered payload, an unknown key id and an expired card, exactly as api/card/qr.py does."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import urllib.parse
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from PIL import Image, ImageChops
from playwright.sync_api import Page

from api.card import keys, live, qr, revocation
from api.card.base45 import b45decode, b45encode
from api.card.verifier import Trust, verify_any
from api.jose import b64url
from tests.browser.conftest import Server
from tests.vectors import make_vectors

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


VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "vectors.json").read_text())

VERIFY_ANY = """async ([data]) => {
    const m = await import('/card_qr.js');
    const trust = {keys: await m.importKeys(data.jwks), revoked: new Set(data.revoked)};
    const out = {};
    for (const c of data.cases) {
        const v = await m.verifyAny(c.qr, trust, data.now, data.today);
        out[c.name] = {kind: v.kind, ok: v.ok, reason: v.reason || null,
                       holder_bound: v.holderBound, name: v.claims && v.claims.fullName};
    }
    return out;
}"""


def test_the_browser_verifier_passes_every_vector(page: Page, server: Server) -> None:
    page.goto("/login")
    got = page.evaluate(VERIFY_ANY, [VECTORS])
    for case in VECTORS["cases"]:
        name = got[case["name"]].pop("name")
        assert got[case["name"]] == case["expect"], case["name"]
        if case["expect"]["ok"]:
            assert name == "Nguyễn Thị Lan"


def test_a_live_qr_made_in_the_browser_passes_python(page: Page, server: Server) -> None:
    """The phone's half (makeLiveQr with a WebCrypto device key) against the Python verifier,
    and the browser's revocation-list check against a head Python signed."""
    device = ec.generate_private_key(ec.SECP256R1())
    signed_credential = live.issue(make_vectors.claims(), dt.date(2026, 1, 1),
                                   device.public_key(), make_vectors.TODAY, make_vectors.ISSUER)
    private = device.private_numbers()
    jwk = {**keys.public_jwk(device.public_key()),
           "d": b64url(private.private_value.to_bytes(32, "big"))}
    entries = [bytes.fromhex(h) for h in VECTORS["revoked"]]
    head = revocation.sign_head(7, entries, make_vectors.ISSUER)
    page.goto("/login")
    result = page.evaluate("""async ([jwk, cred, at, jwks, head, revoked]) => {
        const m = await import('/card_qr.js');
        const {kid, alg, use, ...bare} = jwk;
        const key = await crypto.subtle.importKey('jwk', bare,
            {name: 'ECDSA', namedCurve: 'P-256'}, false, ['sign']);
        const sign = async (bytes) => crypto.subtle.sign({name: 'ECDSA', hash: 'SHA-256'},
            key, bytes);
        const raw = Uint8Array.from(atob(cred), (c) => c.charCodeAt(0));
        const keys = await m.importKeys(jwks);
        return {qr: await m.makeLiveQr(raw, at, sign),
                head: await m.checkHead(head, revoked, keys),
                forged: await m.checkHead({...head, seq: 8}, revoked, keys),
                short: await m.checkHead(head, revoked.slice(1), keys)};
    }""", [jwk, base64.b64encode(signed_credential).decode(), make_vectors.NOW - 5,
           VECTORS["jwks"], head, VECTORS["revoked"]])
    assert (result["head"], result["forged"], result["short"]) == (True, False, False)
    trust = Trust({k["kid"]: keys.jwk_to_public_key(k) for k in VECTORS["jwks"]["keys"]})
    verdict = verify_any(result["qr"], trust, make_vectors.NOW, make_vectors.TODAY)
    assert (verdict.ok, verdict.kind, verdict.holder_bound) == (True, "live", True)
    assert verify_any(result["qr"], trust, make_vectors.NOW + 200,
                      make_vectors.TODAY).reason == "qr_stale"


PRINTED_SIDE_BY_SIDE = """async ([uri]) => {
    const m = await import('/printed_qr.js');
    const svg = m.printedSvg(uri, 'QR');
    if (!svg) return null;
    const img = new Image();
    img.src = uri;
    await img.decode();
    svg.setAttribute('width', img.naturalWidth);
    svg.setAttribute('height', img.naturalHeight);
    document.body.replaceChildren(...[['as-image', img], ['inline', svg]].map(([id, el]) => {
        const box = document.createElement('div');
        box.id = id;
        Object.assign(box.style, {background: '#fff', width: 'fit-content', lineHeight: 0});
        box.append(el);
        return box;
    }));
    return {size: img.naturalWidth, title: svg.querySelector('title').textContent};
}"""


def test_the_printed_code_drawn_inline_is_the_stored_image(page: Page, server: Server) -> None:
    """The card's early paint draws the printed code from the server's SVG as inline SVG
    (assets/printed_qr.js): pixel for pixel the stored image; anything that is not the SVG
    the server writes is left as an image."""
    from tests.browser.conftest import log_in

    log_in(page, server)
    page.goto("/card")
    page.locator(".qr-check").wait_for()
    uri = page.evaluate("""import('/device.js').then(m => m.deviceFetch('/api/me/card'))
        .then(r => r.json()).then(c => c.qr_svg)""")
    shown = page.evaluate(PRINTED_SIDE_BY_SIDE, [uri])
    assert shown and shown["size"] > 100 and shown["title"] == "QR", shown
    pictures = [Image.open(io.BytesIO(page.locator(f"#{name}").screenshot())).convert("RGB")
                for name in ("as-image", "inline")]
    assert pictures[0].size == pictures[1].size == (shown["size"], shown["size"])
    assert ImageChops.difference(*pictures).getbbox() is None  # the same pixels

    svg = urllib.parse.unquote(uri.removeprefix("data:image/svg+xml;charset=utf-8,"))
    for other in (
        "data:image/png;base64,iVBORw0KGgo=",
        "data:image/svg+xml;charset=utf-8," + urllib.parse.quote(
            svg.replace("</svg>", "<script>alert(1)</script></svg>")),
        "data:image/svg+xml;charset=utf-8," + urllib.parse.quote(
            svg.replace(" d='M", " d='M1 1' onload='alert(1)' x='M")),
    ):
        assert page.evaluate("""async ([uri]) => (await import('/printed_qr.js'))
            .printedSvg(uri, 'QR') === null""", [other]), other[:80]
