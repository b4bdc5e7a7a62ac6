"""Scale-out, as deployed: the production command (`python -m deploy.serve`) with two
workers on the machine's PostgreSQL and Redis, behind nginx with the shipped configuration
(deploy/nginx.conf, TLS on https://localhost), used by real browsers and a phone client.

- requests are spread over both workers, and what a page keeps between events (Reflex state)
  lives in Redis: a login half done survives the death of every worker that served it;
- the one-device rule holds across workers: the account moves to a second browser and back;
- kill -9 of the worker serving a push: nothing lost, nothing applied twice, the service
  answers again within 2 s and the dead worker is replaced.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from api.seed import generator
from tests.browser.conftest import (
    HOME,
    HYDRATED,
    PHONE,
    Server,
    leave,
    shot,
    submit,
)
from tests.browser.test_devices import DATABASES
from tests.cluster import (
    Cluster,
    Phone,
    build,
    cluster,
    cpu_ticks,
    nginx_in_front,
    push_killed,
    redis_or_skip,
)
from tests.conftest import ROOT, free_port, migrate, postgres_database

AN = "0123456789"
SCALE_WEB_DIR = ROOT / ".web-scale"


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cluster, Server]]:
    """Two workers on a fresh PostgreSQL database and an emptied Redis database, serving a
    build made for their port (in its own folder: the other browser tests' app keeps its
    own)."""
    if shutil.which("bun") is None:
        pytest.skip("bun missing on PATH: run through `make test`, which installs it")
    redis_url = redis_or_skip()
    databases = postgres_database()
    db_url = next(databases)
    generator.run(migrate(db_url), people=30, seed=5)
    var = tmp_path_factory.mktemp("cluster")
    port = free_port()
    build(SCALE_WEB_DIR, port, var / "build.log")
    # Browsers come through nginx with TLS (https://localhost), as in production.
    origins = (f"https://localhost,https://127.0.0.1,http://localhost:{port},"
               f"http://127.0.0.1:{port}")
    with cluster(db_url, redis_url, SCALE_WEB_DIR, var, workers=2, port=port,
                 extra_env={"ALLOWED_ORIGINS": origins}) as running:
        yield running, Server(running.url, db_url)
    databases.close()


@pytest.fixture(scope="module")
def proxy(two_workers: tuple[Cluster, Server], tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[str]:
    """deploy/nginx.conf in front of the two workers, on https://localhost."""
    with nginx_in_front(two_workers[0], tmp_path_factory.mktemp("nginx")) as url:
        yield url


def _context(browser: Browser, url: str) -> BrowserContext:
    # The test certificate is self-signed; everything else is as on a phone.
    return browser.new_context(viewport=PHONE, locale="vi-VN", base_url=url,
                               ignore_https_errors=True)


def _confirm_move(page: Page, app: Server) -> None:
    """On the move warning: confirm, type the SMS code, land home."""
    page.locator("#confirm-move").click()
    page.locator("#otp").wait_for()
    page.locator("#otp").fill(app.sms_code(AN))
    page.locator("form button[type=submit]").click()
    page.wait_for_url(HOME)


def test_browsers_across_two_workers_behind_nginx(
        browser: Browser, two_workers: tuple[Cluster, Server], proxy: str) -> None:
    """Through deploy/nginx.conf: TLS, the websocket upgraded, the cookie Secure."""
    running, app = two_workers
    app.reset_logins()
    running.wait_workers(2)

    # A login half done: the code is checked and the SMS sent, the page waits for the OTP.
    # Every worker that holds a connection of this browser is killed; the page's state is
    # in Redis, so the workers that replace them carry the login on.
    first = _context(browser, proxy)
    page = first.new_page()
    page.goto("/login")
    submit(page, "#code", AN, "#otp")
    serving = [pid for pid in running.workers() if running.connections_of(pid)]
    assert serving, "the browser holds no connection to any worker"
    for pid in serving:
        running.kill(pid)
    assert running.wait_answering() <= 2.0
    page.wait_for_function(HYDRATED, arg="#otp")
    page.locator("#otp").fill(app.sms_code(AN))
    page.locator("form button[type=submit]").click()
    page.wait_for_url(HOME, timeout=30000)
    expect(page.locator(".hello-name")).to_have_text("Nguyễn Văn An")
    # nginx said https (X-Forwarded-Proto, believed from the loopback proxy): Secure cookie.
    assert [c["secure"] for c in first.cookies() if c["name"] == "wallet_session"] == [True]
    page.goto("/card")
    expect(page.locator("#card-qr")).to_be_visible()
    shot(page, "scale-out-card-vi")
    workers = running.wait_workers(2)
    assert all(pid not in serving for pid in workers) or len(serving) < 2

    # Many page loads: both workers answer some of them (each uses CPU for them).
    before = {pid: cpu_ticks(pid) for pid in workers}
    for path in ("/history", "/card", "/", "/security", "/benefits") * 2:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    used = {pid: cpu_ticks(pid) - before[pid] for pid in workers}
    assert all(ticks > 0 for ticks in used.values()), used

    # The one-device rule across workers: the account moves to a second browser...
    app.age_codes()
    second = _context(browser, proxy)
    other = second.new_page()
    other.goto("/login")
    submit(other, "#code", AN, "#move-warning")
    _confirm_move(other, app)
    page.goto("/card")
    page.wait_for_url(re.compile(r"/login/?\?moved=1"))
    expect(page.locator("#card-boot")).to_have_count(0)  # no early card over the login page
    expect(page.locator("html[data-early]")).to_have_count(0)  # and its frame laid out
    # ...and back to the first (its page says why it was signed out, so no submit()), once
    # it has wiped its local data.
    app.age_codes()
    page.wait_for_function(f"() => {DATABASES}.then(n => !n.includes('wallet-data'))")
    page.wait_for_function(HYDRATED, arg="#code")
    page.locator("#code").fill(AN)
    page.locator("form button[type=submit]").click()
    # The move warning; if it does not come, fail with what the login page says instead
    # (the page opened with "you were signed out": that notice is there from the start).
    try:
        page.locator("#move-warning").wait_for()
    except PlaywrightError:
        pytest.fail(f"no move warning; the page says: {page.locator('.alert').all_inner_texts()}")
    _confirm_move(page, app)
    other.goto("/card")
    other.wait_for_url(re.compile(r"/login/?\?moved=1"))
    leave(second)
    leave(first)


def test_kill_9_of_the_worker_serving_a_push(two_workers: tuple[Cluster, Server]) -> None:
    """Pushes of 300 records (two batches, as the phone's queue sends them), each cut by
    kill -9 of the worker serving it, at several moments after it was sent; the phone then
    pushes again on a new connection, as its queue does."""
    running, app = two_workers
    app.reset_logins()
    running.wait_workers(2)
    phone = Phone(running, AN)
    cut = 0
    for delay in (0.0, 0.02, 0.05, 0.1, 0.2):
        running.wait_workers(2)
        done = push_killed(running, phone, f"kill{int(delay * 1000)}x{int(time.time())}", delay)
        cut += done.cut
        assert (done.lost, done.duplicated) == (0, 0), (delay, done)
        assert done.answered_after <= 2.0, (delay, done)
    assert cut, "no push was cut by the kill: the test did not test what it says"
    assert len(running.wait_workers(2)) == 2  # every dead worker was replaced
