"""The clinic's scanner on a slow desk device: a fake camera (a Y4M video of a real signed
card QR) with the network off and Chromium's CPU slowed 4x (DevTools
Emulation.setCPUThrottlingRate); the time from the camera frame that was decoded to the
verdict on screen (assets/clinic/check.jsx measures it as "clinic-frame-to-verdict")."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.bench.conftest import report
from tests.browser.conftest import HYDRATED, Server
from tests.browser.test_clinic_scan import camera_browser, card_qr, clinic, ready_offline, y4m

pytestmark = pytest.mark.bench
SCANS = 9
MEASURES = "() => performance.getEntriesByName('clinic-frame-to-verdict').map(e => e.duration)"


def test_camera_frame_to_verdict_cpu_4x(browser: Browser, server: Server,
                                        tmp_path: Path) -> None:
    chromium = camera_browser(browser, y4m(card_qr(server), tmp_path / "card.y4m"))
    try:
        ctx, page = clinic(chromium, server)
        ready_offline(page)
        ctx.set_offline(True)
        page.reload()
        page.wait_for_function(HYDRATED, arg="#camera-toggle")
        cdp = ctx.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.locator("#camera-toggle").click()
        for n in range(1, SCANS + 1):
            page.wait_for_function(
                "(n) => performance.getEntriesByName('clinic-frame-to-verdict').length >= n",
                arg=n, timeout=60000)
            assert page.locator("#verdict [data-verdict]").get_attribute(
                "data-verdict") == "ok_not_bound"
            if n < SCANS:
                page.locator("#scan-next").click()
        times = page.evaluate(MEASURES)
        ctx.close()
    finally:
        chromium.close()
    report("camera frame to verdict, offline, CPU 4x slower, first scan", times[0], "ms")
    report(f"camera frame to verdict, offline, CPU 4x slower, median of {SCANS}",
           statistics.median(times), "ms")
    report(f"camera frame to verdict, offline, CPU 4x slower, worst of {SCANS}", max(times),
           "ms")
