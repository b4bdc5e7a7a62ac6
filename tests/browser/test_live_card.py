"""The live card QR on the phone: drawn with this phone's device key every 30 seconds,
offline after a browser restart, and accepted by the verifier as holder-bound; a copy of
its text is refused once stale; the printed and light codes stay available."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserType, Page, expect

from api.card import keys
from api.card.verifier import Trust, verify_any
from tests.browser.conftest import Server, shot
from tests.browser.test_offline import AN, first_session, phone, pw  # noqa: F401

pytestmark = pytest.mark.browser


def trust(server: Server) -> Trust:
    jwks = httpx.get(f"{server.url}/api/card-keys").json()
    return Trust({k["kid"]: keys.jwk_to_public_key(k) for k in jwks["keys"]})


def shown(page: Page, selector: str) -> str:
    return page.locator(selector).get_attribute("data-text") or ""


def check(server: Server, text: str, at: float | None = None):
    now = int(at if at is not None else time.time())
    return verify_any(text, trust(server), now, dt.date.today())


def test_live_code_offline_after_a_restart(pw: BrowserType, server: Server,  # noqa: F811
                                           tmp_path: Path) -> None:
    ctx, page = first_session(pw, tmp_path / "profile", server, "/card", installed=True)
    live = page.locator("#card-qr[data-kind=live]")
    expect(live).to_be_visible(timeout=20000)
    verdict = check(server, shown(page, "#card-qr[data-kind=live]"))
    assert (verdict.ok, verdict.kind, verdict.holder_bound) == (True, "live", True)
    assert verdict.claims["code"] == AN
    expect(page.locator(".qr-check")).to_have_attribute("data-result", "ok")
    assert 9 <= int(live.get_attribute("data-version")) <= 13  # readable at arm's length
    shot(page, "card-live-vi")
    ctx.close()

    ctx = phone(pw, tmp_path / "profile", server, offline=True)  # network off, new browser
    page = ctx.new_page()
    page.goto("/card")
    expect(page.locator("#card-qr[data-kind=live]")).to_be_visible(timeout=20000)
    first = shown(page, "#card-qr[data-kind=live]")
    verdict = check(server, first)
    assert (verdict.ok, verdict.holder_bound) == (True, True)
    # The same text shown again three minutes later (a screenshot) is refused.
    assert check(server, first, time.time() + 180).reason == "qr_stale"
    # Within 30 seconds the phone draws a new code, itself fresh.
    expect(page.locator("#card-qr[data-kind=live]")).not_to_have_attribute("data-text", first,
                                                                timeout=40000)
    assert check(server, shown(page, "#card-qr[data-kind=live]")).ok
    page.locator("#code-light").click()
    light = check(server, shown(page, "#card-qr[data-kind=light]"))
    assert (light.ok, light.kind, light.holder_bound) == (True, "light", False)
    assert set(light.claims) >= {"code", "full_name", "dob", "valid_to"}
    assert "group" not in light.claims and "facility" not in light.claims
    page.locator("#code-printed").click()
    expect(page.locator("#card-qr[data-kind=printed]")).to_be_visible()
    expect(page.locator(".qr-check")).to_have_attribute("data-result", "ok")
    shot(page, "card-printed-offline-vi")
    ctx.close()


# Watches the card codes from before the page's own scripts run: each code put on the page
# (its kind, whether the early paint drew it, its text, when), the most codes seen at once
# (two would be the early paint and the card screen both showing one), and the holder and
# card number the early paint showed (read as it painted them: on a loaded machine the card
# screen can take over before a check from the test reaches the page), and whether the page's
# own frame was kept out of layout meanwhile (assets/card_frame.js).
WATCH_CODES = """
self.__codes = { seen: [], most: 0, bootGone: null, holder: null, number: null,
                 frameHeld: null };
new MutationObserver(() => {
    const boot = document.getElementById('card-boot');
    if (boot && self.__codes.holder === null && boot.querySelector('.holder')) {
        self.__codes.holder = boot.querySelector('.holder').textContent;
        self.__codes.number = boot.querySelector('.card-number').textContent;
        self.__codes.frameHeld = document.documentElement.hasAttribute('data-early');
    }
    const codes = document.querySelectorAll('#card-qr');
    self.__codes.most = Math.max(self.__codes.most, codes.length);
    codes.forEach((el) => {
        const key = `${el.dataset.kind}|${el.dataset.boot || ''}|${el.dataset.text || ''}`;
        if (!self.__codes.seen.some((s) => s.key === key)) {
            self.__codes.seen.push({ key, kind: el.dataset.kind, boot: Boolean(el.dataset.boot),
                                     text: el.dataset.text || '', at: performance.now(),
                                     tag: el.tagName.toLowerCase() });
        }
    });
    if (self.__codes.seen.some((s) => s.boot) && !document.getElementById('card-boot')
        && self.__codes.bootGone === null) self.__codes.bootGone = performance.now();
}).observe(document, { childList: true, subtree: true, attributes: true });
"""


def test_card_painted_from_the_store_before_the_app(pw: BrowserType, server: Server,  # noqa: F811
                                                    tmp_path: Path) -> None:
    """Offline after a restart, on a phone as slow as the benchmark's, the early paint
    (assets/card_boot.js) shows the printed code, then the live one, before the app has
    loaded; both verify; the card screen then takes over with that very live code, and there
    is never more than one code on the page."""
    ctx, _ = first_session(pw, tmp_path / "profile", server, "/card", installed=True)
    ctx.close()

    ctx = phone(pw, tmp_path / "profile", server, offline=True)
    ctx.add_init_script(WATCH_CODES)
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    ctx.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto("/card")
    page.wait_for_function("() => self.__codes.seen.some((c) => c.boot)")
    if page.locator("#card-boot").count():
        shot(page, "card-early-paint-vi")
    early = page.evaluate("self.__codes")
    assert early["holder"] and early["number"] == AN, early
    assert early["frameHeld"], early  # the header and bottom bar out of layout meanwhile
    # The card screen has taken over: its code, no overlay, the offline check passes.
    expect(page.locator("#card-qr[data-kind=live]:not([data-boot])")).to_be_visible(timeout=30000)
    expect(page.locator("#card-boot")).to_have_count(0)
    # ...and the page's own frame is back (drawn empty until then).
    expect(page.locator("html[data-early]")).to_have_count(0)
    expect(page.locator(".topbar .page-title")).to_be_visible()
    expect(page.locator(".bottomnav .nav-item.active")).to_be_visible()
    expect(page.locator(".qr-check")).to_have_attribute("data-result", "ok")
    shot(page, "card-after-early-paint-vi")  # beside card-early-paint-vi: the same layout
    codes = page.evaluate("self.__codes")
    app_at = page.evaluate("performance.getEntriesByName('app:card')[0].startTime")
    # The early paint stayed until the card screen showed the card (nothing else removed it:
    # once, React's hydration did, and the loading panel came back for a few hundred ms).
    assert codes["bootGone"] is not None and codes["bootGone"] >= app_at, (codes, app_at)
    booted = [c for c in codes["seen"] if c["boot"]]
    assert [c["kind"] for c in booted][:1] == ["printed"], codes
    # Drawn inline from the server's own SVG (assets/printed_qr.js), not as an image.
    assert booted[0]["tag"] == "svg", booted
    assert all(c["at"] < app_at for c in booted), (booted, app_at)
    assert codes["most"] == 1, codes
    printed = check(server, booted[0]["text"])
    assert (printed.ok, printed.kind) == (True, "static")
    lives = [c for c in booted if c["kind"] == "live"]
    assert lives, f"the early paint drew no live code before the app took over: {codes}"
    verdict = check(server, lives[0]["text"])
    assert (verdict.ok, verdict.holder_bound) == (True, True)
    assert verdict.claims["code"] == AN
    # The takeover kept the early paint's code (its 30 seconds are not up).
    assert shown(page, "#card-qr[data-kind=live]") == lives[0]["text"]
    ctx.close()


META_KEYS = """() => new Promise((resolve) => {
    const q = indexedDB.open('wallet-data');
    q.onsuccess = () => { const r = q.result.transaction('meta').objectStore('meta').getAllKeys();
        r.onsuccess = () => { q.result.close(); resolve(r.result); }; };
})"""
FORGET_SUMMARY = """() => new Promise((resolve) => {
    const q = indexedDB.open('wallet-data');
    q.onsuccess = () => { const t = q.result.transaction('meta', 'readwrite');
        t.objectStore('meta').delete('card-summary');
        t.oncomplete = () => { q.result.close(); resolve(true); }; };
})"""


def test_early_paint_of_a_store_synced_before_card_summaries(pw: BrowserType,  # noqa: F811
                                                             server: Server,
                                                             tmp_path: Path) -> None:
    """A phone whose store has the card but no summary yet (synced by an older version):
    the early paint reads the whole card instead, and the store writes the summary once
    the card screen has read the card. Opened on the card image, nothing is painted early."""
    ctx, page = first_session(pw, tmp_path / "profile", server, "/card", installed=True)
    assert "card-summary" in page.evaluate(META_KEYS)  # written with the card
    page.evaluate(FORGET_SUMMARY)
    ctx.close()

    ctx = phone(pw, tmp_path / "profile", server, offline=True)
    ctx.add_init_script(WATCH_CODES)
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    ctx.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto("/card")
    page.wait_for_function("() => self.__codes.seen.some((c) => c.boot)")
    assert page.evaluate("self.__codes.number") == AN
    expect(page.locator("#card-qr[data-kind=live]:not([data-boot])")).to_be_visible(timeout=30000)
    page.wait_for_function(f"({META_KEYS})().then((keys) => keys.includes('card-summary'))")
    # Opened on the card image, the early paint stays out of the way.
    page.goto("/card?view=image")
    expect(page.locator("#card-image")).to_be_visible(timeout=30000)
    expect(page.locator("#card-boot")).to_have_count(0)
    expect(page.locator("html[data-early]")).to_have_count(0)  # its frame laid out as usual
    ctx.close()
