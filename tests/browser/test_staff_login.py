"""Clinic staff log in on the login page in its clinic mode (staff code, the code sent to
the staff phone) and land on the clinic page; a citizen page sends them back there."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import HYDRATED, Server, shot, submit
from tests.browser.test_accessibility import AXE, serious_violations

pytestmark = pytest.mark.browser
STAFF = "01H01-01"  # Nguyễn Văn An at Bạch Mai (README demo table)
CLINIC = re.compile(r"/clinic/?$")


def test_staff_logs_in_in_clinic_mode_and_lands_on_the_clinic_page(
        page: Page, server: Server) -> None:
    page.goto("/login")
    page.wait_for_function(HYDRATED, arg="#staff-login")
    shot(page, "login-vi")
    page.locator("#staff-login").click()
    page.wait_for_url(re.compile(r"/login/?\?as=clinic$"))
    expect(page.locator("#staff-mode")).to_have_text("Đăng nhập nhân viên cơ sở KCB")
    expect(page.locator("label[for=code]")).to_have_text("Mã nhân viên")
    expect(page.locator("#citizen-login")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "login-clinic-vi")
    if AXE.exists():
        assert serious_violations(page) == []
    submit(page, "#code", STAFF.lower(), "#otp")
    page.wait_for_function(HYDRATED, arg="#otp")
    page.locator("#otp").fill(server.sms_code(STAFF))
    page.locator("form button[type=submit]").click()
    page.wait_for_url(CLINIC, timeout=30000)
    # A clinic login opening a citizen page is sent to the clinic page.
    page.goto("/card")
    page.wait_for_url(CLINIC, timeout=30000)
