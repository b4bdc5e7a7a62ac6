"""Account registration in Chromium (issue 15): the demo person with a code but no account is
refused at login and sent to /register; on a 360 px phone whose camera (Chromium's fake
one) shows her chip ID card's QR code, the scan fills the form; she proves her phone with
the SMS code and adds a face photo; officer CB-01 of her province opens it on a desktop
console beside her record and approves it; her page says so and her first login works.
Both screens are axe-clean; another province's officer sees nothing of it."""

from __future__ import annotations

import base64
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import text

from api.db import engine_for
from api.seed.demo import REGISTRANT_CODE, REGISTRANT_ID_QR
from tests.browser.conftest import HYDRATED, PHONE, Server, log_in, log_in_desk
from tests.browser.conftest import shot as full_shot
from tests.browser.test_accessibility import AXE, serious_violations
from tests.browser.test_clinic_scan import camera_browser, y4m
from tests.browser.test_languages import BROWSER_LOCALE, catalog, fits
from tests.browser.test_web_surface import WATCH, hardened

pytestmark = pytest.mark.browser
DESKTOP = {"width": 1280, "height": 800}
PHONE_NUMBER = "0903123456"


@pytest.fixture
def fresh(server: Server) -> Iterator[Server]:
    """No registration yet, and the registrant without an account (as seeded)."""
    with engine_for(server.db_url).begin() as conn:
        conn.execute(text("DELETE FROM caseevent WHERE case_kind = 'registration'"))
        conn.execute(text("DELETE FROM registration"))
        conn.execute(text("UPDATE person SET registered = :f WHERE code = :c"),
                     {"f": False, "c": REGISTRANT_CODE})
    server.age_codes(dt.timedelta(days=1, minutes=1))
    yield server


def face_file(path: Path) -> Path:
    """A face-like JPEG, as a phone's front camera would give (larger than what is sent)."""
    image = Image.new("RGB", (960, 1280), (214, 226, 238))
    draw = ImageDraw.Draw(image)
    draw.ellipse((280, 260, 680, 760), fill=(232, 196, 168))
    draw.ellipse((180, 820, 780, 1500), fill=(60, 90, 150))
    image.save(path, format="JPEG", quality=90)
    return path


def shot(page: Page, name: str) -> None:
    """A screenshot from the top (the sticky header otherwise covers what was scrolled)."""
    page.evaluate("() => window.scrollTo(0, 0)")
    full_shot(page, name)


def axe_clean(page: Page) -> None:
    if AXE.exists():
        found = serious_violations(page)
        assert found == [], found


def applicant_registers(page: Page, server: Server, tmp: Path) -> None:
    """Scan, prove the phone, add the photo, send; the page shows the status."""
    page.goto("/register")
    page.wait_for_function(HYDRATED, arg="#scan-id")
    expect(page.locator("#find-my-code")).to_have_attribute("href", "/lookup?kind=code")
    page.locator("#reg-code").fill(REGISTRANT_CODE)
    page.locator("#scan-id").click()
    expect(page.locator("#reg-citizen-id")).to_have_value("079190001234", timeout=30000)
    expect(page.locator("#reg-full-name")).to_have_value("Lê Thị Mai")
    expect(page.locator("#reg-dob")).to_have_value("1990-03-15")
    expect(page.locator("#reg-id-issued")).to_have_value("2021-05-10")
    expect(page.locator("#reg-old-id")).to_have_value("025123456")
    expect(page.locator("#reg-sex-f")).to_be_checked()
    expect(page.locator("#reg-code")).to_have_value(REGISTRANT_CODE)  # kept by the scan
    page.locator("#reg-phone").fill(PHONE_NUMBER)
    page.locator("#send-code").click()
    page.locator("#reg-otp").wait_for()
    page.locator("#reg-otp").fill(server.sms_code(REGISTRANT_CODE))
    page.locator("#reg-photo").set_input_files(str(face_file(tmp / "face.jpg")))
    page.locator("#reg-photo-preview").wait_for()
    axe_clean(page)
    shot(page, "register-filled-vi")
    page.locator("#register-submit").click()
    expect(page.locator("#registration-state")).to_have_text("Chờ cán bộ duyệt")
    assert page.evaluate("() => localStorage.getItem('registration-receipt')")
    axe_clean(page)
    shot(page, "register-waiting-vi")


def officer_approves(browser: Browser, server: Server) -> None:
    """CB-01 (province 79) finds it in the queue, checks it beside the record, approves."""
    ctx = browser.new_context(viewport=DESKTOP, locale="en-US", base_url=server.url)
    try:
        page = ctx.new_page()
        log_in_desk(page, server, "CB-01", lands=r"/officer/?$")
        page.goto("/officer/registrations")
        page.wait_for_function(HYDRATED, arg="#registration-table")
        row = page.locator("#registration-table tbody tr", has_text="Lê Thị Mai")
        expect(row).to_contain_text(REGISTRANT_CODE)
        expect(row).to_contain_text("None")  # no difference from the record
        page.locator("#filter-source").select_option("typed")  # filters: keyboard and all
        page.locator("#filter-apply").click()
        expect(page.locator("#registration-empty")).to_be_visible()
        page.locator("#filter-source").select_option("scanned")
        page.locator("#filter-apply").click()
        row.locator(".reg-open").focus()
        page.keyboard.press("Enter")  # keyboard-usable
        expect(page.locator("#detail-title")).to_be_focused()
        expect(page.locator("#registration-compare tr[data-field=full_name]")).to_contain_text(
            "Same")
        page.locator("#photo-applicant").wait_for()
        page.locator("#photo-record").wait_for()
        axe_clean(page)
        shot(page, "officer-registration-en")
        page.locator("#decision-approve").check()
        page.locator("#decision-send").click()
        expect(page.locator("#detail-status")).to_have_text("Approved")
        expect(page.locator("#registration-trail li")).to_have_count(2)
        expect(page.locator("#registration-trail")).to_contain_text("CB-01")
        with page.expect_navigation():  # a language switch reloads the page...
            page.locator("#lang-select").select_option("vi")
        page.wait_for_function(HYDRATED, arg="#registration-count")
        # ... and the registration open (?id= in the address) opens again.
        expect(page.locator("#detail-status")).to_have_text("Đã duyệt")
        page.locator("#photo-applicant").wait_for()
        shot(page, "officer-registration-approved-vi")
        page.set_viewport_size({"width": 820, "height": 1180})  # a tablet, upright
        fits(page, "/officer/registrations on a tablet")
        shot(page, "officer-registration-tablet-vi")
    finally:
        ctx.close()


def test_register_by_scanning_the_id_card_approved_then_first_login(
        browser: Browser, fresh: Server, tmp_path: Path) -> None:
    server = fresh
    chromium = camera_browser(browser, y4m(REGISTRANT_ID_QR, tmp_path / "id-card.y4m"))
    try:
        ctx = chromium.new_context(viewport=PHONE, device_scale_factor=1, locale="vi-VN",
                                   base_url=server.url, permissions=["camera"])
        page = ctx.new_page()
        # No account yet: the login says to register, and links the page.
        page.goto("/login")
        page.wait_for_function(HYDRATED, arg="#code")
        page.locator("#code").fill(REGISTRANT_CODE)
        page.locator("form button[type=submit]").click()
        expect(page.get_by_role("alert").first).to_contain_text("Đăng ký")
        page.locator("#register-link").click()
        page.wait_for_url(re.compile(r"/register/?$"))

        applicant_registers(page, server, tmp_path)
        officer_approves(browser, server)

        page.locator("#registration-refresh").click()
        expect(page.locator("#registration-state")).to_have_text("Đã duyệt")
        shot(page, "register-approved-vi")
        assert "0903123456" not in page.content()  # the phone shows masked
        server.age_codes()
        log_in(page, server, REGISTRANT_CODE)  # the first login, to the wallet's home
        expect(page.locator(".hello-name")).to_contain_text("Mai")
        page.goto("/notices")  # the outcome is in her inbox too
        expect(page.locator("#notice-list")).to_contain_text(
            "Đăng ký tài khoản của bạn đã được duyệt", timeout=20000)
        ctx.close()
    finally:
        chromium.close()


def test_another_provinces_officer_sees_no_registration(browser: Browser, fresh: Server) -> None:
    server = fresh
    with engine_for(server.db_url).begin() as conn:  # a registration waiting in 79
        pid = conn.execute(text("SELECT id FROM person WHERE code = :c"),
                           {"c": REGISTRANT_CODE}).scalar_one()
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        conn.execute(text(
            "INSERT INTO registration (person_id, province_code, citizen_id, old_id, full_name,"
            " dob, sex, address, phone, email, scanned, status, submitted_at, updated_at,"
            " reason) VALUES (:p, '79', '079190001234', '', 'Lê Thị Mai', '1990-03-15', 'F',"
            " '', '0903123456', '', :f, 'submitted', :n, :n, '')"),
            {"p": pid, "f": False, "n": now})
    ctx = browser.new_context(viewport={"width": 1024, "height": 768}, locale="en-US",
                              base_url=server.url)  # a tablet
    try:
        page = ctx.new_page()
        log_in_desk(page, server, "CB-02", lands=r"/officer/?$")
        page.goto("/officer/registrations")
        page.wait_for_function(HYDRATED, arg="#registration-count")
        expect(page.locator("#registration-count")).to_have_text("0 registrations")
        expect(page.locator("#registration-empty")).to_be_visible()
        axe_clean(page)
        shot(page, "officer-registrations-other-province-en")
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", list(BROWSER_LOCALE))
def test_the_form_in_every_language_fits_a_phone_under_the_policy(
        browser: Browser, fresh: Server, lang: str) -> None:
    """Title, words and layout in the browser's language at 360 px, no CSP violation, the
    security headers of every page."""
    server = fresh
    ctx = browser.new_context(viewport=PHONE, locale=BROWSER_LOCALE[lang], base_url=server.url)
    try:
        ctx.add_init_script(WATCH)
        page = ctx.new_page()
        answer = page.goto("/register")
        hardened(answer.all_headers(), "/register")
        page.wait_for_function(HYDRATED, arg="#scan-id")
        words = catalog(lang)
        expect(page.locator("h1.page-title")).to_have_text(
            words.get("Register for an account", "Register for an account"))
        expect(page.locator("#reg-code-title")).to_have_text(
            words.get("Your social-insurance code", "Your social-insurance code"))
        fits(page, f"/register {lang}")
        assert page.evaluate("window.__csp") == []
        if lang in ("en", "ja"):
            shot(page, f"register-form-{lang}")
    finally:
        ctx.close()


def test_typed_fallback_without_a_camera_and_clear_messages(
        browser: Browser, fresh: Server, tmp_path: Path) -> None:
    """No camera: the scan says to type instead. A wrong field gets its message beside it,
    in the reader's language, and the focus; a code with an account is sent to log in."""
    server = fresh
    chromium = camera_browser(browser, None)
    try:
        ctx = chromium.new_context(viewport=PHONE, locale="en-GB", base_url=server.url)
        page = ctx.new_page()
        page.goto("/register")
        page.wait_for_function(HYDRATED, arg="#scan-id")
        page.locator("#scan-id").click()
        expect(page.locator("#id-scan-message")).to_contain_text("Type the details")
        page.locator("#reg-code").fill("0123456789")  # An already has an account
        page.locator("#reg-phone").fill(PHONE_NUMBER)
        page.locator("#send-code").click()
        expect(page.locator("#reg-code-error")).to_contain_text("already has an account")
        expect(page.locator("#reg-code")).to_be_focused()
        page.locator("#reg-code").fill(REGISTRANT_CODE)
        page.locator("#send-code").click()
        page.locator("#reg-otp").wait_for()
        page.locator("#reg-otp").fill(server.sms_code(REGISTRANT_CODE))
        page.locator("#reg-citizen-id").fill("07919000123")  # one digit short
        page.locator("#register-submit").click()
        expect(page.locator("#reg-citizen-id-error")).to_contain_text("12 digits")
        expect(page.locator("#reg-citizen-id")).to_be_focused()
        expect(page.locator("#reg-citizen-id")).to_have_attribute("aria-invalid", "true")
        axe_clean(page)
        shot(page, "register-typed-error-en")
        ctx.close()
    finally:
        chromium.close()


PARSE = """async (text) => (await import('/register/id_card.js')).parseIdCard(text)"""


def test_the_id_card_qr_is_read_field_by_field(page: Page, server: Server) -> None:
    """assets/register/id_card.js: the fields of the chip ID card's QR code, dates as the
    date inputs take them, "Nam"/"Nữ" however composed; anything else is not an ID card."""
    page.goto("/login")
    fields = page.evaluate(PARSE, REGISTRANT_ID_QR)
    assert fields == {"citizen_id": "079190001234", "old_id": "025123456",
                      "full_name": "Lê Thị Mai", "dob": "1990-03-15", "sex": "F",
                      "address": "12 Nguyễn Trãi, Phường Bến Thành, Thành phố Hồ Chí Minh",
                      "id_issued": "2021-05-10"}
    decomposed = "001072012345||Nguyễn  Văn An|14051972|Nam|Hà Nội|31022021"
    male = page.evaluate(PARSE, unicodedata.normalize("NFD", decomposed))
    assert male["sex"] == "M" and male["full_name"] == "Nguyễn Văn An"
    assert male["old_id"] == "" and male["id_issued"] == ""  # 31 February is no date
    assert page.evaluate(PARSE, "NU:" + "A" * 40) is None  # a wallet card's QR code
    assert page.evaluate(PARSE, "07919000123|x|Lê Thị Mai|15031990|Nữ|a|10052021") is None
    assert page.evaluate(PARSE, "079190001234|x|Lê Thị Mai") is None


def test_an_officer_asks_for_more_and_the_applicant_answers(
        browser: Browser, fresh: Server, tmp_path: Path) -> None:
    """A typed registration whose name differs from the record: the officer sees the
    difference, cannot approve it unconfirmed, asks a question; the applicant (reading
    Korean) sees it, answers with a new photo, and it is back in the officer's queue."""
    server = fresh
    sent = httpx.post(f"{server.url}/api/register/code",
                      json={"code": REGISTRANT_CODE, "phone": PHONE_NUMBER})
    assert sent.status_code == 200, sent.text
    photo = "data:image/jpeg;base64," + base64.b64encode(
        face_file(tmp_path / "face.jpg").read_bytes()).decode()
    made = httpx.post(f"{server.url}/api/register", json={
        "code": REGISTRANT_CODE, "phone": PHONE_NUMBER, "otp": server.sms_code(REGISTRANT_CODE),
        "citizen_id": "079190001234", "full_name": "Lê Thị Mây", "dob": "1990-03-15",
        "sex": "F", "photo": photo})
    assert made.status_code == 201, made.text
    receipt = made.json()["receipt"]

    ctx = browser.new_context(viewport=DESKTOP, locale="en-US", base_url=server.url)
    try:
        page = ctx.new_page()
        log_in_desk(page, server, "CB-01", lands=r"/officer/?$")
        page.goto(f"/officer/registrations?id={made.json()['id']}")
        page.wait_for_function(HYDRATED, arg="#registration-table")
        expect(page.locator("#registration-table tbody tr").first).to_contain_text("Full name")
        expect(page.locator("#registration-compare tr[data-field=full_name]")).to_contain_text(
            "Differs")
        expect(page.locator("#detail-differs")).to_contain_text("Full name")
        page.locator("#decision-send").click()  # approve, not confirmed
        expect(page.locator("#decision-message")).to_contain_text("Confirm")
        page.locator("#decision-ask").check()
        expect(page.locator("label[for=decision-note]")).to_have_text("Question for the applicant")
        page.locator("#decision-note").fill("Tên trên thẻ căn cước là Mai hay Mây?")
        page.locator("#decision-send").click()
        expect(page.locator("#detail-status")).to_have_text("More information needed")

        applicant = browser.new_context(viewport=PHONE, locale="ko-KR", base_url=server.url)
        phone = applicant.new_page()
        phone.goto("/login")
        phone.evaluate("(r) => localStorage.setItem('registration-receipt', r)", receipt)
        phone.goto("/register")
        expect(phone.locator("#registration-state")).to_have_text("추가 정보 필요")
        expect(phone.locator("#registration-question")).to_contain_text("Mai hay Mây")
        phone.locator("#answer-note").fill("Tên tôi là Lê Thị Mai, đã chụp lại ảnh.")
        phone.locator(".answer-fix summary").click()
        expect(phone.locator("#answer-name")).to_have_value("Lê Thị Mây")
        phone.locator("#answer-name").fill("Lê Thị Mai")
        phone.locator("#answer-photo").set_input_files(str(tmp_path / "face.jpg"))
        axe_clean(phone)
        shot(phone, "register-needs-info-ko")
        phone.locator("#registration-answer button[type=submit]").click()
        expect(phone.locator("#registration-state")).to_have_text("담당자 확인 대기")
        expect(phone.locator("#registration-timeline li")).to_have_count(3)
        applicant.close()

        page.locator("#filter-apply").click()
        page.locator("#registration-table .reg-open").first.click()
        expect(page.locator("#detail-status")).to_have_text("Waiting for an officer")
        expect(page.locator("#registration-trail")).to_contain_text("Answered by the applicant")
        expect(page.locator("#registration-trail")).to_contain_text("đã chụp lại ảnh")
        expect(page.locator("#registration-compare tr[data-field=full_name]")).to_contain_text(
            "Same")  # corrected
    finally:
        ctx.close()
