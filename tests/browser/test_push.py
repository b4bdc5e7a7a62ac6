"""Web push on a real phone browser, end to end without the internet.

Chromium cannot subscribe offline (its push service is Google's, reached over the
network), so the page's `pushManager.subscribe` is the one thing replaced: it returns a
subscription whose keys the test holds, pointing at a push service on loopback. Everything
else is real: the switch on the notices screen (permission, the server's VAPID key, the
device-proven registration), the server's scheduler and sender (pywebpush, aes128gcm), the
test decrypting what reached the push service, and the service worker receiving exactly that
(DevTools `ServiceWorker.deliverPushMessage`) and showing the notification in the person's
language, in Vietnamese and in English; open pages sync the notice into the inbox, and a
page opened from a notification marks it read."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from sqlalchemy import text
from sqlmodel import Session, select

from api.db import engine_for
from api.domain.models import Notice, Person
from api.push import sender
from api.services import notices
from tests.aio import run_apart
from tests.browser.conftest import Server, log_in, shot
from tests.browser.test_offline import AN, sw_ready, synced
from tests.pushkit import PushService, Subscriber

# The page's subscribe, replaced: a subscription with the test's keys (see the docstring).
FAKE_SUBSCRIBE = """(sub) => {
    const key = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')),
                                        c => c.charCodeAt(0));
    let held = null;
    PushManager.prototype.getSubscription = async () => held;
    PushManager.prototype.subscribe = async (options) => {
        held = { endpoint: sub.endpoint, expirationTime: null,
                 options: { applicationServerKey: options.applicationServerKey },
                 toJSON: () => sub, unsubscribe: async () => { held = null; return true; } };
        window.__pushKey = btoa(String.fromCharCode(...new Uint8Array(
            options.applicationServerKey))).replace(/\\+/g, '-').replace(/\\//g, '_')
            .replace(/=+$/, '');
        return held;
    };
}"""

NOTIFICATIONS = """async () => (await navigator.serviceWorker.getRegistration('/'))
    .getNotifications().then(list => list.map(n => ({title: n.title, body: n.body,
                                                    tag: n.tag, url: n.data && n.data.url})))"""


@pytest.fixture
def push_service() -> Iterator[PushService]:
    service = PushService()
    yield service
    service.close()


@pytest.fixture
def phone(context: BrowserContext, server: Server) -> BrowserContext:
    """A phone whose reader has allowed notifications for the app."""
    context.grant_permissions(["notifications"], origin=server.url)
    return context


def _notifications_on(phone: BrowserContext, server: Server, subscriber: Subscriber) -> Page:
    """Log in, open the notices screen (the switch off: never asked on its own) and turn
    notifications on with the test's subscription."""
    page = phone.new_page()
    log_in(page, server)
    page.goto("/notices")
    synced(page)
    sw_ready(page)
    expect(page.locator("#push-switch")).to_have_attribute("data-state", "off")
    shot(page, "push-off-vi")
    page.evaluate(FAKE_SUBSCRIBE, subscriber.subscription())
    page.locator("#push-on").click()
    expect(page.locator("#push-switch")).to_have_attribute("data-state", "on")
    return page


def _person(server: Server, lang: str | None = None) -> int:
    eng = engine_for(server.db_url)
    with Session(eng) as s:
        person = s.exec(select(Person).where(Person.code == AN)).one()
        if lang:
            person.lang = lang
            s.add(person)
            s.commit()
        return person.id


def _notify(server: Server, day: dt.date) -> int:
    """A notice made on the server and sent as the scheduler does; its id."""
    eng = engine_for(server.db_url)
    with Session(eng) as s:
        notice_id = notices.publish(s, _person(server), "card_expiring",
                                    day=day.isoformat()).id
        s.commit()
        report = run_apart(sender.send_due(s))
    assert report.sent == 1, report
    return notice_id


def _deliver(page: Page, ctx: BrowserContext, server: Server, plaintext: bytes) -> str:
    """Hand the decrypted push to the page's service worker, as the browser would; the
    registration it went to."""
    cdp = ctx.new_cdp_session(page)
    registrations: dict[str, str] = {}
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda e: registrations.update(
        {r["scopeURL"]: r["registrationId"] for r in e["registrations"] if not r["isDeleted"]}))
    cdp.send("ServiceWorker.enable")
    deadline = time.monotonic() + 10
    while server.url + "/" not in registrations and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    registration = registrations[server.url + "/"]
    cdp.send("ServiceWorker.deliverPushMessage", {
        "origin": server.url, "registrationId": registration, "data": plaintext.decode()})
    cdp.detach()
    return registration


def _shown(page: Page, ctx: BrowserContext, server: Server, body: dict) -> dict:
    """The notification the worker showed for a push of `body`. Delivered again once if
    none came (a worker still starting on a loaded machine can miss a DevTools push)."""
    tag = f"notice-{body['id']}"
    sent_to = []
    for wait in (8, 20):
        sent_to.append(_deliver(page, ctx, server, json.dumps(body).encode()))
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            found = [n for n in page.evaluate(NOTIFICATIONS) if n["tag"] == tag]
            if found:
                return found[0]
            page.wait_for_timeout(200)
    state = page.evaluate("""async () => ({permission: Notification.permission,
        controller: Boolean(navigator.serviceWorker.controller)})""")
    pytest.fail(f"no notification {tag} (pushed to registrations {sent_to}; {state}): "
                f"{page.evaluate(NOTIFICATIONS)}")


def test_a_notice_pushed_to_the_phone_is_shown_in_its_language_and_lands_in_the_inbox(
        phone: BrowserContext, server: Server, push_service: PushService) -> None:
    subscriber = Subscriber(push_service, "phone")
    page = _notifications_on(phone, server, subscriber)
    expect(page.locator("#anti-scam")).to_contain_text("không bao giờ yêu cầu")
    expect(page.locator("#push-switch")).to_contain_text("Đã bật thông báo")
    assert page.evaluate("window.__pushKey") == page.request.get("/api/push/key").json()["key"]
    shot(page, "push-on-vi")

    # Vietnamese: the account's language.
    end = dt.date.today() + dt.timedelta(days=7)
    first = _notify(server, end)
    [received] = push_service.to(subscriber.path)
    body = subscriber.decrypt(received)
    assert body["id"] == first and body["lang"] == "vi"
    shown = _shown(page, phone, server, body)
    assert shown["title"] == "Thông báo · BHXH"
    assert shown["body"] == f"Thẻ BHYT của bạn hết hạn ngày {end:%d/%m/%Y}. Hãy gia hạn kịp thời."
    assert shown["url"] == f"/card?notice={first}"
    # The page was told: the notice is in the inbox without a reload.
    expect(page.locator("#notice-list")).to_contain_text(f"{end:%d/%m/%Y}", timeout=20000)

    # English, after the person switched the account's language.
    _person(server, lang="en")
    try:
        second = _notify(server, end)
        body = subscriber.decrypt(push_service.to(subscriber.path)[-1])
        shown = _shown(page, phone, server, body)
    finally:
        _person(server, lang="vi")
    assert shown["title"] == "Notices · BHXH"
    assert shown["body"].startswith("Your health-insurance card expires on ")

    # Opening the notification's page marks that notice read, here and on the server.
    page.goto(f"/card?notice={first}")
    page.wait_for_function("() => !location.search.includes('notice=')")
    deadline = time.monotonic() + 20
    eng = engine_for(server.db_url)
    while time.monotonic() < deadline:
        with Session(eng) as s:
            if s.get(Notice, first).read_at is not None:
                break
        page.wait_for_timeout(250)
    else:
        pytest.fail("the notice opened from its notification was not marked read")
    with Session(eng) as s:
        assert s.get(Notice, second).read_at is None


def test_turning_notifications_off_forgets_the_subscription(
        phone: BrowserContext, server: Server, push_service: PushService) -> None:
    page = _notifications_on(phone, server, Subscriber(push_service, "off-phone"))
    page.locator("#push-off").click()
    expect(page.locator("#push-switch")).to_have_attribute("data-state", "off")
    with engine_for(server.db_url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pushsubscription")).scalar_one() == 0
