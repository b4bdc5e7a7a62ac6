"""A citizen's service requests in the browser: a form with its own fields checked as typed,
a photo shrunk on the phone, sent through the sync queue; the agency's steps (taken here by
officer CB-02 of Hà Nội through the same service the console calls) arrive on the phone's
timeline, with a notice; the citizen answers "needs more information" and withdraws; the
timeline and the rejection's reason read offline after a browser restart."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, BrowserType, Page, expect
from sqlalchemy import text
from sqlmodel import Session, col, select

from api.auth.models import StaffAccount
from api.domain.models import Facility, Person
from api.services import service_requests
from locales import labels, tr
from sync import protocol
from tests.browser.conftest import Server, leave, log_in_desk, shot
from tests.browser.test_live_card import check, shown
from tests.browser.test_offline import first_session, phone, pw, synced  # noqa: F401
from tests.conftest import engine_for

AN = "0123456789"


@contextmanager
def as_server(server: Server) -> Iterator[None]:
    """Run the app's services in this process as the server does: its database and its
    issuer key (a card document made here is signed with the key the server publishes)."""
    saved = {k: os.environ.get(k) for k in ("DB_URL", "CARD_KEY_FILE")}
    os.environ["DB_URL"] = server.db_url
    os.environ["CARD_KEY_FILE"] = str(Path(server.db_url.removeprefix("sqlite:///")).parent
                                      / "issuer.pem")
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def officer_does(server: Server, request_id: str, action: str, note: str = "") -> None:
    """Officer CB-02 (Hà Nội) takes a step, as the console's route does."""
    with as_server(server), Session(engine_for(server.db_url)) as session:
        officer = session.exec(select(StaffAccount).where(
            StaffAccount.staff_code == "CB-02")).one()
        service_requests.decide(session, officer, request_id, action, note)
        session.commit()


def sync(page: Page) -> None:
    """A sync round of the page's own engine now (it syncs when the phone comes online),
    rather than waiting for its minute."""
    page.evaluate("window.dispatchEvent(new Event('online'))")


def photo(tmp_path: Path) -> Path:
    """A large photo (3000x2000, a few MB as PNG): the phone shrinks it under the limit."""
    path = tmp_path / "giay-to.png"
    image = Image.effect_noise((3000, 2000), 60).convert("RGB")
    out = io.BytesIO()
    image.save(out, format="PNG")
    path.write_bytes(out.getvalue())
    return path


def test_request_sent_asked_answered_rejected_withdrawn_and_read_offline(
        pw: BrowserType, server: Server, tmp_path: Path) -> None:  # noqa: F811
    ctx, page = first_session(pw, tmp_path / "phone", server, "/requests", installed=True)
    # The form checks its fields first, in the reader's words (Vietnamese here).
    page.locator("#draft-kind").select_option("pension_payment")
    page.locator("#field-method").select_option("bank")
    page.locator("#field-bank").fill("Vietcombank")
    page.locator("#field-account").fill("12ab")
    page.locator("#request-send").click()
    expect(page.locator("#field-account-error")).to_be_visible()
    expect(page.locator("#field-account")).to_be_focused()
    page.locator("#field-account").fill("0011 0045 6789")
    page.locator("#draft-text").fill("Xin chuyển lương hưu về tài khoản ngân hàng.")
    big = photo(tmp_path)
    page.locator("#request-photos").set_input_files(str(big))
    expect(page.locator(".photo-list img")).to_have_count(1)
    shot(page, "request-form-vi")
    page.locator("#request-send").click()
    item = page.locator("#request-list li.request")
    expect(item).to_have_count(1)
    synced(page)
    sync(page)
    expect(item).to_have_attribute("data-status", "submitted", timeout=20000)
    request_id = item.get_attribute("data-request")
    with engine_for(server.db_url).connect() as conn:
        size = conn.execute(text("SELECT size FROM requestattachment WHERE request_id = :r"),
                            {"r": request_id}).scalar_one()
    assert size <= service_requests.PHOTO_KB * 1024 < big.stat().st_size  # shrunk on the phone

    # The agency asks for more: the question shows with an answer box.
    officer_does(server, request_id, "ask", "Gửi ảnh trang đầu sổ tiết kiệm.")
    sync(page)
    expect(item.locator(".alert-warn")).to_contain_text("Gửi ảnh trang đầu sổ tiết kiệm.",
                                                        timeout=20000)
    item.locator("textarea").fill("Tài khoản đứng tên tôi.")
    item.locator("button[type=submit]").click()
    sync(page)
    expect(item).to_have_attribute("data-status", "received", timeout=20000)
    expect(item.locator(".alert-warn")).to_have_count(0)
    # Rejected with a reason.
    officer_does(server, request_id, "reject", "Tài khoản không đứng tên người hưởng.")
    sync(page)
    expect(item.locator(".alert-error")).to_contain_text("Tài khoản không đứng tên người hưởng.",
                                                         timeout=20000)
    # A second request, withdrawn before the agency handles it.
    page.locator("#draft-kind").select_option("reissue_book")
    page.locator("#field-reason").select_option("damaged")
    page.locator("#request-send").click()
    second = page.locator("#request-list li.request").first
    sync(page)
    expect(second).to_have_attribute("data-status", "submitted", timeout=20000)
    second.locator("button.withdraw").click()
    sync(page)
    withdrawn = page.locator("#request-list li.request[data-status=withdrawn]")
    expect(withdrawn).to_have_count(1, timeout=20000)
    expect(withdrawn.locator("button.withdraw")).to_have_count(0)
    shot(page, "requests-timeline-vi")
    with engine_for(server.db_url).connect() as conn:
        statuses = dict(conn.execute(text("SELECT kind, status FROM servicerequest")).all())
    assert statuses == {"pension_payment": "rejected", "reissue_book": "withdrawn"}
    ctx.close()

    # Offline after a browser restart: the timelines and the reason are on the phone.
    ctx = phone(pw, tmp_path / "phone", server, offline=True)
    page = ctx.new_page()
    page.goto("/requests")
    rejected = page.locator("#request-list li.request", has_text="Tài khoản không đứng tên")
    expect(rejected).to_have_count(1, timeout=20000)
    rejected.locator("summary").click()
    steps = rejected.locator(".case-timeline li")
    expect(steps).to_have_count(4)  # submitted, needs info, received (answer), rejected
    expect(steps.nth(2)).to_contain_text("Tài khoản đứng tên tôi.")  # the answer
    ctx.close()


def test_new_primary_care_facility_is_in_the_phones_card_qr(
        pw: BrowserType, server: Server, tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Approved, the new facility reaches the phone's card by sync: the printed code (signed
    by the issuer) names it, and the live code's credential is renewed for the new card
    rather than going on with the old facility. The request is submitted in a quarter's
    window (the service's clock set to 2 January), as the phone's push would."""
    ctx, page = first_session(pw, tmp_path / "phone", server, "/card", installed=True)
    live = page.locator("#card-qr[data-kind=live]")
    expect(live).to_be_visible(timeout=20000)
    before = check(server, shown(page, "#card-qr[data-kind=live]")).claims["facility"]
    eng = engine_for(server.db_url)
    with as_server(server), Session(eng) as session:
        person = session.exec(select(Person).where(Person.code == AN)).one()
        code = session.exec(select(Facility.code).where(
            Facility.province_code == person.province_code, Facility.code != before,
            Facility.bhyt_contracted, col(Facility.level).in_(["district", "commune"]))).first()
        monkeypatch.setattr(service_requests, "vietnam_today", lambda: dt.date(2027, 1, 2))
        request_id = str(uuid.uuid4())
        answer = protocol.push(session, person, [{"id": str(uuid.uuid4()),
                                                  "type": "request.submit", "data": {
            "request_id": request_id, "kind": "change_facility",
            "fields": {"facility": code}}}], "vi")
        session.commit()
    assert answer["acked"], answer
    officer_does(server, request_id, "approve")
    sync(page)
    # The phone renews its credential for the new card after the sync; a code the old one
    # made would name the old facility.
    for _ in range(60):
        text_ = shown(page, "#card-qr[data-kind=live]")
        if text_ and check(server, text_).claims.get("facility") == code:
            break
        page.wait_for_timeout(500)
    verdict = check(server, shown(page, "#card-qr[data-kind=live]"))
    assert verdict.ok and verdict.claims["facility"] == code
    page.locator("#code-printed").click()
    expect(page.locator("#card-qr[data-kind=printed]")).to_be_visible()
    expect(page.locator(".qr-check")).to_have_attribute("data-result", "ok")  # phone's check
    expect(page.locator("main")).to_contain_text(f"({code})")  # the card's facility line
    printed = page.evaluate("""() => import('/sync/store.js')
        .then((s) => s.docs('card')).then((cards) => cards[0].doc.qr_text)""")
    assert check(server, printed).claims["facility"] == code  # the phone's printed code
    shot(page, "card-new-facility-vi")
    ctx.close()


# Each kind as the citizen fills it in on the form: (kind, [(field id, value)], text).
KINDS = [
    ("reissue_card", [("field-reason", "damaged")], ""),
    ("reissue_book", [("field-reason", "lost")], ""),
    ("pension_payment", [("field-method", "post"), ("field-post_office", "Bưu điện Gia Lâm")],
     ""),
    ("authorise", [("field-name", "Nguyễn Thị Hoa"), ("field-citizen_id", "001190012345"),
                   ("field-benefit", "pension"),
                   ("field-until", (dt.date.today() + dt.timedelta(days=60)).isoformat())], ""),
    ("voluntary", [("field-income", "5000000"), ("field-months", "6")], ""),
    ("other", [], "Xin xác nhận quá trình đóng BHXH để làm thủ tục vay vốn."),
]


def fill_request(page: Page, kind: str, fields: list[tuple[str, str]], words: str) -> None:
    """Fill the form for `kind` and send it; back once the form is empty again."""
    form = page.locator("#draft-form")
    done = int(form.get_attribute("data-done") or 0)
    page.locator("#draft-kind").select_option(kind)
    for field, value in fields:
        box = page.locator(f"#{field}")
        if box.evaluate("(el) => el.tagName") == "SELECT":
            box.select_option(value)
        else:
            box.fill(value)
    if words:
        page.locator("#draft-text").fill(words)
    page.locator("#request-send").click()
    expect(form).to_have_attribute("data-done", str(done + 1))
    expect(page.locator("#draft-note")).to_have_class(re.compile("alert-ok"))


def test_each_kind_from_the_form_through_the_console_to_the_timeline(
        pw: BrowserType, browser: Browser, server: Server, tmp_path: Path) -> None:  # noqa: F811
    """Every kind of request (the facility change has its own test: it waits for a quarter's
    window) written on the phone's form, approved by officer CB-02 on the console, and the
    phone's timeline says "approved and done" offline after a restart."""
    with engine_for(server.db_url).begin() as conn:  # earlier tests' open requests
        conn.execute(text("UPDATE servicerequest SET status = 'withdrawn'"))
    ctx, page = first_session(pw, tmp_path / "phone", server, "/requests", installed=True)
    for kind, fields, words in KINDS:
        fill_request(page, kind, fields, words)
    sync(page)
    sent = page.locator("#request-list li.request[data-status=submitted]")
    expect(sent).to_have_count(len(KINDS), timeout=30000)
    ids = [sent.nth(i).get_attribute("data-request") for i in range(len(KINDS))]

    desk = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN",
                               base_url=server.url)
    officer = desk.new_page()
    log_in_desk(officer, server, "CB-02", lands=r"/officer/?$")
    for request_id in ids:
        officer.locator(f"#queue-list button[data-id='{request_id}']").click()
        officer.locator("#decide-approve").click()
        officer.locator("#decide-confirm").click()
        expect(officer.locator("#detail-status")).to_have_text(
            tr("vi", labels.CASE_STATUS["done"]))
    leave(desk)

    sync(page)
    done = page.locator("#request-list li.request[data-status=done]")
    expect(done).to_have_count(len(KINDS), timeout=30000)
    with engine_for(server.db_url).connect() as conn:
        kinds = set(conn.execute(text("SELECT kind FROM servicerequest WHERE status = 'done'"))
                    .scalars())
        voluntary = conn.execute(text(
            "SELECT salary_basis FROM participation WHERE employer_id IS NULL AND "
            "to_month IS NULL AND person_id = (SELECT id FROM person WHERE code = :c)"),
            {"c": AN}).scalar()
    assert kinds >= {k for k, _, _ in KINDS}
    assert voluntary == 5_000_000  # the voluntary period the approval opened
    ctx.close()

    ctx = phone(pw, tmp_path / "phone", server, offline=True)
    page = ctx.new_page()
    page.goto("/requests")
    done = page.locator("#request-list li.request[data-status=done]")
    expect(done).to_have_count(len(KINDS), timeout=20000)
    expect(done.first.locator(".badge")).to_have_text(tr("vi", labels.CASE_STATUS["done"]))
    shot(page, "requests-done-offline-vi")
    ctx.close()
