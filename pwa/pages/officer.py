"""The agency console (role: officer), one page per desk: the province's service requests
(/officer, where an officer lands), account registrations (/officer/registrations) and
messages to citizens: announcements, news and guides (/officer/messages). The screens are
React components (assets/officer/*.jsx) that call the officer API themselves; this module
gives them the page shell and the console's own navigation.

Only officer sessions get in (OfficerState.load): a citizen or a clinic login is sent to its
own home, a logged-out visitor to the staff login."""

from __future__ import annotations

import reflex as rx

from locales import labels
from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page, page_title
from pwa.i18n import t
from pwa.state.officer import OfficerState

ROUTE = "/officer"
REGISTRATIONS = "/officer/registrations"
MESSAGES = "/officer/messages"
DESKS = [ROUTE, REGISTRATIONS, MESSAGES]


class RequestQueue(rx.Component):
    """The province's service requests: queue, filters, detail beside the record, decide."""

    library = "$/public/officer/requests.jsx"
    tag = "RequestQueue"


class RegistrationQueue(rx.Component):
    """The province's account registrations: queue, filters, detail beside the record with
    the face photo, decide, audit trail."""

    library = "$/public/officer/registrations.jsx"
    tag = "RegistrationQueue"


class Announcements(rx.Component):
    """Write and list announcements."""

    library = "$/public/officer/announcements.jsx"
    tag = "Announcements"


class NewsDesk(rx.Component):
    """Publish news and guides, and list them."""

    library = "$/public/officer/news.jsx"
    tag = "NewsDesk"


def console_nav(active: str) -> rx.Component:
    """The console's desks, as tabs on top (a desktop or tablet screen, keyboard-usable)."""
    return rx.el.nav(
        *[rx.el.a(t(labels.PAGES[route]), href=route,
                  class_name="desk-tab active" if route == active else "desk-tab",
                  aria_current="page" if route == active else None)
          for route in DESKS],
        class_name="desk-tabs", aria_label=t("Agency console"))


def console(route: str, *children: rx.Component) -> rx.Component:
    """One desk of the console (no bottom navigation: not a citizen's wallet)."""
    return page(page_title(route), route, console_nav(route), *children, nav=False)


@rx.page(route=ROUTE, title=STATIC_TITLE, on_load=OfficerState.load)
def officer_page() -> rx.Component:
    """Service requests of the officer's province."""
    return console(ROUTE, RequestQueue.create())


@rx.page(route=REGISTRATIONS, title=STATIC_TITLE, on_load=OfficerState.load)
def officer_registrations_page() -> rx.Component:
    """Account registrations of the officer's province."""
    return console(REGISTRATIONS, RegistrationQueue.create())


@rx.page(route=MESSAGES, title=STATIC_TITLE, on_load=OfficerState.load)
def officer_messages_page() -> rx.Component:
    """Announcements, news and guides."""
    return console(MESSAGES, Announcements.create(), NewsDesk.create())
