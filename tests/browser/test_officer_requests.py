"""The officer console's service-request desk in Chromium, on a desktop and a tablet screen:
a citizen of Hà Nội (demo An) submits two requests through the sync push, officer CB-02
(Hà Nội) finds them in the queue (status tabs with counts, kind filter, search), opens one
beside An's record with the keyboard (focus on the detail heading), sees the bank details
and the photo, is told a question is required, receives the request, asks for information,
and approves it after the citizen's answer, each step in the audit trail with the officer's
code and name. Officer CB-01 (Hồ Chí Minh City) sees Ngọc's request but none of An's.
Screenshots at 1280x800 and 820x1180 in Vietnamese and English; axe-core on both."""

from __future__ import annotations

import base64
import io
import json
import uuid

import httpx
import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session, col, select

from api.db import engine_for
from api.domain.models import Person
from api.services import service_requests
from locales import labels, tr
from tests.browser.conftest import HYDRATED, Server, leave, log_in_desk, shot
from tests.browser.test_accessibility import AXE, serious_violations
from tests.devicekit import Device, sms_login

pytestmark = pytest.mark.browser
AN, NGOC = "0123456789", "7912345678"  # Hà Nội (01) and Hồ Chí Minh City (79)
DESKTOP = {"width": 1280, "height": 800}
TABLET = {"width": 820, "height": 1180}
BANK, ACCOUNT = "Vietcombank Hà Nội", "0011004455667"
WHY = "Tôi chuyển về sống gần con, muốn nhận lương hưu qua tài khoản."
QUESTION = "Xin gửi ảnh trang đầu sổ tài khoản ngân hàng đứng tên ông."
ANSWER = "Đã chụp trang đầu sổ tài khoản."


class Phone:
    """A citizen's phone on the real server, pushing sync mutations with its device proof."""

    def __init__(self, http: httpx.Client, server: Server, code: str) -> None:
        self.http, self.device = http, Device(f"{code}'s phone")
        sms_login(http, engine_for(server.db_url), self.device, code=code)

    def push(self, kind: str, data: dict) -> None:
        answer = self.device.post(self.http, "/api/sync/push", {"mutations": [
            {"id": str(uuid.uuid4()), "type": kind, "data": data}]}).json()
        assert answer["acked"] and not answer["rejected"], answer

    def submit(self, kind: str, fields: dict, text: str = "", photos=()) -> str:
        request_id = str(uuid.uuid4())
        self.push("request.submit", {"request_id": request_id, "kind": kind, "fields": fields,
                                     "text": text, "photos": list(photos)})
        return request_id


def jpeg(colour: tuple[int, int, int]) -> dict:
    out = io.BytesIO()
    Image.new("RGB", (160, 120), colour).save(out, format="JPEG")
    return {"mime": "image/jpeg", "data": base64.b64encode(out.getvalue()).decode()}


def desk(browser: Browser, server: Server, staff: str) -> Page:
    """An officer's console on a desktop screen, in Vietnamese, with the queue loaded."""
    ctx = browser.new_context(viewport=DESKTOP, device_scale_factor=1, locale="vi-VN",
                              base_url=server.url)
    page = ctx.new_page()
    log_in_desk(page, server, staff, lands=r"/officer/?$")
    page.wait_for_function(HYDRATED, arg="#queue-list")
    expect(page.locator("#queue-status")).not_to_have_text("Đang tải…", timeout=20000)
    return page


def focused(page: Page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def axe_clean(page: Page) -> None:
    if AXE.exists():
        page.wait_for_load_state("networkidle")
        found = serious_violations(page)
        assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


def test_an_officer_handles_a_request_of_the_province_only(browser: Browser,
                                                            server: Server) -> None:
    server.reset_logins()
    with httpx.Client(base_url=server.url, timeout=30) as http:
        an = Phone(http, server, AN)
        pension = an.submit("pension_payment", {"method": "bank", "bank": BANK,
                                                "account": ACCOUNT}, WHY, [jpeg((200, 40, 40))])
        voluntary = an.submit("voluntary", {"income": "5.000.000", "months": "3"})
    with httpx.Client(base_url=server.url, timeout=30) as http:
        ngoc = Phone(http, server, NGOC)
        theirs = ngoc.submit("reissue_book", {"reason": "damaged"}, "Sổ bị ướt.")

    page = desk(browser, server, "CB-02")
    try:
        queue = page.locator("#queue-list")
        row = queue.locator(f"button[data-id='{pension}']")
        expect(row).to_contain_text("Nguyễn Văn An")
        expect(row).to_contain_text("Thay đổi nơi nhận lương hưu")
        expect(row).to_contain_text(AN)
        assert int(page.locator("[data-tab=open] .queue-count").inner_text()) >= 2
        expect(page.locator("[data-tab=open]")).to_have_attribute("aria-pressed", "true")
        expect(queue.locator(f"button[data-id='{theirs}']")).to_have_count(0)

        # Kind filter and search.
        page.select_option("#queue-kind", "voluntary")
        expect(queue.locator(f"button[data-id='{voluntary}']")).to_be_visible()
        expect(row).to_have_count(0)
        page.select_option("#queue-kind", "")
        page.locator("#queue-q").fill("12345")
        page.locator("#queue-search").click()
        expect(page.locator("#queue-q-error")).to_contain_text("mã số BHXH gồm 10 chữ số")
        page.locator("#queue-q").fill(AN)
        page.locator("#queue-search").click()
        expect(queue.locator("button.queue-open")).to_have_count(2)
        page.locator("#queue-clear").click()
        expect(row).to_be_visible()

        # Opened with the keyboard: the detail's heading takes the focus.
        row.focus()
        page.keyboard.press("Enter")
        expect(page.locator("#detail-heading")).to_contain_text("Nguyễn Văn An")
        page.wait_for_function("() => document.activeElement.id === 'detail-heading'")
        fields = page.locator("#request-fields")
        for text in (tr("vi", labels.PAYOUT_METHODS["bank"]), BANK, ACCOUNT):
            expect(fields).to_contain_text(text)
        expect(page.locator("#request-text")).to_have_text(WHY)
        expect(page.locator("#request-person")).to_contain_text("001072012345")
        expect(page.locator("#request-card")).to_contain_text("Nơi đăng ký KCB ban đầu")
        page.wait_for_function("""() => { const img = document.querySelector('#request-photos img');
            return Boolean(img) && img.complete && img.naturalWidth === 160
                && img.src.startsWith('blob:'); }""")
        expect(page.locator("#request-timeline li")).to_have_count(1)
        expect(page.locator("#request-timeline")).to_contain_text("Người dân")

        # A question is required: the server says so, in the officer's language.
        expect(page.locator("#decide-receive")).to_be_enabled()
        page.locator("#decide-ask").click()
        expect(page.locator("#decide-message")).to_contain_text("Hãy ghi lý do hoặc câu hỏi")
        assert focused(page) == "decide-note"  # back to the note, described by the message
        expect(page.locator("#decide-note")).to_have_attribute("aria-invalid", "true")
        page.locator("#decide-receive").click()
        expect(page.locator("#detail-status")).to_have_text("Cơ quan BHXH đã tiếp nhận")
        expect(page.locator("#decide-message")).to_contain_text("Đã lưu")
        expect(page.locator("#decide-receive")).to_be_disabled()
        page.locator("#decide-note").fill(QUESTION)
        page.locator("#decide-ask").click()
        expect(page.locator("#detail-status")).to_have_text("Cần bổ sung thông tin")
        expect(page.locator("#decide-approve")).to_be_disabled()
        expect(page.locator("#decide-reject")).to_be_enabled()
        expect(row).to_have_count(0)  # the queue read again: waiting for the citizen now
        trail = page.locator("#request-timeline")
        expect(trail.locator("li")).to_have_count(3)
        expect(trail.locator("li").nth(2)).to_contain_text("CB-02 Nguyễn Văn An")
        expect(trail.locator("li").nth(2)).to_contain_text(QUESTION)
        page.locator("[data-tab=needs_info]").click()
        expect(row).to_be_visible()

        # The citizen answers with a photo; the officer opens the request again and approves.
        server.age_codes()  # a second login of An's: past the resend throttle
        with httpx.Client(base_url=server.url, timeout=30) as http:
            an = Phone(http, server, AN)
            an.push("request.answer", {"request_id": pension, "text": ANSWER,
                                       "photos": [jpeg((40, 40, 200))]})
        page.locator("[data-tab=open]").click()
        expect(row).to_contain_text("Cơ quan BHXH đã tiếp nhận")
        row.click()
        page.wait_for_function("() => document.activeElement.id === 'detail-heading'")
        expect(trail.locator("li")).to_have_count(4)
        expect(trail.locator("li").nth(3)).to_contain_text("Người dân đã bổ sung")
        expect(trail.locator("li").nth(3)).to_contain_text(ANSWER)
        expect(page.locator("#request-photos img")).to_have_count(2)
        page.locator("#decide-approve").click()  # final: asks once more
        expect(page.locator("#decide-confirm")).to_be_focused()
        page.locator("#decide-cancel").click()
        expect(page.locator("#decide-confirm")).to_have_count(0)
        expect(page.locator("#detail-status")).not_to_have_text(
            tr("vi", labels.CASE_STATUS["done"]))
        page.locator("#decide-approve").click()
        page.keyboard.press("Enter")  # the focused "yes, approve"
        expect(page.locator("#detail-status")).to_have_text(tr("vi", labels.CASE_STATUS["done"]))
        expect(page.locator("#decide-closed")).to_be_visible()
        expect(trail.locator("li").nth(4)).to_contain_text("CB-02 Nguyễn Văn An")
        expect(row).to_have_count(0)
        axe_clean(page)
        shot(page, "officer-requests-desktop-vi-trail")  # the detail scrolled to the decision
        page.locator("#request-detail").evaluate("(el) => { el.scrollTop = 0; }")
        shot(page, "officer-requests-desktop-vi")

        # English, a voluntary request (income in đồng, months) and the tablet layout.
        page.evaluate("() => localStorage.setItem('lang', 'en')")
        page.reload()
        page.wait_for_function(HYDRATED, arg="#queue-list")
        assert page.url.endswith(f"?request={pension}")  # the request opened stays open
        expect(page.locator("#detail-heading")).to_contain_text(
            "Change where my pension is paid")
        other = page.locator(f"#queue-list button[data-id='{voluntary}']")
        expect(other).to_contain_text("Continue voluntary social insurance")
        other.click()
        expect(page.locator("#request-fields")).to_contain_text("5,000,000")
        expect(page.locator("#request-fields")).to_contain_text("3 months")
        shot(page, "officer-requests-desktop-en")
        page.set_viewport_size(TABLET)
        assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
        queue_box = page.locator(".request-queue").bounding_box()
        detail_box = page.locator("#request-detail").bounding_box()
        assert detail_box["y"] >= queue_box["y"] + queue_box["height"]  # stacked
        axe_clean(page)
        shot(page, "officer-requests-tablet-en")
        page.evaluate("() => localStorage.setItem('lang', 'vi')")
        page.reload()
        page.wait_for_function(HYDRATED, arg="#queue-list")
        page.locator("[data-tab=done]").click()
        page.locator(f"#queue-list button[data-id='{pension}']").click()
        expect(page.locator("#detail-status")).to_have_text(tr("vi", labels.CASE_STATUS["done"]))
        page.wait_for_function("() => document.activeElement.id === 'detail-heading'")
        shot(page, "officer-requests-tablet-vi")
        page.evaluate("() => localStorage.setItem('lang', 'ja')")  # CJK labels fit too
        page.reload()
        page.wait_for_function(HYDRATED, arg="#queue-list")
        page.locator(f"#queue-list button[data-id='{voluntary}']").click()
        expect(page.locator("#request-fields")).to_contain_text("3か月")
        assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
        shot(page, "officer-requests-tablet-ja")
    finally:
        leave(page.context)

    # Another province's officer: Ngọc's request, none of An's.
    page = desk(browser, server, "CB-01")
    try:
        expect(page.locator(f"#queue-list button[data-id='{theirs}']")).to_contain_text(
            "Trần Thị Bích Ngọc")
        expect(page.locator("#queue-list")).not_to_contain_text("Nguyễn Văn An")
        page.locator("[data-tab=done]").click()
        expect(page.locator("#queue-status")).not_to_have_text("Đang tải…")
        expect(page.locator(f"#queue-list button[data-id='{pension}']")).to_have_count(0)
        expect(page.locator("#queue-list")).not_to_contain_text("Nguyễn Văn An")
    finally:
        leave(page.context)


def test_the_queue_pages_with_show_more(browser: Browser, server: Server) -> None:
    """More requests than a page (50): "Show more" adds the next page and the focus goes to
    the first request added; no button once the queue is all shown."""
    server.reset_logins()
    with Session(engine_for(server.db_url)) as session:  # as the sync push would apply them
        people = session.exec(select(Person).where(Person.province_code == "01",
                                                   Person.code != AN)
                              .order_by(col(Person.id))).all()
        person = people[0] if people else session.exec(
            select(Person).where(Person.code == AN)).one()
        for n in range(55):
            service_requests.submit(session, person, {
                "request_id": str(uuid.uuid4()), "kind": "other", "fields": {},
                "text": f"Yêu cầu số {n + 1}"})
        code = person.code
        session.commit()
    page = desk(browser, server, "CB-02")
    try:
        page.select_option("#queue-kind", "other")
        page.locator("#queue-q").fill(code)
        page.locator("#queue-search").click()
        items = page.locator("#queue-list button.queue-open")
        expect(items).to_have_count(50)
        expect(page.locator("#queue-status")).to_have_text("Đang hiện 50 yêu cầu")
        page.locator("#queue-more").focus()
        page.keyboard.press("Enter")
        expect(items).to_have_count(55)
        # The counts came with the first page and stay (the next page brings none).
        assert int(page.locator("[data-tab=open] .queue-count").inner_text()) >= 55
        expect(page.locator("#queue-more")).to_have_count(0)
        assert page.evaluate("""() => [...document.querySelectorAll(
            '#queue-list button.queue-open')].indexOf(document.activeElement)""") == 50
        assert len({items.nth(i).get_attribute("data-id") for i in range(55)}) == 55
    finally:
        leave(page.context)
