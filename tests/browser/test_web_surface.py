"""The web surface in the browser: every kind of answer (page, script, style, service
worker, manifest, icon, catalog, API, 404) carries the security headers; every page runs
under its Content-Security-Policy without a single violation; pages the service worker
serves offline carry the same headers."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserType, Page, expect

from tests.browser.conftest import HYDRATED, Server, log_in
from tests.browser.test_offline import first_session, phone, pw  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy",
           "permissions-policy", "cross-origin-opener-policy", "x-frame-options")
# Collects CSP violations from the first moment of every document.
WATCH = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));"""


def hardened(headers: dict[str, str], what: str) -> None:
    lower = {k.lower(): v for k, v in headers.items()}
    for name in HEADERS:
        assert name in lower, f"{name} missing on {what}"
    assert "frame-ancestors 'none'" in lower["content-security-policy"], what


def test_every_route_kind_carries_the_headers(server: Server) -> None:
    login = httpx.get(f"{server.url}/login/")
    assert login.status_code == 200
    csp = login.headers["content-security-policy"]
    assert "'unsafe-eval'" not in csp and "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in csp
    scripts = re.findall(r'src="(/assets/[^"]+\.js)"', login.text) or \
        re.findall(r'href="(/assets/[^"]+\.js)"', login.text)
    styles = re.findall(r'href="(/assets/[^"]+\.css)"', login.text)
    assert scripts and styles
    paths = ["/", "/login/", "/card", "/card/", "/sw.js", scripts[0], styles[0],
             "/i18n/vi.json", "/i18n/manifest.vi.webmanifest", "/icons/icon-192.png",
             "/favicon.ico", "/sync/engine.js", "/api/card-keys", "/api/me",
             "/api/no-such-thing", "/no-such-page"]
    for path in paths:
        answer = httpx.get(f"{server.url}{path}", follow_redirects=False)
        assert answer.status_code < 500, path
        hardened(dict(answer.headers), f"{path} ({answer.status_code})")
    api_404 = httpx.get(f"{server.url}/api/no-such-thing")
    assert api_404.status_code == 404 and api_404.json()["error"] == "not_found"


def test_pages_run_under_the_csp_without_violations(page: Page, server: Server) -> None:
    page.context.add_init_script(WATCH)
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and "Content Security Policy" in m.text
            and errors.append(m.text))
    page.goto("/login")
    log_in(page, server)
    # Each page hands out a proof nonce: no API call is refused first to learn one.
    refused: list[str] = []
    page.on("response", lambda r: "/api/" in r.url and r.status == 401
            and refused.append(r.url))
    for path in ("/", "/card", "/history", "/benefits", "/medical", "/notices", "/requests",
                 "/lookup", "/security", "/profile"):
        page.goto(path)
        expect(page.locator("h1.page-title")).to_be_visible()
        page.wait_for_timeout(300)
        assert page.evaluate("window.__csp") == [], path
    assert errors == []
    assert refused == []


def test_pages_served_offline_keep_their_headers(pw: BrowserType, server: Server,  # noqa: F811
                                                 tmp_path: Path) -> None:
    ctx, page = first_session(pw, tmp_path / "profile", server, "/card", installed=True)
    ctx.close()
    ctx = phone(pw, tmp_path / "profile", server, offline=True)
    page = ctx.new_page()
    page.add_init_script(WATCH)
    answers = []
    page.on("response", lambda r: r.request.resource_type == "document" and answers.append(r))
    page.goto("/card")
    expect(page.locator("#card-qr")).to_be_visible()
    assert answers and answers[-1].from_service_worker
    hardened(answers[-1].headers, "/card from the service worker")
    assert page.evaluate("window.__csp") == []
    ctx.close()


def test_a_revalidated_page_keeps_its_policy(page: Page, server: Server) -> None:
    """A second visit revalidates the cached page (304): its headers replace the cached
    ones, so a 304 must not bring another policy (it once blocked every script)."""
    page.context.add_init_script(WATCH)
    page.goto("/login")
    expect(page.locator("#code")).to_be_visible()
    etag = httpx.get(f"{server.url}/login/").headers.get("etag")
    if etag:
        again = httpx.get(f"{server.url}/login/", headers={"if-none-match": etag})
        assert again.status_code == 304
        assert "content-security-policy" not in again.headers
    second = page.context.new_page()
    second.goto("/login")
    second.wait_for_function(HYDRATED, arg="#code")
    assert second.evaluate("window.__csp") == []
