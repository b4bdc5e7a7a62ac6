"""Offline-first in Chromium: the card and history open with no network after a browser
restart; changes flow both ways when the network returns; mutations queued offline are
applied once."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, BrowserType, Page, expect
from playwright.sync_api import Error as PlaywrightError
from sqlalchemy import text
from sqlmodel import Session, select

from api.db import engine_for
from api.domain.models import Person
from api.services import notices
from tests.browser.conftest import CHROMIUM, PHONE, Server, log_in, shot

pytestmark = pytest.mark.browser
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu",
        "--disable-component-update", "--no-first-run"]
AN = "0123456789"


@pytest.fixture
def pw(browser: Browser) -> BrowserType:
    """Chromium's launcher (the session's Playwright), for profiles kept on disk."""
    return browser.browser_type


def phone(pw: BrowserType, profile: Path, server: Server, offline: bool = False) -> BrowserContext:
    """A browser with a profile on disk (survives a restart), like an installed PWA."""
    return pw.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=ARGS, viewport=PHONE, locale="vi-VN",
        base_url=server.url, offline=offline, service_workers="allow")


def synced(page: Page) -> None:
    """Wait until the sync loop has written the store once."""
    page.wait_for_function("""() => new Promise(resolve => {
        const q = indexedDB.open('wallet-data');
        q.onsuccess = () => { const db = q.result;
            if (!db.objectStoreNames.contains('meta')) { db.close(); return resolve(false); }
            const r = db.transaction('meta').objectStore('meta').get('lastSync');
            r.onsuccess = () => { db.close(); resolve(Boolean(r.result)); }; };
        q.onerror = () => resolve(false); })""", polling=250, timeout=20000)


def sw_ready(page: Page) -> None:
    """Wait until the service worker has precached the app and controls the page."""
    try:
        page.wait_for_function(
            "() => navigator.serviceWorker && navigator.serviceWorker.controller",
            polling=250, timeout=60000)
    except PlaywrightError:
        state = page.evaluate("""navigator.serviceWorker.getRegistration().then(r => r ?
            {active: r.active && r.active.state, installing: r.installing && r.installing.state,
             waiting: r.waiting && r.waiting.state} : 'no registration')""")
        pytest.fail(f"the service worker did not take control: {state}")


def first_session(pw: BrowserType, profile: Path, server: Server, path: str,
                  installed: bool = False) -> tuple[BrowserContext, Page]:
    """Log in on a phone with a profile on disk, open `path` and wait for the first sync
    (and, if `installed`, for the service worker to control the page)."""
    server.reset_logins()
    ctx = phone(pw, profile, server)
    page = ctx.new_page()
    log_in(page, server)
    page.goto(path)
    synced(page)
    if installed:
        sw_ready(page)
    return ctx, page


def person_id(server: Server, code: str = AN) -> int:
    with Session(engine_for(server.db_url)) as s:
        return s.exec(select(Person.id).where(Person.code == code)).one()


def test_card_and_history_open_offline_after_a_restart(pw: BrowserType, server: Server,
                                                        tmp_path: Path) -> None:
    ctx, page = first_session(pw, tmp_path / "profile", server, "/card", installed=True)
    expect(page.locator("#card-number")).to_have_text(AN)
    # The live credential arrives by its own request once the card screen is open; closing
    # the browser before it (seen on a loaded machine) leaves only the printed code offline.
    expect(page.locator("#card-qr[data-kind=live]")).to_be_visible(timeout=20000)
    ctx.close()

    ctx = phone(pw, tmp_path / "profile", server, offline=True)  # network off, new browser
    page = ctx.new_page()
    page.goto("/card")
    expect(page.locator("#card-qr[data-kind=live]")).to_be_visible()  # drawn on the phone, offline
    expect(page.locator("#card-number")).to_have_text(AN)
    expect(page.locator(".qr-check")).to_have_attribute("data-result", "ok")  # offline check
    expect(page.locator("#offline-banner")).to_contain_text("Không có mạng – cập nhật lần cuối")
    expect(page.get_by_text("Cannot connect")).to_have_count(0)
    assert page.locator(".photo").evaluate("img => img.naturalWidth") > 0
    shot(page, "offline-card-vi")
    page.get_by_role("tab", name="Ảnh thẻ").click()
    page.wait_for_function("() => document.querySelector('#card-image').naturalWidth === 1012")
    page.locator("nav a[href='/history']").click()  # client-side navigation, offline
    expect(page.locator("#total-months")).to_contain_text("năm")
    expect(page.locator(".seg-unpaid").first).to_be_attached()
    shot(page, "offline-history-vi")
    for path, marker in (("/medical", "#visit-count"), ("/benefits", "h2.section-title"),
                         ("/notices", "#notice-list")):
        page.goto(path)  # a full page load from the precache
        expect(page.locator(marker).first).to_be_visible()
    assert int(page.evaluate("1")) == 1
    ctx.close()


def test_change_made_while_offline_arrives_as_a_small_delta(pw: BrowserType, server: Server,
                                                            tmp_path: Path) -> None:
    server.reset_logins()
    ctx = phone(pw, tmp_path / "p", server)
    page = ctx.new_page()
    pulls: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: pulls.append(
        (r.url, r.sizes()["responseBodySize"])) if "/api/sync/pull" in r.url else None)
    log_in(page, server)
    page.goto("/notices")
    synced(page)
    full = max(size for _, size in pulls)
    ctx.set_offline(True)
    with Session(engine_for(server.db_url)) as s:
        notices.publish(s, person_id(server), "contribution_due", month="2026-12")
        s.commit()
    # The "online" event syncs without the user doing anything.
    with page.expect_request_finished(
            lambda r: "/api/sync/pull" in r.url and "since=1." in r.url) as finished:
        ctx.set_offline(False)
    expect(page.locator("#notice-list")).to_contain_text("12/2026")
    delta = finished.value.sizes()["responseBodySize"]  # as received, gzip-encoded
    assert delta < 1024 and full > 30 * delta, (full, delta)
    ctx.close()


def test_mutation_queued_offline_survives_restart_and_is_applied_once(
        pw: BrowserType, server: Server, tmp_path: Path) -> None:
    ctx, page = first_session(pw, tmp_path / "q", server, "/notices")
    ctx.set_offline(True)
    page.locator("#notice-list li:not(.read) button").first.click()
    expect(page.locator("#notice-list li.read")).to_have_count(1)  # applied locally at once
    ctx.close()  # the phone is switched off before it is online again
    with engine_for(server.db_url).connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM notice WHERE read_at IS NOT NULL")
                            ).scalar() == 0
    ctx = phone(pw, tmp_path / "q", server)
    page = ctx.new_page()
    page.goto("/notices")
    expect(page.locator("#notice-list li.read")).to_have_count(1)
    with engine_for(server.db_url).connect() as conn:
        for _ in range(40):
            if conn.execute(text("SELECT COUNT(*) FROM appliedmutation")).scalar():
                break
            page.wait_for_timeout(250)
        assert conn.execute(text("SELECT COUNT(*) FROM notice WHERE read_at IS NOT NULL")
                            ).scalar() == 1
        assert conn.execute(text("SELECT COUNT(*) FROM appliedmutation")).scalar() == 1
    ctx.close()


@pytest.mark.parametrize("cut", ["before", "after"])
def test_connection_dies_during_a_push(pw: BrowserType, server: Server, tmp_path: Path,
                                       cut: str) -> None:
    """The push dies before reaching the server, or after the server applied it but before
    the phone heard back: either way the mutation stays queued, is retried, and the server
    applies it exactly once."""
    ctx, page = first_session(pw, tmp_path / cut, server, "/requests")
    seen = []

    def die(route) -> None:
        try:
            if cut == "after":
                route.fetch()  # the server applies and commits...
            route.abort("connectionreset")  # ...and the answer never arrives
        except Exception as exc:  # noqa: BLE001 - the page may have gone meanwhile
            seen.append(repr(exc))
        seen.append(route.request.url)  # only now: the server has answered (or not) by here

    text_ = f"Xin cấp lại thẻ BHYT vì bị mất ({cut})."
    count = ("SELECT COUNT(*) FROM servicedraft WHERE text = :t", {"t": text_})
    ctx.route("**/api/sync/push", die)
    page.locator("#draft-text").fill(text_)
    page.locator("#draft-form button[type=submit]").click()
    expect(page.locator("#draft-list")).to_contain_text(text_)
    for _ in range(40):
        if seen:
            break
        page.wait_for_timeout(250)
    assert seen, "the push was attempted"
    ctx.unroute("**/api/sync/push")
    with engine_for(server.db_url).connect() as conn:
        before = conn.execute(text("SELECT COUNT(*) FROM appliedmutation")).scalar()
        assert conn.execute(text(count[0]), count[1]).scalar() == (
            1 if cut == "after" else 0), seen
    page.evaluate("import('/sync/engine.js').then(m => m.syncNow())")
    with engine_for(server.db_url).connect() as conn:
        for _ in range(40):
            if conn.execute(text(count[0]), count[1]).scalar() and cut == "after" or \
                    conn.execute(text("SELECT COUNT(*) FROM appliedmutation")).scalar() > before:
                break
            page.wait_for_timeout(250)
        assert conn.execute(text(count[0]), count[1]).scalar() == 1
        # Applied exactly once: a retry of an applied mutation is only acknowledged.
        assert conn.execute(text("SELECT COUNT(*) FROM appliedmutation")).scalar() == \
            before + (0 if cut == "after" else 1)
    page.wait_for_function("""() => import('/sync/store.js').then(s => s.outbox.list())
        .then(list => list.length === 0)""", polling=250, timeout=10000)
    ctx.close()


def test_a_long_offline_queue_goes_up_in_batches(pw: BrowserType, server: Server,
                                                 tmp_path: Path) -> None:
    """120 drafts saved offline: sent in pushes the server accepts (its cap is 200 changes
    and 1 MB), every one applied once."""
    ctx, page = first_session(pw, tmp_path / "batch", server, "/requests")
    with engine_for(server.db_url).connect() as conn:
        applied = conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM appliedmutation")
                               ).scalar()
        before = set(conn.execute(text("SELECT id FROM servicedraft")).scalars())
    page.evaluate("() => import('/sync/engine.js')")  # loaded while online
    ctx.set_offline(True)
    page.evaluate("""() => import('/sync/engine.js').then(async (engine) => {
        for (let n = 0; n < 120; n++) {
            const id = crypto.randomUUID();
            await engine.queue('draft.save', {draft_id: id, kind: 'other',
                text: 'x'.repeat(3000) + n, updated: new Date().toISOString()});
        }
    })""")
    pushes: list[int] = []
    codings: list[str | None] = []

    def sent(request) -> None:
        if request.url.endswith("/api/sync/push"):
            # The engine sends each batch gzip-compressed (CompressionStream).
            codings.append(request.headers.get("content-encoding"))
            body = request.post_data_buffer
            if codings[-1] == "gzip":
                body = gzip.decompress(body)
            pushes.append(len(json.loads(body)["mutations"]))

    page.on("request", sent)
    ctx.set_offline(False)
    page.evaluate("() => import('/sync/engine.js').then(e => e.syncNow())")
    with engine_for(server.db_url).connect() as conn:
        def new_drafts() -> set[str]:
            return set(conn.execute(text("SELECT id FROM servicedraft")).scalars()) - before

        for _ in range(80):
            if len(new_drafts()) >= 120:
                break
            page.wait_for_timeout(250)
        made = new_drafts()
        assert len(made) == 120
        # Leave the shared server as found.
        for ident in made:
            conn.execute(text("DELETE FROM servicedraft WHERE id = :id"), {"id": ident})
        conn.execute(text("DELETE FROM appliedmutation WHERE id > :n"), {"n": applied})
        conn.commit()
    assert pushes and max(pushes) <= 50 and sum(pushes) >= 120
    assert set(codings) == {"gzip"}, codings
    ctx.close()
