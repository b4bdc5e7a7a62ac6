"""A citizen logs in with the OTP from the outbox and opens every page, at phone size."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Server, log_in, shot

pytestmark = pytest.mark.browser

PAGES = {  # path -> Vietnamese page title (the default language)
    "/": "Trang chủ",
    "/card": "Thẻ bảo hiểm y tế",
    "/history": "Quá trình tham gia",
    "/benefits": "Chế độ đã hưởng",
    "/medical": "Lịch sử khám chữa bệnh",
    "/lookup": "Tra cứu",
    "/profile": "Cá nhân",
}


def test_login_then_every_page(page: Page, server: Server) -> None:
    log_in(page, server)
    expect(page.locator(".hello-name")).to_have_text("Nguyễn Văn An")
    for path, title in PAGES.items():
        page.goto(path)
        expect(page.locator("h1.page-title")).to_have_text(title)
        expect(page).to_have_title(f"{title} · BHXH")  # the tab title is translated too
        expect(page.locator("main")).not_to_contain_text("Traceback")
        # Nothing wider than the phone (no sideways scrolling).
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        shot(page, f"page-{path.strip('/') or 'home'}-vi")


def test_card_shows_signed_qr_checked_by_the_phone(page: Page, server: Server) -> None:
    log_in(page, server)
    page.goto("/card")
    qr = page.locator("#card-qr[data-kind=live]")  # drawn and signed on the phone
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box["width"] >= 240 and abs(box["width"] - box["height"]) < 2  # big, square
    expect(page.locator(".qr-check")).to_have_attribute("data-result", "ok")
    page.locator("#code-printed").click()  # the printed card's code, drawn by the server
    qr = page.locator("#card-qr[data-kind=printed]")
    expect(qr).to_have_attribute("src", re.compile(r"^data:image/svg\+xml"))
    expect(page.locator(".qr-check")).to_have_attribute("data-result", "ok")
    expect(page.locator("#card-number")).to_have_text("0123456789")
    expect(page.locator(".photo")).to_have_js_property("complete", True)
    assert page.locator(".photo").evaluate("img => img.naturalWidth") > 0
    shot(page, "card-use-vi")
    page.get_by_role("tab", name="Ảnh thẻ").click()
    image = page.locator("#card-image")
    expect(image).to_be_visible()
    page.wait_for_function("() => document.querySelector('#card-image').naturalWidth > 0")
    box = image.bounding_box()
    assert abs(box["width"] / box["height"] - 1012 / 638) < 0.02  # not stretched
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải về (PNG)").click()
    assert download.value.suggested_filename == "the-bhyt-0123456789.png"
    assert open(download.value.path(), "rb").read(4) == b"\x89PNG"
    shot(page, "card-image-vi")


def test_history_shows_arrears_and_per_employer_totals(page: Page, server: Server) -> None:
    log_in(page, server)
    page.goto("/history")
    expect(page.locator(".alert-warn").first).to_contain_text("2")
    expect(page.locator(".seg-unpaid").first).to_be_attached()
    page.get_by_role("tab", name="BHYT").click()
    expect(page.locator("main")).to_contain_text("BHYT")


def test_bad_input_gets_clear_messages(page: Page, server: Server) -> None:
    page.goto("/login")
    page.locator("#code").fill("12345")
    page.locator("form button[type=submit]").click()
    expect(page.locator(".alert")).to_contain_text("Đây không phải mã số BHXH")
    page.locator("#code").fill("0000000001")
    page.locator("form button[type=submit]").click()
    expect(page.locator(".alert")).to_contain_text("Tra cứu")
    page.locator("#code").fill("7912345678")
    page.locator("form button[type=submit]").click()
    page.locator("#otp").wait_for()
    page.locator("#otp").fill("000000" if server.sms_code("7912345678") != "000000"
                              else "111111")
    page.locator("form button[type=submit]").click()
    expect(page.locator(".alert-error")).to_contain_text("4")
    shot(page, "login-wrong-otp-vi")


def test_pages_need_login(page: Page, server: Server) -> None:
    page.goto("/card")
    page.wait_for_url(re.compile(r"/login"))
    expect(page.locator("#code")).to_be_visible()


def test_language_switch_is_remembered(page: Page, server: Server) -> None:
    page.goto("/login")
    page.locator("#lang-select").select_option("en")
    expect(page.locator("h1.page-title")).to_have_text("Log in")
    page.wait_for_function("() => localStorage.getItem('lang') === 'en'")
    again = page.context.new_page()  # a later visit on the same device
    again.goto("/login")
    expect(again.locator("h1.page-title")).to_have_text("Log in")
    expect(again.locator("#lang-select")).to_have_value("en")
    assert again.evaluate("document.documentElement.lang") == "en"
    shot(again, "login-en")


def test_find_own_code_and_search_lookups(page: Page, server: Server) -> None:
    log_in(page, server)
    page.goto("/lookup")
    expect(page.locator("main")).to_contain_text("kết quả")
    shot(page, "lookup-vi")
