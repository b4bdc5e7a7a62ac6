"""axe-core (from the npm registry, tools/node_modules) on every page: no serious or critical
violations (WCAG 2.1 A/AA rules: labels, contrast, names, landmarks, focus)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Server, log_in
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / "tools" / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page: Page) -> list[dict]:
    # Evaluated through DevTools, not as a <script> tag: the page's CSP admits no inline
    # script, and the test must not weaken it.
    page.evaluate(AXE.read_text())
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.html)}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


@pytest.fixture(autouse=True)
def _axe_installed() -> None:
    if not AXE.exists():
        pytest.skip("axe-core missing: `make test` installs tools/node_modules")


def test_login_page(page: Page, server: Server) -> None:
    page.goto("/login")
    page.locator("#code").wait_for()
    assert serious_violations(page) == []
    page.locator("#code").fill("0123456789")
    page.locator("form button[type=submit]").click()
    page.locator("#otp").wait_for()
    assert serious_violations(page) == []


@pytest.mark.parametrize("path", ["/", "/card", "/history", "/benefits", "/medical", "/lookup",
                                  "/profile", "/security", "/requests", "/notices"])
def test_logged_in_pages(page: Page, server: Server, path: str) -> None:
    log_in(page, server)
    page.goto(path)
    page.locator("main .panel").first.wait_for()
    page.wait_for_load_state("networkidle")
    found = serious_violations(page)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


def test_card_image_tab(page: Page, server: Server) -> None:
    log_in(page, server)
    page.goto("/card")
    page.get_by_role("tab").nth(1).click()
    page.locator("#card-image").wait_for()
    assert serious_violations(page) == []
