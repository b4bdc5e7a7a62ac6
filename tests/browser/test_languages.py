"""Five languages in Chromium: the first visit follows the browser's languages; every page
shows its translated title and fits a 360 px screen; the install manifest speaks the same
language; the card screen is saved as a screenshot in each language."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PHONE, Server, leave, log_in, shot
from tests.browser.test_offline import sw_ready
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

BROWSER_LOCALE = {"vi": "vi-VN", "en": "en-GB", "zh": "zh-CN", "ja": "ja-JP", "ko": "ko-KR"}
# route -> the message id of its title
PAGES = {
    "/": "Home",
    "/card": "Health-insurance card",
    "/history": "Participation history",
    "/benefits": "Benefits",
    "/medical": "Medical history",
    "/notices": "Notices",
    "/requests": "Service requests",
    "/lookup": "Look-ups",
    "/profile": "Profile",
    "/security": "Devices and security",
}

# Elements past the right edge of the screen, outside a container that scrolls or clips.
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
        const box = el.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) continue;
        // Text running past the right edge; the skip link hides left of the screen on purpose.
        if (box.right <= width + 0.5) continue;
        let inside = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const style = getComputedStyle(p);
            if (style.overflowX !== 'visible') { inside = true; break; }
        }
        if (!inside) out.push(`${el.tagName.toLowerCase()}.${el.className}: ` +
                              `${Math.round(box.left)}..${Math.round(box.right)}`);
    }
    return {page: document.documentElement.scrollWidth, width, out: out.slice(0, 8)};
}"""


def catalog(lang: str) -> dict[str, str]:
    """The compiled messages of a language (a plural message gives its first form)."""
    body = json.loads((ROOT / "assets" / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
    return {k: v if isinstance(v, str) else v[0] for k, v in body["messages"].items()}


def fits(page: Page, where: str) -> None:
    found = page.evaluate(OVERFLOW)
    assert found["page"] <= found["width"] and not found["out"], (where, found)


@pytest.mark.parametrize("lang", list(BROWSER_LOCALE))
def test_every_page_in_the_language_of_the_browser(browser: Browser, server: Server,
                                                   lang: str) -> None:
    server.reset_logins()
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=1,
                              locale=BROWSER_LOCALE[lang], base_url=server.url)
    page = ctx.new_page()
    words = catalog(lang)
    try:
        page.goto("/login")
        expect(page.locator("html")).to_have_attribute("lang", lang)  # first visit: browser's
        expect(page.locator("h1.page-title")).to_have_text(words["Log in"])
        fits(page, "/login")
        cdp = ctx.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert not manifest.get("errors"), manifest
        installed = json.loads(manifest["data"])
        assert installed["lang"] == lang and installed["name"] == words.get(
            "Social insurance wallet", "Social insurance wallet")
        log_in(page, server)
        for route, title in PAGES.items():
            page.goto(route)
            expect(page.locator("h1.page-title")).to_have_text(words.get(title, title))
            page.locator("main .panel").first.wait_for()
            page.wait_for_load_state("networkidle")
            fits(page, route)
            if route == "/card":
                expect(page.locator("#card-qr")).to_be_visible()
                shot(page, f"card-{lang}")
            if route == "/history":
                shot(page, f"history-{lang}")
    finally:
        leave(ctx)


def test_the_switch_is_kept_on_the_phone_and_on_the_account(page: Page, server: Server) -> None:
    log_in(page, server)
    page.goto("/profile")
    with page.expect_response("**/api/me/language") as kept:
        page.locator("#lang-select").select_option("ko")
    assert kept.value.ok
    # Then the page reloads in the new language (wait for the reloaded document itself).
    page.wait_for_function("() => performance.getEntriesByType('navigation')[0].type === 'reload'"
                           " && document.readyState === 'complete'")
    words = catalog("ko")
    expect(page.locator("h1.page-title")).to_have_text(words["Profile"])
    assert page.evaluate("localStorage.getItem('lang')") == "ko"
    from sqlalchemy import text

    from api.db import engine_for
    with engine_for(server.db_url).connect() as conn:
        assert conn.execute(text("SELECT lang FROM person WHERE code = '0123456789'")
                            ).scalar_one() == "ko"
    # Offline, the choice holds: the card screen comes from the phone, in Korean.
    page.goto("/card")
    expect(page.locator("#card-qr")).to_be_visible()
    # Only a page the service worker controls reloads with no network.
    sw_ready(page)
    page.context.set_offline(True)
    page.reload()
    expect(page.locator("h1.page-title")).to_have_text(words["Health-insurance card"])
    expect(page.locator("#offline-banner")).to_contain_text(
        words["Offline – last updated {time}"].split("{time}")[0].strip())
    shot(page, "offline-card-ko")
    page.context.set_offline(False)
