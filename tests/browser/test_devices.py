"""Passkeys and one-device binding in Chromium, with the DevTools virtual authenticator."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import HOME, PHONE, Server, leave, log_in, shot
from tests.browser.test_offline import sw_ready

pytestmark = pytest.mark.browser

DATABASES = "indexedDB.databases().then(list => list.map(d => d.name))"
# How many documents the sync store holds (the database exists once the card has shown).
STORED_DOCS = """new Promise((resolve, reject) => {
    const q = indexedDB.open('wallet-data');
    q.onerror = () => reject(q.error);
    q.onsuccess = () => {
        const db = q.result;
        const count = db.transaction('docs').objectStore('docs').count();
        count.onsuccess = () => { db.close(); resolve(count.result); };
        count.onerror = () => { db.close(); reject(count.error); };
    };
})"""


def with_authenticator(page: Page) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": True, "hasPrf": True,
        "automaticPresenceSimulation": True}})


def new_context(browser: Browser, server: Server) -> BrowserContext:
    return browser.new_context(viewport=PHONE, locale="vi-VN", base_url=server.url)


def test_create_passkey_log_out_log_in_with_one_tap(page: Page, server: Server) -> None:
    with_authenticator(page)
    log_in(page, server)
    page.locator("#passkey-create").click()
    expect(page.locator("#passkey-created")).to_be_visible()
    shot(page, "passkey-created-vi")
    page.goto("/profile")
    page.locator("#logout").click()
    page.wait_for_url(re.compile(r"/login"))
    page.locator("#passkey-login").click()
    page.wait_for_url(HOME)
    expect(page.locator(".hello-name")).to_have_text("Nguyễn Văn An")
    page.goto("/security")
    events = page.locator("#security-events")
    expect(events).to_contain_text("Đăng nhập bằng khóa truy cập")
    expect(events).to_contain_text("Đã tạo khóa truy cập")
    expect(page.locator("#passkey-list li")).to_have_count(1)
    shot(page, "security-vi")


def test_second_browser_moves_the_account_and_the_first_is_wiped(
        browser: Browser, server: Server, context: BrowserContext) -> None:
    first = context.new_page()
    log_in(first, server)
    # The first phone's encrypted offline store fills from its first sync.
    first.goto("/card")
    expect(first.locator("#card-qr")).to_be_visible()
    assert first.evaluate(STORED_DOCS) > 0
    assert {"wallet-device", "wallet-data"} <= set(first.evaluate(DATABASES))

    server.age_codes()
    other = new_context(browser, server)
    second = other.new_page()
    second.goto("/login")
    second.locator("#code").fill("0123456789")
    second.locator("form button[type=submit]").click()
    warning = second.locator("#move-warning")
    expect(warning).to_contain_text("thiết bị khác")
    expect(warning).not_to_contain_text("Chrome")  # named only once the code is proven
    shot(second, "login-move-warning-vi")
    second.locator("#confirm-move").click()
    second.locator("#otp").wait_for()
    second.locator("#otp").fill(server.sms_code("0123456789"))
    second.locator("form button[type=submit]").click()
    second.wait_for_url(HOME)
    expect(second.locator(".hello-name")).to_have_text("Nguyễn Văn An")

    # The first phone, next time it opens the app: told why, and its data is gone.
    first.goto("/card")
    first.wait_for_url(re.compile(r"/login/?\?moved=1"))
    expect(first.locator(".alert-error")).to_contain_text("chuyển sang thiết bị khác")
    # The card painted early from the store (before the app knew) is gone with the page.
    expect(first.locator("#card-boot")).to_have_count(0)
    expect(first.locator("html[data-early]")).to_have_count(0)  # the page's frame laid out
    first.wait_for_function(f"() => {DATABASES}.then(n => !n.includes('wallet-data') && "
                            "!n.includes('wallet-device'))")
    shot(first, "login-moved-vi")
    leave(other)


def test_session_cookie_copied_to_another_browser_is_refused(
        browser: Browser, server: Server, page: Page) -> None:
    log_in(page, server)
    stolen = [c for c in page.context.cookies() if c["name"] == "wallet_session"]
    assert stolen
    thief_context = new_context(browser, server)
    thief_context.add_cookies(stolen)
    thief = thief_context.new_page()
    thief.goto("/card")
    thief.wait_for_url(re.compile(r"/login/?\?foreign=1"))
    expect(thief.locator(".alert-error")).to_contain_text("không còn giữ khóa đăng nhập")
    expect(thief.locator("#card-qr")).to_have_count(0)
    status = thief.evaluate("fetch('/api/me/card').then(r => r.status)")
    assert status == 401
    thief_context.close()
    # The owner sees the attempt.
    page.goto("/security")
    expect(page.locator("#security-events")).to_contain_text("trình duyệt khác")


def test_sign_out_this_device_wipes_local_data(page: Page, server: Server) -> None:
    log_in(page, server)
    page.goto("/security")
    expect(page.locator("#device-name")).to_contain_text("Chrome")
    page.on("dialog", lambda dialog: dialog.accept())
    page.locator("#sign-out-device").click()
    page.wait_for_url(re.compile(r"/login/?\?signed_out=1"))
    expect(page.locator(".alert-error")).to_contain_text("đã được đăng xuất")
    page.wait_for_function(f"() => {DATABASES}.then(n => !n.includes('wallet-device'))")
    page.goto("/card")
    page.wait_for_url(re.compile(r"/login"))


STORE_META = """(name) => new Promise((resolve, reject) => {
    const q = indexedDB.open('wallet-data');
    q.onerror = () => reject(q.error);
    q.onsuccess = () => {
        const db = q.result;
        const r = db.transaction('meta').objectStore('meta').get(name);
        r.onsuccess = () => { db.close(); resolve(r.result === undefined ? null
            : (r.result instanceof CryptoKey ? 'CryptoKey' : r.result)); };
    };
})"""


def test_records_locked_to_the_passkey_open_offline_with_it(page: Page, server: Server) -> None:
    """PRF: after a passkey login the records' key comes from the passkey; a cold open of
    the app (no network) asks for the passkey, and the card opens with it."""
    with_authenticator(page)
    log_in(page, server)
    page.locator("#passkey-create").click()
    expect(page.locator("#passkey-created")).to_be_visible()
    page.goto("/profile")
    page.locator("#logout").click()
    page.wait_for_url(re.compile(r"/login"))
    page.locator("#passkey-login").click()
    page.wait_for_url(HOME)
    page.goto("/card")
    expect(page.locator("#card-qr")).to_be_visible()  # unlocked for this tab's session
    try:  # the page may still be settling (client-side redirects) when the card shows
        page.wait_for_function(f"() => ({STORE_META})('prf')", timeout=15000)
    except PlaywrightError:
        pytest.fail("the records were not locked to the passkey (stored device key: "
                    f"{page.evaluate(STORE_META, 'key')})")
    assert page.evaluate(STORE_META, "key") is None  # no stored key opens them any more
    sw_ready(page)

    # The app closed and opened again with no network: the tab's secret is gone.
    page.evaluate("sessionStorage.clear()")
    page.context.set_offline(True)
    page.reload()
    unlock = page.locator("#unlock-records")
    expect(unlock).to_be_visible()
    expect(page.locator("#card-qr")).to_have_count(0)
    shot(page, "offline-locked-vi")
    unlock.click()
    expect(page.locator("#card-qr")).to_be_visible()
    expect(page.locator("#card-number")).to_have_text("0123456789")
    page.context.set_offline(False)
