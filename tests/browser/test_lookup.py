"""The look-up page in Chromium: no false "offline" banner for a visitor, a very long query
refused with a message and no stale results, Vietnamese order from Intl.Collator('vi'),
the minimal find-my-code answer; phone-size screenshots."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, HYDRATED, Server, shot

VI_ORDER = "(names) => [...names].sort(new Intl.Collator('vi').compare)"


def open_lookup(page: Page) -> None:
    """Open the look-up page as a visitor and wait until React and the state are live."""
    page.goto("/lookup")
    page.wait_for_function(HYDRATED, arg="#q")
    # The page's load event has answered once the provinces are listed (34 and "all").
    expect(page.locator("#province > option")).to_have_count(35, timeout=30000)


def search(page: Page, query: str) -> None:
    """Type a search and submit it."""
    page.locator("#q").fill(query)
    page.locator("form button[type=submit]").click()


def test_visitor_online_sees_no_offline_banner(page: Page, server: Server) -> None:
    open_lookup(page)
    # Give a sync round (which a visitor's session would see refused) time to happen.
    page.wait_for_timeout(3000)
    expect(page.locator("#offline-banner")).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text("Ngoại tuyến")


def test_long_query_is_refused_and_clears_old_results(page: Page, server: Server) -> None:
    open_lookup(page)
    search(page, "ha noi")
    items = page.locator("ul.list li.item")
    expect(items.first).to_be_visible()
    assert page.locator("#q").get_attribute("maxlength") == "100"
    # A pasted or scripted 10 kB query (fill() ignores maxlength, as a script would).
    page.evaluate("() => { document.querySelector('#q').value = 'benh vien '.repeat(1000); }")
    page.locator("form button[type=submit]").click()
    expect(page.locator(".alert-error")).to_have_text(
        "Nội dung tìm kiếm quá dài. Chỉ nhập tối đa 100 ký tự.")
    expect(items).to_have_count(0)
    expect(page.locator("#result-count")).to_contain_text("0")


def test_provinces_and_results_in_vietnamese_order(page: Page, server: Server) -> None:
    open_lookup(page)
    current = page.eval_on_selector_all("#province > option", "els => els.map(e => e.text)")
    assert current[0] == "Tất cả tỉnh, thành phố"
    names = current[1:]
    assert len(names) == 34 and names.index("Bắc Ninh") < names.index("Cà Mau")
    assert names == page.evaluate(VI_ORDER, names)
    old = page.eval_on_selector_all("#province optgroup option", "els => els.map(e => e.text)")
    assert "Bạc Liêu (nay là Cà Mau)" in old and old == page.evaluate(
        VI_ORDER, old)  # sorted by the old name, which starts each label
    search(page, "ha noi")
    expect(page.locator("ul.list li.item").first).to_be_visible()
    found = page.eval_on_selector_all("ul.list li.item strong",
                                      "els => els.map(e => e.textContent)")
    assert "Bệnh viện Bạch Mai" in found and found == page.evaluate(VI_ORDER, found)
    shot(page, "lookup-ha-noi-360")
    # The province list, opened out for the picture (a native drop-down is not captured).
    page.evaluate("() => { const s = document.querySelector('#province'); s.size = 12; }")
    page.locator("#province").scroll_into_view_if_needed()
    shot(page, "lookup-provinces-360")


def test_an_old_province_finds_the_new_one(page: Page, server: Server) -> None:
    open_lookup(page)
    search(page, "bac lieu")
    expect(page.locator("ul.list li.item").first).to_be_visible()
    expect(page.locator("ul.list")).to_contain_text("Cà Mau")
    # The filter offers the old name and searches the province it belongs to now.
    search(page, "ha noi")
    addresses = page.locator("ul.list li.item p.muted")
    expect(addresses.first).to_contain_text("Hà Nội")
    page.locator("#province").select_option(label="Bạc Liêu (nay là Cà Mau)")
    search(page, "")
    expect(addresses.first).to_contain_text("Cà Mau")
    assert all(a.endswith("Cà Mau") for a in addresses.all_inner_texts())


def test_find_my_code_answers_four_digits(page: Page, server: Server) -> None:
    page.goto("/lookup?kind=code")
    page.wait_for_function(HYDRATED, arg="#name")
    page.locator("#name").fill("Nguyễn Văn An")
    page.locator("#dob").fill("1972-05-14")
    page.locator("#find-province").select_option("01")
    page.locator("form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("••••••6789")
    expect(page.locator("main")).to_contain_text("đã được gửi bằng tin nhắn SMS")
    expect(page.locator("main")).not_to_contain_text("0123456789")
    shot(page, "lookup-my-code-360")
    # What the phone shows once scrolled to the answer (the bottom bar stays in place).
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.screenshot(path=str(ARTIFACTS / "lookup-my-code-answer-360.png"))
