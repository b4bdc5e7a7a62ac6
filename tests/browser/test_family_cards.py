"""A parent shows a young child's card from their own phone (issue 16): after one sync the
child's card opens with the network off, after a browser restart, labelled with the child's
name and date of birth, with the child's own printed QR, which verifies with the issuer's
key; in the reader's language (the card is redrawn when the parent switches). Where the
birth registration made no link, the parent asks for one and an officer makes it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, BrowserType, Page, expect
from sqlalchemy import text
from sqlmodel import Session, select

from api.clock import utcnow
from api.db import engine_for
from api.domain.models import Person
from api.seed.demo import DEMO_CHILDREN
from locales import format_short_day, labels, tr
from tests.browser.conftest import Server, leave, log_in, log_in_desk, shot
from tests.browser.test_accessibility import AXE, serious_violations
from tests.browser.test_live_card import check, shown
from tests.browser.test_offline import phone, pw, sw_ready, synced  # noqa: F401
from tests.browser.test_requests import photo, sync

pytestmark = pytest.mark.browser
NGOC = "7912345678"
KHANG, BAO_ANH = (c.code for c in DEMO_CHILDREN)
CHILD_QR = "#card-qr[data-kind=printed][data-child]"


def born(server: Server, code: str) -> dt.date:
    with Session(engine_for(server.db_url)) as s:
        return s.exec(select(Person.dob).where(Person.code == code)).one()


def shows_child(page: Page, server: Server, code: str, name: str, lang: str) -> None:
    """The child's card is on screen, unmistakably: name, date of birth, who shows it, and
    a printed code that verifies as that child's card."""
    expect(page.locator("#child-name")).to_have_text(name, timeout=20000)
    expect(page.locator("#child-dob")).to_contain_text(format_short_day(born(server, code), lang))
    expect(page.locator("#child-band")).to_contain_text("Trần Thị Bích Ngọc")
    verdict = check(server, shown(page, CHILD_QR))
    assert (verdict.ok, verdict.kind, verdict.holder_bound) == (True, "static", False)
    assert verdict.claims["code"] == code
    expect(page.locator(".qr-check")).to_have_attribute("data-result", "ok")
    assert page.locator("#card-qr[data-kind=live]").count() == 0  # no live code for a child


def first_session(pw: BrowserType, profile: Path, server: Server  # noqa: F811
                  ) -> tuple[BrowserContext, Page]:
    """Ngọc logs in on a phone with a profile on disk and syncs once, app installed."""
    server.reset_logins()
    ctx = phone(pw, profile, server)
    page = ctx.new_page()
    log_in(page, server, NGOC)
    page.goto("/card")
    synced(page)
    sw_ready(page)
    return ctx, page


def test_a_parent_shows_a_childs_card_offline(pw: BrowserType, server: Server,  # noqa: F811
                                             tmp_path: Path) -> None:
    ctx, page = first_session(pw, tmp_path / "profile", server)
    owners = page.locator("#card-owners")
    expect(owners.locator(".chip")).to_have_count(3, timeout=20000)  # her card, two children
    expect(owners.locator(".chip.active")).to_have_attribute("data-owner", "own")
    owners.locator(f"[data-owner='{KHANG}']").click()
    shows_child(page, server, KHANG, "Phạm Minh Khang", "vi")
    assert f"child={KHANG}" in page.url
    if AXE.exists():  # the chips and the child's card pass axe-core too
        assert serious_violations(page) == []
    shot(page, "child-card-online-vi")
    # In English: the account's language changes, the child's card is drawn again in it.
    with page.expect_response("**/api/me/language"):
        page.locator("#lang-select").select_option("en")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    page.goto(f"/card?child={BAO_ANH}")
    shows_child(page, server, BAO_ANH, "Phạm Bảo Anh", "en")
    expect(page.locator("#child-band")).to_contain_text("Child's card — shown by")
    shot(page, "child-card-online-en")
    ctx.close()

    ctx = phone(pw, tmp_path / "profile", server, offline=True)  # network off, new browser
    page = ctx.new_page()
    page.goto(f"/card?child={KHANG}")
    shows_child(page, server, KHANG, "Phạm Minh Khang", "en")
    shot(page, "child-card-offline-en")
    page.evaluate("localStorage.setItem('lang', 'vi'); document.cookie = 'lang=vi; path=/'")
    page.goto("/card")  # the holder's own card first, then her daughter's
    expect(page.locator("#card-owners .chip.active")).to_have_attribute("data-owner", "own")
    expect(page.locator("#card-number")).to_have_text(NGOC, timeout=20000)
    expect(page.locator("#child-name")).to_have_count(0)
    expect(page.locator(".qr-check")).to_have_attribute("data-result", "ok")
    page.locator(f"#card-owners [data-owner='{BAO_ANH}']").click()
    shows_child(page, server, BAO_ANH, "Phạm Bảo Anh", "vi")
    expect(page.locator("#child-band")).to_contain_text("Thẻ của trẻ em")
    shot(page, "child-card-offline-vi")
    ctx.close()
    server.reset_logins()  # her account back in Vietnamese for the other tests


def test_a_parent_asks_for_a_missing_link_on_the_phone(pw: BrowserType,  # noqa: F811
                                                       browser: Browser, server: Server,
                                                       tmp_path: Path) -> None:
    """No birth registration links Bảo Anh: Ngọc asks on the requests screen (the form wants
    the birth certificate's photo), officer CB-01 sees the child's record beside it and
    approves, and the child's card comes to Ngọc's card screen."""
    db = engine_for(server.db_url)
    child_of = "(SELECT id FROM person WHERE code = :c)"
    with db.begin() as conn:
        conn.execute(text("UPDATE servicerequest SET status = 'withdrawn'"))  # earlier tests'
        conn.execute(text(f"DELETE FROM familylink WHERE child_id = {child_of}"), {"c": BAO_ANH})
    try:
        ctx, page = first_session(pw, tmp_path / "phone", server)
        page.goto("/requests")
        page.locator("#draft-kind").select_option("family_link")
        page.locator("#field-child").fill(BAO_ANH)
        page.locator("#field-relation").select_option("mother")
        page.locator("#request-send").click()
        expect(page.locator("#photos-error")).to_contain_text("giấy khai sinh")
        page.locator("#request-photos").set_input_files(str(photo(tmp_path)))
        expect(page.locator(".photo-list img")).to_have_count(1)
        shot(page, "request-family-link-vi")
        page.locator("#request-send").click()
        expect(page.locator("#draft-note")).to_have_class(re.compile("alert-ok"))
        sync(page)
        sent = page.locator("#request-list li.request[data-status=submitted]")
        expect(sent).to_have_count(1, timeout=30000)
        request_id = sent.get_attribute("data-request")

        desk = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN",
                                   base_url=server.url)
        officer = desk.new_page()
        log_in_desk(officer, server, "CB-01", lands=r"/officer/?$")
        officer.locator(f"#queue-list button[data-id='{request_id}']").click()
        expect(officer.locator("#asked-child")).to_contain_text("Phạm Bảo Anh")
        expect(officer.locator("#request-fields")).to_contain_text("Mẹ")
        shot(officer, "officer-family-link-vi")
        officer.locator("#decide-approve").click()
        officer.locator("#decide-confirm").click()
        expect(officer.locator("#detail-status")).to_have_text(
            tr("vi", labels.CASE_STATUS["done"]))
        leave(desk)

        page.goto("/card")
        sync(page)
        page.locator(f"#card-owners [data-owner='{BAO_ANH}']").click(timeout=30000)
        shows_child(page, server, BAO_ANH, "Phạm Bảo Anh", "vi")
        ctx.close()
    finally:
        with db.begin() as conn:  # the seed's birth-registration link, as before the test
            conn.execute(text(f"DELETE FROM familylink WHERE child_id = {child_of}"),
                         {"c": BAO_ANH})
            conn.execute(text(
                "INSERT INTO familylink (guardian_id, child_id, relation, source, created_at) "
                f"SELECT g.id, {child_of}, 'mother', 'birth', :at FROM person g "
                "WHERE g.code = :g"), {"c": BAO_ANH, "g": NGOC, "at": utcnow()})
