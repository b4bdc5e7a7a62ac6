"""One source for words and formats in the browser and in Python: plural forms, dates with
four-digit years, money; the title and `lang` right from the first paint; a draft that is too
long is stopped on the phone, and a change the server refuses is kept and shown."""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from babel.messages.plurals import get_plural
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import text

from api.db import engine_for
from api.services.errors import explain
from locales import (
    ENABLED,
    format_datetime,
    format_day,
    format_money,
    format_month,
    format_number,
    format_short_day,
    labels,
    tr,
    trn,
)
from tests.browser.conftest import PHONE, Server, leave, log_in, shot
from tests.browser.test_accessibility import serious_violations

pytestmark = pytest.mark.browser

@pytest.fixture(autouse=True)
def leaves_no_trace(server: Server) -> Iterator[None]:
    """Every browser test shares the app's database, and some count the changes phones
    pushed: remove the drafts and applied changes a test of this module made."""
    eng = engine_for(server.db_url)
    with eng.connect() as conn:
        last = conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM appliedmutation")).scalar()
        drafts = set(conn.execute(text("SELECT id FROM servicedraft")).scalars())
    yield
    with eng.begin() as conn:
        conn.execute(text("DELETE FROM appliedmutation WHERE id > :last"), {"last": last})
        for ident in set(conn.execute(text("SELECT id FROM servicedraft")).scalars()) - drafts:
            conn.execute(text("DELETE FROM servicedraft WHERE id = :id"), {"id": ident})


DAYS = ["1990-02-15", "2026-11-23", "2001-01-05"]
MONTHS = ["2024-03-01", "1999-12-01"]
MOMENTS = ["2026-11-23T11:30:00Z", "2026-01-01T16:59:00Z", "2025-12-31T17:05:00Z",
           "2026-06-15T04:00:00Z"]
AMOUNTS = [0, 1, 999, 1000, 1_250_000, 123_456_789, -50_000]
NUMBERS = [0, 1234, 1234.5, 1_000_000]
PLURALS = [("{n} day", "{n} days"), ("{n} yr", "{n} yrs"),
           ("Wrong code. {tries} try left for this code.",
            "Wrong code. {tries} tries left for this code.")]
COUNTS = [0, 1, 2, 5, 11, 21, 101]

# The browser's own modules as published (assets/formats.js, assets/plural.js) and the JSON
# locales/build.py wrote; formats.js's JSON import is inlined so the page can load it as is.
JS_SIDE = """async (cases) => {
    const f = await import('/__test__/formats.js');
    const plural = await import('/plural.js');
    const out = {};
    for (const lang of cases.langs) {
        const catalog = await (await fetch(`/i18n/${lang}.json`)).json();
        out[lang] = {
            days: cases.days.map((d) => f.formatDay(d, lang)),
            medium: cases.days.map((d) => f.formatMediumDay(d, lang)),
            months: cases.months.map((d) => f.formatMonth(d, lang)),
            moments: cases.moments.map((m) => f.formatMoment(m, lang)),
            money: cases.amounts.map((a) => f.formatMoney(a, lang)),
            numbers: cases.numbers.map((n) => f.formatNumber(n, lang)),
            plurals: cases.plurals.map(([s, p]) => cases.counts.map(
                (n) => plural.pluralText(catalog, s, p, n))),
        };
    }
    return out;
}"""


def python_side(lang: str) -> dict[str, list]:
    def day(iso: str) -> dt.date:
        return dt.date.fromisoformat(iso)

    return {
        "days": [format_short_day(day(d), lang) for d in DAYS],
        "medium": [format_day(day(d), lang) for d in DAYS],
        "months": [format_month(day(m), lang) for m in MONTHS],
        "moments": [format_datetime(dt.datetime.fromisoformat(m), lang) for m in MOMENTS],
        "money": [format_money(a, lang) for a in AMOUNTS],
        "numbers": [format_number(n, lang) for n in NUMBERS],
        "plurals": [[trn(lang, s, p, n) for n in COUNTS] for s, p in PLURALS],
    }


def test_browser_formats_and_plurals_match_python_in_every_language(page: Page,
                                                                    server: Server) -> None:
    # The module with its JSON import inlined, served from the app's own origin (the CSP
    # admits no blob: scripts).
    data = httpx.get(f"{server.url}/i18n/formats.json").text
    source = re.sub(r'import formats from "[^"]+";', f"const formats = {data};",
                    httpx.get(f"{server.url}/formats.js").text)
    page.route("**/__test__/formats.js", lambda route: route.fulfill(
        body=source, content_type="text/javascript"))
    page.goto("/login")
    got = page.evaluate(JS_SIDE, {"langs": list(ENABLED), "days": DAYS, "months": MONTHS,
                                  "moments": MOMENTS, "amounts": AMOUNTS, "numbers": NUMBERS,
                                  "plurals": PLURALS, "counts": COUNTS})
    for lang in ENABLED:
        assert got[lang] == python_side(lang), lang
    assert got["en"]["plurals"][0][:3] == ["{n} days", "{n} day", "{n} days"]
    assert got["ko"]["moments"][0] == "2026. 11. 23. PM 6:30"
    assert all(re.search(r"\d{4}", m) for lang in ENABLED for m in got[lang]["moments"])


RULES = """async ([rules, counts]) => {
    const { pluralRule } = await import('/plural.js');
    return rules.map(([expr, n]) => counts.map((c) => pluralRule(expr, n)(c)));
}"""


def test_the_browser_reads_any_gettext_plural_rule_without_eval(page: Page) -> None:
    """Rules of languages with more forms (Polish, Arabic, ...) agree with Python's gettext;
    text that is not a rule picks the first form instead of running."""
    page.goto("/login")
    rules = [get_plural(code) for code in ("pl", "ru", "ar", "ga", "sl", "en", "vi")]
    counts = [*range(0, 30), 101, 102, 111, 112, 1000, 1001, 1002]
    got = page.evaluate(RULES, [[[r.plural_expr, r.num_plurals] for r in rules]
                                + [["alert(1)", 2], ["n; document.title='x'", 2]], counts])
    for rule, forms in zip(rules, got, strict=False):
        assert forms == [gettext.c2py(rule.plural_expr)(c) for c in counts], rule
    assert got[-2] == got[-1] == [0] * len(counts)
    assert page.title() != "x"


RECORD_TITLES = """
window.__seen = [];
const note = (when) => window.__seen.push([when, document.title, document.documentElement.lang]);
document.addEventListener('DOMContentLoaded', () => note('DOMContentLoaded'));
new MutationObserver(() => note('change')).observe(document, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ['lang']});
"""


def korean_phone(browser: Browser, server: Server, lang: str = "ko") -> BrowserContext:
    """A phone whose reader chose `lang` earlier (the cookie the app sets), browser in vi."""
    server.reset_logins()
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="vi-VN",
                              base_url=server.url)
    ctx.add_cookies([{"name": "lang", "value": lang, "url": server.url}])
    return ctx


def titles_seen(page: Page) -> list[list[str]]:
    return [s for s in page.evaluate("window.__seen") if s[1]]


def test_title_and_lang_are_the_chosen_language_from_the_first_paint(
        browser: Browser, server: Server) -> None:
    ctx = korean_phone(browser, server)
    try:
        ctx.add_init_script(RECORD_TITLES)
        page = ctx.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        for route, then in (("/login", "#code"), ("/card", "#card-qr")):
            if route == "/card":
                log_in(page, server)
            page.goto(route)
            page.locator(then).wait_for()
            page.wait_for_load_state("networkidle")
            title = page.evaluate("self.BHXH_TITLES.ko")[route]
            assert title == f"{tr('ko', labels.PAGES[route])} · BHXH"
            seen = titles_seen(page)
            at_load = [s for s in seen if s[0] == "DOMContentLoaded"]
            assert at_load == [["DOMContentLoaded", title, "ko"]], seen
            # Before the head script: the prerendered title, the same in every language;
            # from then on, only the Korean one (no Vietnamese title, no "vi" lang).
            first = next(i for i, s in enumerate(seen) if s[2] == "ko")
            assert {tuple(s[1:]) for s in seen[:first]} <= {("BHXH", "vi")}, seen
            assert {tuple(s[1:]) for s in seen[first:]} == {(title, "ko")}, seen
            assert page.title() == title
            # React hydrates over the changed title and lang without a mismatch error.
            assert not [e for e in errors if re.search(r"hydrat|#418|#423|#425", e, re.I)], errors
    finally:
        leave(ctx)


@contextmanager
def logged_in(browser: Browser, server: Server, lang: str, route: str,
              ready: str) -> Iterator[Page]:
    """A logged-in phone of a reader who chose `lang`, on `route` once `ready` shows."""
    ctx = korean_phone(browser, server, lang)
    try:
        page = ctx.new_page()
        log_in(page, server)
        page.goto(route)
        page.locator(ready).first.wait_for()
        page.wait_for_function(f"document.documentElement.lang === '{lang}'")
        yield page
    finally:
        leave(ctx)


def test_a_too_long_draft_is_counted_and_stopped_on_the_phone(
        browser: Browser, server: Server) -> None:
    with logged_in(browser, server, "ko", "/requests", "#draft-text") as page:
        box, limit = page.locator("#draft-text"), labels.DRAFT_TEXT_MAX
        drafts = page.locator("#draft-list li")
        page.locator("#draft-list, #draft-none").first.wait_for()  # the stored ones read
        saved = drafts.count()  # drafts an earlier test left on the account
        page.locator("#draft-form button[type=submit]").click()  # nothing written yet
        expect(page.locator("#draft-note")).to_have_text(
            tr("ko", "Write the details of your request first."))
        box.fill("가" * (limit + 5))
        expect(page.locator("#draft-count")).to_have_text(f"{limit + 5} / {limit}")
        expect(page.locator("#draft-too-long")).to_have_text(
            trn("ko", "{n} character too many: shorten the text to at most {max} characters "
                "to save it.", "{n} characters too many: shorten the text to at most {max} "
                "characters to save it.", 5, n=5, max=limit))
        expect(box).to_have_attribute("aria-invalid", "true")
        page.locator("#draft-form button[type=submit]").click()
        expect(drafts).to_have_count(saved)  # not saved, not cut
        expect(box).to_be_focused()
        shot(page, "draft-too-long-ko")
        box.fill("가" * limit)
        expect(page.locator("#draft-too-long")).to_have_count(0)
        page.locator("#draft-form button[type=submit]").click()
        expect(drafts).to_have_count(saved + 1)


# What an older app (or one that was offline when the rule changed) may have queued.
QUEUE_OLD_STYLE = """async (text) => {
    const engine = await import('/sync/engine.js');
    await engine.queue('draft.save', {draft_id: crypto.randomUUID(), kind: 'other', text,
                                      updated: new Date().toISOString()});
    await engine.syncNow();
}"""


def drafts_on_server(server: Server) -> list[int]:
    with engine_for(server.db_url).connect() as conn:
        return sorted(n for (n,) in conn.execute(text("SELECT LENGTH(text) FROM servicedraft")))


def queue_refused(page: Page, length: int) -> list[dict]:
    """Queue a draft of `length` characters the way an older app did; the server's answer."""
    with page.expect_response("**/api/sync/push") as pushed:
        page.evaluate(QUEUE_OLD_STYLE, "나" * length)
    return pushed.value.json()["rejected"]


def test_a_refused_change_is_kept_and_shown_with_the_server_message(
        browser: Browser, server: Server) -> None:
    with logged_in(browser, server, "ko", "/requests", "#draft-text") as page:
        before, limit = drafts_on_server(server), labels.DRAFT_TEXT_MAX
        message = explain("draft_too_long", "ko", over=12, max=limit)
        assert [r["message"] for r in queue_refused(page, limit + 12)] == [message]
        attention = page.locator("#needs-attention")
        for _ in range(2):  # kept across reloads (and restarts): nothing is lost
            page.reload()
            expect(attention).to_contain_text(message)
            expect(attention).to_contain_text("나" * 20)
        assert drafts_on_server(server) == before  # refused, not cut
        attention.locator("button").first.click()  # Edit
        expect(page.locator("#draft-text")).to_have_value("나" * (limit + 12))
        expect(page.locator("#draft-too-long")).to_be_visible()
        assert serious_violations(page) == []  # the panel, the counter and the alerts
        page.screenshot(path=str(shot(page, "refused-change-ko").with_name(
            "refused-change-ko-screen.png")))
        page.locator("#draft-text").fill("나" * 100)
        page.locator("#draft-form button[type=submit]").click()
        expect(attention).to_have_count(0)
        for _ in range(40):
            if len(drafts_on_server(server)) > len(before):
                break
            page.wait_for_timeout(250)
        assert drafts_on_server(server) == sorted([*before, 100])
        # Or let it go: "Discard" removes it, and the phone fetches the server's records.
        queue_refused(page, limit + 1)
        page.reload()
        expect(attention.locator("li")).to_have_count(1)
        attention.locator("button").last.click()  # Discard
        expect(attention).to_have_count(0)
        page.reload()
        page.locator("#draft-list").wait_for()
        expect(attention).to_have_count(0)
        assert drafts_on_server(server) == sorted([*before, 100])


def test_dates_and_money_on_a_japanese_screen(browser: Browser, server: Server) -> None:
    with logged_in(browser, server, "ja", "/medical", "main .costs") as page:
        expect(page.locator("h1.page-title")).to_have_text(
            page.evaluate("self.BHXH_TITLES.ja")["/medical"].removesuffix(" · BHXH"))
        body = page.locator("main").inner_text()
        assert re.search(r"\b\d{4}/\d{2}/\d{2}\b", body) and "₫" in body, body[:400]
        assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2}\b", body)  # no two-digit years
        shot(page, "medical-ja")
