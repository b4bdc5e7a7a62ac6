"""The Reflex app: pages, the HTTP API mounted into the backend, and the page head."""

from __future__ import annotations

import reflex as rx
from starlette.types import ASGIApp, Receive, Scope, Send

import pwa.pages.clinic
import pwa.pages.help
import pwa.pages.home
import pwa.pages.login
import pwa.pages.lookup
import pwa.pages.officer
import pwa.pages.offline_screens
import pwa.pages.profile
import pwa.pages.register
import pwa.pages.security  # noqa: F401  (pages register themselves with @rx.page)
from api.http.app import build as build_api
from pwa import worker_tokens

# Pages keep their state when the worker serving them dies (see pwa/worker_tokens.py).
worker_tokens.install()


def quiet_connection_indicator(stateful: bool) -> rx.Component | None:
    """Nothing instead of Reflex's full-screen "cannot connect" overlay (the offline banner
    of each logged-in page tells the reader what they need to know)."""
    return None


def api_first(full: ASGIApp, api: ASGIApp) -> ASGIApp:
    """The app's ASGI entry: /api requests go straight to the JSON API application, the
    rest through Reflex's own layers. Reflex wraps the API in an outer Starlette app of its
    own (error page, CORS again, its context middleware, a router and a mount), five layers
    that do nothing for the API and cost a tenth of a no-change sync pull. The API keeps
    its own stack: errors, CORS, the web surface rules and headers, gzip."""

    async def entry(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            await api(scope, receive, send)
        else:
            await full(scope, receive, send)

    return entry


class WalletApp(rx.App):
    """rx.App, served through `api_first`."""

    def __call__(self) -> ASGIApp:
        return api_first(super().__call__(), self.api_transformer)


app = WalletApp(
    theme=None,
    stylesheets=["/styles.css"],
    html_lang="vi",
    head_components=[
        # First, so it is fetched first: the card's early paint (assets/card_boot.js, one
        # classic script, see pwa/build/browser_modules.py). On /card it paints the card
        # from the store (records the service worker read meanwhile) before the app's
        # bundle has loaded; on any other page it stops at once. (In `reflex run` dev mode
        # the file is not bundled.)
        # High priority: an async script is otherwise fetched after the app's modules.
        rx.el.script(src="/card_boot.js", async_=True, custom_attrs={"fetchPriority": "high"}),
        # Before the title: the page's language and title in the reader's choice from the
        # first paint (assets/lang_boot.js; the titles come from locales/build.py).
        rx.el.script(src="/i18n/titles.js"),
        rx.el.script(src="/lang_boot.js"),
        rx.el.meta(name="viewport", content="width=device-width, initial-scale=1, "
                                            "viewport-fit=cover"),
        rx.el.meta(name="theme-color", content="#0b2545"),
        rx.el.link(rel="manifest", href="/i18n/manifest.vi.webmanifest"),
        rx.el.link(rel="icon", href="/favicon.ico", sizes="48x48"),
        rx.el.link(rel="apple-touch-icon", href="/icons/icon-192.png"),
        rx.el.meta(name="description", content="Ví bảo hiểm xã hội số / Social insurance "
                                               "wallet"),
    ],
    api_transformer=build_api(),
)
# No "cannot connect" overlay: offline is normal here; the offline banner says it calmly.
app.app_wraps[(5, "Overlay")] = quiet_connection_indicator
