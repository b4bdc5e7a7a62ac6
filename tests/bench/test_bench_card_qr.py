"""Card QR figures: offline verifications per second in the browser (static and live QR,
WebCrypto), the revocation list for 10 million cards with 1 % revoked (first download and
a day's delta), and how big the live QR is on a 5-inch phone screen."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import secrets
import time
from pathlib import Path

import pytest
import segno
from playwright.sync_api import Browser
from sqlalchemy import insert
from sqlmodel import Session

from api.card import revocation
from api.card.verifier import Trust, verify_any
from api.domain.models import Revocation
from api.services import revocations
from tests.bench.conftest import report
from tests.browser.conftest import Server
from tests.conftest import migrate
from tests.vectors import make_vectors

pytestmark = pytest.mark.bench
VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "vectors.json").read_text())
CASES = {c["name"]: c["qr"] for c in VECTORS["cases"]}
CARDS, REVOKED, PER_DAY = 10_000_000, 100_000, 1_000

RATE = """async ([text, jwks, revoked, now, today]) => {
    const m = await import('/card_qr.js');
    const trust = {keys: await m.importKeys(jwks), revoked: new Set(revoked)};
    for (let i = 0; i < 20; i++) await m.verifyAny(text, trust, now, today);  // warm up
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 2000) {
        const v = await m.verifyAny(text, trust, now, today);
        if (!v.ok) throw new Error(v.reason);
        n++;
    }
    return n / ((performance.now() - start) / 1000);
}"""


def test_browser_verifications_per_second(browser: Browser, server: Server) -> None:
    page = browser.new_page(base_url=server.url)
    page.goto("/login")
    # The peer: the same checks in Python (cryptography/OpenSSL) on this machine.
    trust = Trust({k["kid"]: __import__("api.card.keys", fromlist=["x"]).jwk_to_public_key(k)
                   for k in VECTORS["jwks"]["keys"]},
                  frozenset(bytes.fromhex(h) for h in VECTORS["revoked"]))
    for kind in ("static", "live"):
        text = CASES[f"{kind}_valid"]
        rate = page.evaluate(RATE, [text, VECTORS["jwks"], VECTORS["revoked"], VECTORS["now"],
                                    VECTORS["today"]])
        report(f"offline {kind} QR verifications in Chromium (WebCrypto), one tab", rate,
               "per s")
        today = dt.date.fromisoformat(VECTORS["today"])
        start, n = time.perf_counter(), 0
        while time.perf_counter() - start < 1:
            assert verify_any(text, trust, VECTORS["now"], today).ok
            n += 1
        report(f"peer: {kind} QR verifications in Python (OpenSSL), one core",
               n / (time.perf_counter() - start), "per s")
    page.close()


def test_revocation_list_for_ten_million_cards(tmp_path: Path) -> None:
    eng = migrate(f"sqlite:///{tmp_path / 'rev.db'}")
    now = dt.datetime.now(dt.UTC)
    rows = [{"entry": secrets.token_bytes(8).hex(), "kind": "card", "reason": "lost",
             "revoked_at": now, "seq": i + 1, "gone": False} for i in range(REVOKED)]
    with Session(eng) as session:
        session.execute(insert(Revocation), rows)
        session.commit()
        start = time.perf_counter()
        first = revocations.pull(session, None)
        elapsed = time.perf_counter() - start
        cursor = first["cursor"]
        packed = base64.b64decode(first["changes"][0]["doc"]["entries"])
        body = json.dumps(first).encode()
        assert len(revocation.unpack(packed)) == REVOKED
        report(f"revocation list, {CARDS:,} cards, 1 % revoked: entries", REVOKED, "entries")
        report("revocation list, first download: packed entries", len(packed) / 1000, "kB")
        report("revocation list, first download: JSON answer", len(body) / 1000, "kB")
        report("revocation list, first download: JSON answer gzipped",
               len(gzip.compress(body)) / 1000, "kB")
        report("revocation list, first download: server time (read + sign head)",
               elapsed * 1000, "ms")
        for _ in range(PER_DAY):
            revocations.add(session, secrets.token_bytes(8), "card", "lost")
        session.commit()
        delta = json.dumps(revocations.pull(session, cursor)).encode()
        report(f"revocation list, a day's delta ({PER_DAY:,} new revocations): JSON",
               len(delta) / 1000, "kB")
        report(f"revocation list, a day's delta ({PER_DAY:,} new revocations): gzipped",
               len(gzip.compress(delta)) / 1000, "kB")


def test_live_qr_size_on_a_phone_screen() -> None:
    longest = make_vectors.claims(name="Tôn Nữ Hoàng Thị Phương Quỳnh Như")
    for label, card in (("typical name", make_vectors.claims()), ("long name", longest)):
        text = make_vectors.live_qr(card)
        code = segno.make(text, error="m", boost_error=False)
        modules = code.symbol_size(border=0)[0]
        # The phone draws it 280 CSS px wide with 2 modules of quiet zone each side; a 5-inch
        # phone at 360 CSS px across shows about 62 mm, so 280 px are about 48 mm.
        mm = 280 / 360 * 62 / (modules + 4)
        report(f"live QR ({label}): characters", len(text), "chars")
        report(f"live QR ({label}): QR version at level M", code.version, "")
        report(f"live QR ({label}): module size on a 5-inch screen, 280 px wide", mm, "mm")
        assert code.mode == "alphanumeric"
