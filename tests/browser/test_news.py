"""News in Chromium: the demo officer publishes a guide in Vietnamese and English from the
console; a citizen reads it on /news, and reads it again with the network off (the page
from the service worker, the list from what the phone kept); a clinic desk is kept out of
the console (the citizen's case: test_officer_announcements.py)."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, expect

from tests.browser.conftest import HYDRATED, PHONE, Server, leave, log_in, log_in_desk, shot
from tests.browser.test_officer_announcements import OFFICER
from tests.browser.test_offline import sw_ready

TITLE_VI = "Cách xuất trình thẻ BHYT trên điện thoại"
BODY_VI = "Mở mục Thẻ và đưa mã QR cho quầy tiếp đón.\nMã vẫn kiểm tra được khi không có mạng."
TITLE_EN = "How to show your card on the phone"


def test_an_officer_publishes_and_a_citizen_reads_it_offline_too(context: BrowserContext,
                                                                 server: Server) -> None:
    page = context.new_page()
    log_in_desk(page, server, OFFICER, lands=r"/officer/?$")
    page.goto("/officer/messages")  # the messages desk (the console opens on requests)
    page.wait_for_function(HYDRATED, arg="#news-publish")
    page.locator("#news-kind input[value=guide]").check()
    page.locator("#news-title-vi").fill(TITLE_VI)
    page.locator("#news-body-vi").fill(BODY_VI)
    page.locator("#news-title-en").fill(TITLE_EN)
    page.locator("#news-publish").click()
    expect(page.locator("#news-message")).to_contain_text(
        "Hãy viết cả tiêu đề và nội dung bằng English")  # half-written English refused
    page.locator("#news-body-en").fill("Open Card and show the QR code at the desk.")
    page.locator("#news-publish").click()
    expect(page.locator("#news-message")).to_have_text("Đã đăng lên màn hình tin tức.")
    expect(page.locator("#news-desk-list li").first).to_contain_text(TITLE_VI)
    shot(page, "officer-news-vi")

    reader = context.browser.new_context(viewport=PHONE, device_scale_factor=1,
                                         locale="vi-VN", base_url=server.url)
    try:
        citizen = reader.new_page()
        log_in(citizen, server)
        citizen.goto("/news")
        item = citizen.locator("#news-list .news-item").first
        expect(item).to_contain_text(TITLE_VI)
        expect(item).to_contain_text("Hướng dẫn")
        expect(item.locator("p")).to_have_count(3)  # the date line and two paragraphs
        sw_ready(citizen)
        shot(citizen, "news-vi")
        reader.set_offline(True)
        citizen.reload()
        citizen.wait_for_function(HYDRATED, arg="#news-list")
        expect(citizen.locator("#news-offline")).to_contain_text("Không có mạng: tin tức cập nhật")
        expect(citizen.locator("#news-list .news-item").first).to_contain_text(TITLE_VI)
        shot(citizen, "news-offline-vi")
        reader.set_offline(False)
    finally:
        leave(reader)


def test_a_clinic_desk_cannot_open_the_console_but_reads_the_news(context: BrowserContext,
                                                                   server: Server) -> None:
    page = context.new_page()
    log_in_desk(page, server)
    page.goto("/officer/messages")
    page.wait_for_url(re.compile(r"/clinic/?$"), timeout=20000)  # not an officer: its desk
    expect(page.locator("#news-publish")).to_have_count(0)
    page.goto("/news")
    expect(page.locator("#news-empty, #news-list li").first).to_be_visible()
