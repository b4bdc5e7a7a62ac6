"""The agency console (role: officer): announcements to everyone, a province or a
beneficiary group; news and guides for the public news screen. The screens are React
components (assets/officer/announcements.jsx, news.jsx) that call the officer API
themselves; this module gives them the page shell.

Only officer sessions get in (OfficerState.load): a citizen or a clinic login is sent to its
own home, a logged-out visitor to the staff login."""

from __future__ import annotations

import reflex as rx

from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page, page_title
from pwa.state.officer import OfficerState

ROUTE = "/officer"


class Announcements(rx.Component):
    """Write and list announcements."""

    library = "$/public/officer/announcements.jsx"
    tag = "Announcements"


class NewsDesk(rx.Component):
    """Publish news and guides, and list them."""

    library = "$/public/officer/news.jsx"
    tag = "NewsDesk"


@rx.page(route=ROUTE, title=STATIC_TITLE, on_load=OfficerState.load)
def officer_page() -> rx.Component:
    """The agency console (no bottom navigation: not a citizen's wallet)."""
    return page(page_title(ROUTE), ROUTE, Announcements.create(), NewsDesk.create(),
                nav=False)
