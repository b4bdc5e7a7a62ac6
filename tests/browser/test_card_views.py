"""What clinics produce, as the citizen's phone shows it: a visit checked in at the desk in the
medical history ("checked in, costs pending") and "who viewed my card" on the security page.
Both arrive by delta sync and open from the encrypted store with the network off.

The documents are written straight into the change log, as the clinic side does
(sync.changes.record), so this tests the phone's side of the contract on its own."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserType, Page, expect
from sqlmodel import Session

from api.clock import utcnow
from api.db import engine_for
from locales import formats, labels, tr
from sync import changes
from tests.browser.conftest import Server, shot
from tests.browser.test_accessibility import AXE, serious_violations
from tests.browser.test_offline import first_session, person_id, phone

pytestmark = pytest.mark.browser
LANGS = ("vi", "en", "zh", "ja", "ko")
BADGE = "Checked in, costs pending"
OFFLINE_CHECK = "Card checked without network"


@pytest.fixture
def pw(browser: Browser) -> BrowserType:
    """Chromium's launcher, for a profile kept on disk (as in test_offline)."""
    return browser.browser_type


def _instant(hours_ago: float) -> dt.datetime:
    return utcnow() - dt.timedelta(hours=hours_ago)


def _documents() -> tuple[list[tuple[str, str, dict]], list[tuple[str, str, dict]]]:
    """Two check-ins and three card views, deliberately recorded oldest-last."""
    checkins = [
        ("checkin", str(uuid.uuid4()), {
            "at": _instant(30).isoformat(), "facility": "Trạm Y tế xã Tả Van",
            "facility_code": "10T05", "reason": "outpatient", "checked_offline": False,
            "status": "pending_costs"}),
        ("checkin", str(uuid.uuid4()), {
            "at": _instant(1).isoformat(), "facility": "Bệnh viện Bạch Mai",
            "facility_code": "01H01", "reason": "emergency", "checked_offline": True,
            "status": "pending_costs"}),
    ]
    views = [
        ("cardview", str(uuid.uuid4()), {
            "at": _instant(30).isoformat(), "facility": "Trạm Y tế xã Tả Van",
            "facility_code": "10T05", "staff": "Lò Thị Mai", "action": "typed"}),
        ("cardview", str(uuid.uuid4()), {
            "at": _instant(1).isoformat(), "facility": "Bệnh viện Bạch Mai",
            "facility_code": "01H01", "staff": "Nguyễn Văn An", "action": "visit"}),
        ("cardview", str(uuid.uuid4()), {
            "at": _instant(1.5).isoformat(), "facility": "Bệnh viện Bạch Mai",
            "facility_code": "01H01", "staff": "Nguyễn Văn An", "action": "scan"}),
    ]
    return checkins, views


def _moment(doc: dict, lang: str) -> str:
    return formats.moment(dt.datetime.fromisoformat(doc["at"]), lang)


def _check_medical(page: Page, checkins: list, lang: str) -> None:
    """The newest entry of the list is the newest check-in, with its badge and details."""
    items = page.locator("#visit-list li.checkin")
    newest = checkins[1]
    for _, ident, _doc in checkins:
        expect(page.locator(f"#visit-list li.checkin[data-id='{ident}']")).to_have_count(1)
    first = page.locator("#visit-list > li").first
    expect(first).to_have_attribute("data-id", newest[1])
    expect(first).to_contain_text(tr(lang, BADGE))
    expect(first.locator(".badge")).to_have_text(tr(lang, BADGE))
    expect(first).to_contain_text("Bệnh viện Bạch Mai (01H01)")
    expect(first).to_contain_text(_moment(newest[2], lang))
    expect(first).to_contain_text(tr(lang, labels.VISIT_REASONS["emergency"]))
    expect(first).to_contain_text(tr(lang, OFFLINE_CHECK))
    older = page.locator(f"#visit-list li.checkin[data-id='{checkins[0][1]}']")
    expect(older).to_contain_text(tr(lang, labels.VISIT_REASONS["outpatient"]))
    expect(older).not_to_contain_text(tr(lang, OFFLINE_CHECK))
    assert items.count() == 2
    # The costed visits are still listed after it, with their costs.
    expect(page.locator("#visit-list > li:not(.checkin)").first).to_be_visible()
    expect(page.locator("#visit-list .cost").first).to_be_visible()


def _check_views(page: Page, views: list, lang: str) -> None:
    """Newest first: the visit, the scan, then the typed code of the day before."""
    rows = page.locator("#card-views li.card-view")
    expect(rows).to_have_count(3)
    order = [views[1], views[2], views[0]]
    assert [rows.nth(i).get_attribute("data-id") for i in range(3)] == [v[1] for v in order]
    for i, (_, _, doc) in enumerate(order):
        row = rows.nth(i)
        expect(row).to_contain_text(tr(lang, labels.VIEW_ACTIONS[doc["action"]]))
        expect(row).to_contain_text(f"{doc['facility']} ({doc['facility_code']})")
        expect(row).to_contain_text(doc["staff"])
        expect(row).to_contain_text(_moment(doc, lang))


def _switch(page: Page, lang: str) -> None:
    """Choose a language; the page reloads in it (as in test_languages)."""
    with page.expect_response("**/api/me/language"):
        page.locator("#lang-select").select_option(lang)
    page.wait_for_function("() => performance.getEntriesByType('navigation')[0].type === 'reload'"
                           " && document.readyState === 'complete'")
    page.wait_for_load_state("networkidle")
    expect(page.locator("html")).to_have_attribute("lang", lang)


def test_clinic_documents_arrive_by_sync_and_open_offline(pw: BrowserType, server: Server,
                                                          tmp_path: Path) -> None:
    profile = tmp_path / "phone"
    ctx, page = first_session(pw, profile, server, "/security", installed=True)
    # Nothing seen yet: the empty state and what the list is for (any view a reset brought
    # is removed from this phone's store first, so the empty state is always reached).
    page.evaluate("""() => import('/sync/store.js').then(async (store) => {
        for (const item of await store.docs('cardview')) await store.deleteDoc('cardview', item.id);
    })""")
    page.reload()
    expect(page.locator("#card-views-empty")).to_have_text(
        tr("vi", "No clinic has looked at your card yet."))
    expect(page.locator("#card-views-panel")).to_contain_text(tr(
        "vi", "Every time a clinic scans or types your card, looks at your photo or records a "
        "visit, it shows here."))

    checkins, views = _documents()
    with Session(engine_for(server.db_url)) as s:
        pid = person_id(server)
        for doc in [*checkins, *views]:
            changes.record(s, pid, doc)
        s.commit()
    page.reload()  # opening the app syncs: the new documents come as a delta
    _check_views(page, views, "vi")
    shot(page, "card-views-vi")
    if AXE.exists():
        found = serious_violations(page)
        assert found == [], json.dumps(found, ensure_ascii=False, indent=1)

    page.goto("/medical")
    _check_medical(page, checkins, "vi")
    shot(page, "medical-checkin-vi")
    if AXE.exists():
        found = serious_violations(page)
        assert found == [], json.dumps(found, ensure_ascii=False, indent=1)

    # Every language: labels, badge and dates in the reader's words (switching reloads).
    for lang in (*LANGS[1:], "vi"):
        _switch(page, lang)
        _check_medical(page, checkins, lang)
        shot(page, f"medical-checkin-{lang}")
        page.goto("/security")
        _check_views(page, views, lang)
        shot(page, f"card-views-{lang}")
        page.goto("/medical")
    ctx.close()

    # The phone restarts with no network: both open from the encrypted store.
    ctx = phone(pw, profile, server, offline=True)
    page = ctx.new_page()
    page.goto("/medical")
    _check_medical(page, checkins, "vi")
    expect(page.locator("#offline-banner")).to_be_visible()
    page.goto("/security")
    _check_views(page, views, "vi")
    expect(page.locator("#offline-banner")).to_be_visible()
    shot(page, "card-views-offline-vi")
    ctx.close()
