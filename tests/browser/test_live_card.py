"""The live card QR on the phone: drawn with this phone's device key every 30 seconds,
offline after a browser restart, and accepted by the verifier as holder-bound; a copy of
its text is refused once stale; the printed and light codes stay available."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserType, Page, expect

from api.card import keys
from api.card.verifier import Trust, verify_any
from tests.browser.conftest import Server, shot
from tests.browser.test_offline import AN, first_session, phone, pw  # noqa: F401

pytestmark = pytest.mark.browser


def trust(server: Server) -> Trust:
    jwks = httpx.get(f"{server.url}/api/card-keys").json()
    return Trust({k["kid"]: keys.jwk_to_public_key(k) for k in jwks["keys"]})


def shown(page: Page, selector: str) -> str:
    return page.locator(selector).get_attribute("data-text") or ""


def check(server: Server, text: str, at: float | None = None):
    now = int(at if at is not None else time.time())
    return verify_any(text, trust(server), now, dt.date.today())


def test_live_code_offline_after_a_restart(pw: BrowserType, server: Server,  # noqa: F811
                                           tmp_path: Path) -> None:
    ctx, page = first_session(pw, tmp_path / "profile", server, "/card", installed=True)
    live = page.locator("#card-qr[data-kind=live]")
    expect(live).to_be_visible(timeout=20000)
    verdict = check(server, shown(page, "#card-qr[data-kind=live]"))
    assert (verdict.ok, verdict.kind, verdict.holder_bound) == (True, "live", True)
    assert verdict.claims["code"] == AN
    expect(page.locator(".qr-check")).to_have_attribute("data-result", "ok")
    assert 9 <= int(live.get_attribute("data-version")) <= 13  # readable at arm's length
    shot(page, "card-live-vi")
    ctx.close()

    ctx = phone(pw, tmp_path / "profile", server, offline=True)  # network off, new browser
    page = ctx.new_page()
    page.goto("/card")
    expect(page.locator("#card-qr[data-kind=live]")).to_be_visible(timeout=20000)
    first = shown(page, "#card-qr[data-kind=live]")
    verdict = check(server, first)
    assert (verdict.ok, verdict.holder_bound) == (True, True)
    # The same text shown again three minutes later (a screenshot) is refused.
    assert check(server, first, time.time() + 180).reason == "qr_stale"
    # Within 30 seconds the phone draws a new code, itself fresh.
    expect(page.locator("#card-qr[data-kind=live]")).not_to_have_attribute("data-text", first,
                                                                timeout=40000)
    assert check(server, shown(page, "#card-qr[data-kind=live]")).ok
    page.locator("#code-light").click()
    light = check(server, shown(page, "#card-qr[data-kind=light]"))
    assert (light.ok, light.kind, light.holder_bound) == (True, "light", False)
    assert set(light.claims) >= {"code", "full_name", "dob", "valid_to"}
    assert "group" not in light.claims and "facility" not in light.claims
    page.locator("#code-printed").click()
    expect(page.locator("#card-qr[data-kind=printed]")).to_be_visible()
    expect(page.locator(".qr-check")).to_have_attribute("data-result", "ok")
    shot(page, "card-printed-offline-vi")
    ctx.close()
