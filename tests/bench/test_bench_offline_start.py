"""Offline cold start on a cheap phone: a browser restarted with no network opens /card, and
the time from navigation to the card's QR being painted is measured with Chromium's CPU
slowed 4x (DevTools Emulation.setCPUThrottlingRate). The target (issue 13) is 300 ms.

The card's early paint (assets/card_boot.js) paints from the store before the React bundle:
first the printed code (a stored image), then the live one (signed by the device key and
drawn on the phone). Its performance marks give the breakdown printed beside the totals."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.bench.conftest import report
from tests.browser.conftest import Server
from tests.browser.test_offline import first_session, phone, sw_ready

pytestmark = pytest.mark.bench
RUNS = 5
TARGET = "target 300 ms"

# The first of each mark (the card screen marks its own codes again later), when the page's
# HTML had arrived (from the service worker's precache), and when the early paint's card was
# on screen (Element Timing of its holder's name: the frame's presentation).
TIMELINE = """async () => {
    const at = {};
    for (const m of performance.getEntriesByType('mark')) {
        if (!(m.name in at)) at[m.name] = m.startTime;
    }
    at.html = performance.getEntriesByType('navigation')[0].responseEnd;
    const script = performance.getEntriesByName(location.origin + '/card_boot.js')[0];
    if (script) at.scriptLoaded = script.responseEnd;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    if (fcp) at.fcp = fcp.startTime;
    const shown = await new Promise((resolve) => {
        new PerformanceObserver((list, observer) => {
            observer.disconnect();
            resolve(list.getEntries().find((e) => e.identifier === 'card-boot'));
        }).observe({ type: 'element', buffered: true });
        setTimeout(resolve, 500);
    });
    if (shown) at.cardShown = shown.renderTime || shown.loadTime;
    return at;
}"""

# Each step of the early paint: (label, mark where it ends, mark where it starts).
STEPS = [
    ("HTML received from the service worker", "html", None),
    ("early-paint script received (service worker)", "scriptLoaded", "html"),
    ("early-paint script running", "boot:script", "scriptLoaded"),
    ("store read (IndexedDB, key and records: the service worker read them meanwhile)",
     "boot:store-read", "boot:script"),
    ("decrypt (AES-GCM, card and credential)", "boot:decrypt", "boot:store-read"),
    ("paint of the printed QR, holder and card number", "painted:card-qr-printed",
     "boot:decrypt"),
    ("  that frame's layout and paint on the main thread", "drawn:card-qr-printed",
     "painted:card-qr-printed"),
    ("  that frame on screen (Element Timing)", "cardShown", "painted:card-qr-printed"),
    ("  the photo's frame, after the printed QR's (the QR does not wait for it)",
     "painted:card-photo",
     "painted:card-qr-printed"),
    ("sign the live code (device key, ECDSA)", "boot:signed", "painted:card-qr-printed"),
    ("draw the live QR (qrcode-generator, SVG)", "boot:drawn", "boot:signed"),
    ("paint of the live QR", "painted:card-qr-live", "boot:drawn"),
]


def test_offline_cold_start_to_card_qr(browser: Browser, server: Server,
                                       tmp_path: Path) -> None:
    pw = browser.browser_type
    profile = tmp_path / "phone"
    ctx, _ = first_session(pw, profile, server, "/card", installed=True)
    ctx.close()

    runs: list[dict[str, float]] = []
    for _ in range(RUNS):
        ctx = phone(pw, profile, server, offline=True)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        cdp = ctx.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto("/card")
        page.locator("#card-qr[data-kind=live]").wait_for()
        # Until the card screen has taken over (the app's own figure, for comparison).
        page.wait_for_function("() => ['painted:card-qr-live', 'app:card']"
                               ".every((m) => performance.getEntriesByName(m).length > 0)")
        runs.append(page.evaluate(TIMELINE))
        ctx.close()

    def median(mark: str, since: str | None = None) -> float:
        return statistics.median(r[mark] - (r[since] if since else 0) for r in runs
                                 if mark in r and (since is None or since in r))

    live = [r["painted:card-qr-live"] for r in runs]
    first = [r.get("painted:card-qr-printed", r["painted:card-qr-live"]) for r in runs]
    report(f"offline cold start to the first card QR painted (printed), CPU 4x slower, median "
           f"of 5 ({TARGET})", statistics.median(first), "ms")
    report(f"offline cold start to live card QR painted, CPU 4x slower, median of 5 ({TARGET})",
           statistics.median(live), "ms")
    report("offline cold start to live card QR painted, CPU 4x slower, worst of 5", max(live),
           "ms")
    if all("boot:script" in r and "scriptLoaded" in r for r in runs):
        for label, mark, since in STEPS:
            # On a loaded machine the card screen may take over before the early paint drew
            # its live code: such runs have no live steps.
            n = sum(mark in r and (since is None or since in r) for r in runs)
            if n:
                runs_of = "" if n == len(runs) else f" (of {n} runs)"
                report(f"  breakdown, median{runs_of}: {label}", median(mark, since), "ms")
    if all("cardShown" in r for r in runs):
        report("  for comparison: the frame with the printed QR on screen (Element Timing)",
               median("cardShown"), "ms")
    if all("fcp" in r for r in runs):
        report("  for comparison: first paint of the prerendered page (header, loading panel)",
               median("fcp"), "ms")
    report("  the app bundle's card screen taking over (it painted the card itself before)",
           median("app:card"), "ms")


def _app_bytes(ctx, counted: list[tuple[str, int, bool]]) -> None:
    """Count each finished request of the app's files (not the API or the websocket): its
    URL, bytes as transferred (headers and body, compressed), and whether the network or the
    service worker answered it."""
    def done(request) -> None:
        if "/api/" in request.url or "/_event" in request.url:
            return
        response = request.response()
        sizes = request.sizes()
        counted.append((request.url, sizes["responseHeadersSize"] + sizes["responseBodySize"],
                        bool(response and response.from_service_worker)))
    ctx.on("requestfinished", done)


def test_bytes_first_repeat_and_offline_visits(browser: Browser, server: Server,
                                               tmp_path: Path) -> None:
    """Issue 13: a first visit transfers at most 350 KB; a repeat visit and an offline one
    take nothing from the network (the service worker answers from its precache)."""
    pw = browser.browser_type
    profile = tmp_path / "phone"
    first: list[tuple[str, int, bool]] = []
    ctx = phone(pw, profile, server)
    _app_bytes(ctx, first)
    page = ctx.new_page()
    page.goto("/login/")
    page.locator("#code").wait_for()
    shown = sum(size for _, size, _ in first)
    sw_ready(page)  # the service worker has precached the whole app
    page.wait_for_timeout(1000)
    report("first visit (login page) transferred, the page's own files (target 350 KB)",
           shown / 1024, "KiB")
    report("first visit transferred, with the service worker's precache of the whole app",
           sum(size for _, size, _ in first) / 1024, "KiB")
    ctx.close()

    for label, offline in (("repeat visit", False), ("offline visit", True)):
        seen: list[tuple[str, int, bool]] = []
        ctx = phone(pw, profile, server, offline=offline)
        _app_bytes(ctx, seen)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.goto("/login/")
        page.locator("#code").wait_for()
        page.wait_for_timeout(1000)
        report(f"{label} (login page): app files from the network (target 0)",
               sum(size for _, size, worker in seen if not worker) / 1024, "KiB")
        ctx.close()
