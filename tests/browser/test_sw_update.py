"""A new deployment is detected by the installed service worker and offered as an update."""

from __future__ import annotations

import json
import uuid

import pytest
from playwright.sync_api import Page, expect

from pwa.build.service_worker import ServiceWorkerPlugin
from tests.browser.conftest import STATIC_DIR, Server, log_in, shot
from tests.browser.test_offline import sw_ready

pytestmark = pytest.mark.browser

PRECACHED = """async (name) => {
    for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        if ((await cache.keys()).some(r => new URL(r.url).pathname === '/' + name)) return true;
    }
    return false;
}"""


def redeploy() -> None:
    """What a deployment does after changing files: regenerate sw.js with Workbox.

    The running server serves the new files at once; its precompressed copy of the old
    worker (sw.js.gz, written by the build) is removed so it cannot shadow the new one.
    """
    ServiceWorkerPlugin().post_build(static_dir=str(STATIC_DIR))
    for sidecar in STATIC_DIR.glob("sw.js.*"):
        sidecar.unlink()


def test_a_new_deployment_is_offered_and_taken(page: Page, server: Server) -> None:
    log_in(page, server)
    page.goto("/card")
    sw_ready(page)
    marker = STATIC_DIR / "deploy-check.json"
    try:
        marker.write_text(json.dumps({"deployment": uuid.uuid4().hex}))
        redeploy()
        assert not page.evaluate(PRECACHED, marker.name)
        page.reload()  # opening the app looks for a new version
        prompt = page.locator("#update-prompt")
        expect(prompt).to_contain_text("phiên bản mới")
        shot(page, "update-prompt-vi")
        with page.expect_navigation():
            prompt.get_by_role("button").click()
        page.locator(".card-face, #card-qr").first.wait_for()
        expect(prompt).to_have_count(0)
        # The new worker controls the page and has precached the new deployment's files.
        assert page.evaluate(PRECACHED, marker.name)
    finally:
        marker.unlink(missing_ok=True)
        redeploy()
