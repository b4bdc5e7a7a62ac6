"""Help and support in Chromium, logged out (people who cannot log in need it most): the
FAQ searched without accents, an entry opened with its screen link, the assistant's answer
and its "I do not know" with the hotline, tap-to-call and tap-to-mail links, the invite QR;
then offline: the FAQ still opens and searches, and the assistant offers the closest
entries. Phone-size screenshots in Vietnamese and English."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from locales import faq
from tests.browser.conftest import HYDRATED, Server, shot
from tests.browser.test_accessibility import serious_violations
from tests.browser.test_offline import sw_ready


def open_help(page: Page) -> None:
    page.goto("/help")
    page.wait_for_function(HYDRATED, arg="#faq-q")


def test_help_logged_out_online_then_offline(page: Page, context: BrowserContext,
                                             server: Server) -> None:
    open_help(page)
    expect(page.locator("h1.page-title")).to_have_text("Hỗ trợ và giải đáp")
    expect(page.locator("#help-tel")).to_have_attribute("href", "tel:19009068")
    expect(page.locator("#help-mail")).to_have_attribute("href", "mailto:support@localhost")
    expect(page.locator("#faq-count")).to_contain_text(f"{len(faq.FAQ)} / {len(faq.FAQ)}")

    # Accent-free search finds the lost-phone entry first; opening it shows the answer and
    # the screen that helps.
    page.locator("#faq-q").fill("mat dien thoai")
    first = page.locator("#faq-title ~ .faq-item").first
    expect(first).to_have_attribute("data-id", "lost_phone")
    first.locator("summary").click()
    expect(first).to_contain_text("Đăng nhập trên điện thoại khác")
    expect(first.locator("a.faq-go")).to_have_attribute("href", "/security")
    expect(first.locator("a.faq-go")).to_have_text("Mở: Thiết bị và bảo mật")
    page.locator("#faq-q").fill("qwertyuiop")
    expect(page.locator("#faq-none")).to_be_visible()
    page.locator("#faq-q").fill("")

    # The assistant: a matching entry, then a plain "I do not know" with the hotline.
    page.locator("#assistant-q").fill("điện thoại bị trộm mất rồi")
    page.get_by_role("button", name="Hỏi", exact=True).click()
    expect(page.locator(".assistant-answer")).to_have_attribute("data-id", "lost_phone")
    expect(page.locator(".assistant-answer details")).to_have_attribute("open", "")
    page.locator("#assistant-q").fill("giá vàng hôm nay")
    page.get_by_role("button", name="Hỏi", exact=True).click()
    unknown = page.locator("#assistant-unknown")
    expect(unknown).to_contain_text("Tôi chưa biết câu trả lời")
    expect(unknown.locator("a[href='tel:19009068']")).to_be_visible()

    # Invite: the app's address as a QR code and a share button.
    expect(page.locator("#invite-qr")).to_have_attribute("data-text", f"{server.url}/")
    expect(page.locator("#invite-qr path")).to_have_count(1)
    page.locator("#assistant-q").fill("mat dien thoai")
    page.get_by_role("button", name="Hỏi", exact=True).click()
    expect(page.locator(".assistant-answer")).to_have_attribute("data-id", "lost_phone")
    shot(page, "help-vi")

    with page.expect_navigation():  # the language switch reloads the page
        page.locator("#lang-select").select_option("en")
    page.wait_for_function(HYDRATED, arg="#faq-q")
    expect(page.locator("h1.page-title")).to_have_text("Help and support")
    page.locator("#faq-q").fill("lost phone")
    expect(page.locator("#faq-title ~ .faq-item").first).to_have_attribute("data-id",
                                                                           "lost_phone")
    page.locator("#faq-q").fill("")
    shot(page, "help-en")
    with page.expect_navigation():
        page.locator("#lang-select").select_option("vi")
    page.wait_for_function(HYDRATED, arg="#faq-q")

    # Offline: the page comes from the service worker, the FAQ opens and searches.
    sw_ready(page)
    context.set_offline(True)
    page.reload()
    page.wait_for_function(HYDRATED, arg="#faq-q")
    page.locator("#faq-q").fill("khong co mang")
    entry = page.locator("#faq-offline")
    expect(entry).to_be_visible()
    entry.locator("summary").click()
    expect(entry).to_contain_text("sau lần đồng bộ đầu tiên")
    page.locator("#assistant-q").fill("tôi bị mất điện thoại")
    page.get_by_role("button", name="Hỏi", exact=True).click()
    expect(page.locator("#assistant-offline")).to_be_visible()
    expect(page.locator("#assistant-reply .faq-item").first).to_have_attribute("data-id",
                                                                               "lost_phone")
    shot(page, "help-offline-vi")
    context.set_offline(False)


def test_help_and_news_pass_axe_logged_out(page: Page, server: Server) -> None:
    """No serious or critical axe-core violations on /help (an entry and an answer open)
    and /news, for a visitor."""
    open_help(page)
    page.locator("#faq-q").fill("the bhyt")
    page.locator("#faq-title ~ .faq-item summary").first.click()
    page.locator("#assistant-q").fill("mất điện thoại")
    page.get_by_role("button", name="Hỏi", exact=True).click()
    expect(page.locator(".assistant-answer")).to_be_visible()
    assert serious_violations(page) == []
    page.goto("/news")
    page.locator("#news-empty, #news-list li").first.wait_for()
    assert serious_violations(page) == []


@pytest.mark.parametrize(("lang", "search", "question", "ask"), [
    ("zh", "手机丢了", "手机丢了怎么办？", "我的手机丢了"),
    ("ja", "なくしました", "電話をなくしました。どうすればいいですか？", "スマホを落とした"),
    ("ko", "잃어버렸어요", "휴대폰을 잃어버렸어요. 어떻게 해야 하나요?", "핸드폰 분실"),
    ("en", "LOST PHONE", "I lost my phone. What should I do?", "my mobile got stolen"),
])
def test_search_and_ask_in_each_language(page: Page, server: Server, lang: str, search: str,
                                         question: str, ask: str) -> None:
    page.add_init_script(f"localStorage.setItem('lang', '{lang}')")
    open_help(page)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.locator("#faq-q").fill(search)
    found = page.locator("#faq-title ~ .faq-item[data-id=lost_phone]")
    expect(found.locator("summary")).to_have_text(question)
    page.locator("#assistant-q").fill(ask)
    page.locator("#assistant-q").press("Enter")
    answer = page.locator(".assistant-answer")
    expect(answer).to_have_attribute("data-id", "lost_phone")
    expect(answer.locator("summary")).to_have_text(question)
    shot(page, f"help-{lang}")


def test_invite_copies_the_link_where_the_browser_cannot_share(page: Page,
                                                               context: BrowserContext,
                                                               server: Server) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    # As in a browser without the Web Share API (desktop Chromium on Linux has none).
    page.add_init_script("delete Navigator.prototype.share")
    open_help(page)
    assert page.evaluate("() => typeof navigator.share") == "undefined"
    page.locator("#invite-share").click()
    expect(page.locator("#invite-note")).to_have_text("Đã sao chép liên kết.")
    assert page.evaluate("() => navigator.clipboard.readText()") == f"{server.url}/"
