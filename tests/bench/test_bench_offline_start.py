"""Offline cold start on a cheap phone: a browser restarted with no network opens /card, and
the time from navigation to the card's live QR being painted (drawn and signed on the phone)
is measured with Chromium's CPU slowed 4x (DevTools Emulation.setCPUThrottlingRate)."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.bench.conftest import report
from tests.browser.conftest import Server
from tests.browser.test_offline import first_session, phone

pytestmark = pytest.mark.bench
RUNS = 5

# The frame after the live QR was committed (card_codes.jsx marks it), else when seen.
PAINTED = """() => {
    const mark = performance.getEntriesByName('painted:card-qr-live')[0];
    return mark ? mark.startTime : performance.now();
}"""


def test_offline_cold_start_to_card_qr(browser: Browser, server: Server,
                                       tmp_path: Path) -> None:
    pw = browser.browser_type
    profile = tmp_path / "phone"
    ctx, _ = first_session(pw, profile, server, "/card", installed=True)
    ctx.close()

    times: list[float] = []
    for _ in range(RUNS):
        ctx = phone(pw, profile, server, offline=True)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        cdp = ctx.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto("/card")
        page.locator("#card-qr[data-kind=live]").wait_for()
        page.wait_for_function("() => performance.getEntriesByName('painted:card-qr-live')"
                               ".length > 0")
        times.append(page.evaluate(PAINTED))
        ctx.close()
    report("offline cold start to live card QR painted, CPU 4x slower, median of 5",
           statistics.median(times), "ms")
    report("offline cold start to live card QR painted, CPU 4x slower, worst of 5", max(times),
           "ms")
