"""The agency console in Chromium: the demo officer logs in with the staff login, writes an
announcement in Vietnamese and English to everyone, sees it wait and then go out (the
scheduler run as `make notify` runs it), and a citizen finds it in the inbox marked as from
the agency; a citizen opening the console is sent home."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import BrowserContext, expect
from sqlmodel import Session

from api.db import engine_for
from api.services import notice_schedule
from tests.browser.conftest import HOME, HYDRATED, PHONE, Server, log_in, log_in_desk, shot

OFFICER = "CB-01"
VI = "Cổng dịch vụ công tạm dừng để bảo trì từ 22 giờ đến 24 giờ ngày 30/11."
EN = "The public-service portal stops for maintenance from 22:00 to 24:00 on 30 November."


def test_an_officer_announces_and_a_citizen_reads_it(context: BrowserContext,
                                                     server: Server) -> None:
    page = context.new_page()
    log_in_desk(page, server, OFFICER, lands=r"/officer/?$")
    page.goto("/officer/messages")  # the messages desk (the console opens on requests)
    page.wait_for_function(HYDRATED, arg="#announce-send")
    expect(page.locator("#announcement-list, .panel p").first).to_be_visible()
    page.locator("#text-vi").fill(VI)
    page.locator("#text-en").fill(EN)
    page.locator("#announce-send").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu")
    expect(page.locator("#announcement-list li").first).to_contain_text("Đang chờ gửi")
    expect(page.locator("#announcement-list li").first).to_contain_text(VI)
    shot(page, "officer-announcement-vi")

    with Session(engine_for(server.db_url)) as session:  # what `make notify` does
        made = notice_schedule.run(session, dt.date.today(), ("announcement",))
    assert made["announcement"] > 50
    page.reload()
    expect(page.locator("#announcement-list li").first).to_contain_text(
        re.compile(r"Đã gửi đến [\d.]+ người"))

    reader = context.browser.new_context(viewport=PHONE, locale="vi-VN", base_url=server.url)
    try:
        citizen = reader.new_page()
        log_in(citizen, server)
        citizen.goto("/notices")
        expect(citizen.locator("#notice-list")).to_contain_text(f"Từ cơ quan BHXH: {VI}",
                                                                timeout=20000)
        shot(citizen, "announcement-in-inbox-vi")
        citizen.goto("/officer")
        citizen.wait_for_url(HOME, timeout=20000)  # not an officer: sent home
    finally:
        reader.close()
