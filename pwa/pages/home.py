"""Home: greeting, card status and shortcuts to every part of the wallet."""

from __future__ import annotations

import reflex as rx

from pwa.components.blocks import tile
from pwa.components.device import PasskeyCreate
from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page, page_title
from pwa.components.records import Greeting
from pwa.i18n import t
from pwa.state.records import HomeState


@rx.page(route="/", title=STATIC_TITLE, on_load=HomeState.load)
def home_page() -> rx.Component:
    """The home screen."""
    return page(
        page_title("/"), "/",
        Greeting.create(),
        rx.cond(~HomeState.has_passkey, rx.el.section(
            rx.el.h2(t("Faster, safer login"), class_name="section-title"),
            rx.el.p(t("Create a passkey: next time you log in on this phone with your "
                      "fingerprint, face or screen lock, without waiting for an SMS.")),
            PasskeyCreate.create(label=t("Create a passkey"), hidden=False),
            class_name="panel passkey-offer",
        )),
        rx.el.div(
            tile("/card", "▣", t("Health-insurance card"), t("Show it at the clinic, offline too")),
            tile("/history", "☰", t("Participation history"), t("BHXH, BHTN, BHTNLĐ, BHYT")),
            tile("/benefits", "₫", t("Benefits"), t("Pension, sickness, maternity")),
            tile("/medical", "✚", t("Medical history"), t("Visits, costs, papers")),
            tile("/notices", "✉", t("Notices"), t("Card, contributions, new costs")),
            tile("/requests", "✎", t("Service requests"), t("Drafts, saved offline too")),
            tile("/lookup", "⌕", t("Look-ups"), t("Clinics, agencies, employers")),
            tile("/profile", "◉", t("Profile"), t("Your details, log out")),
            tile("/security", "⚷", t("Devices and security"), t("This phone, recent logins")),
            tile("/help", "?", t("Help and support"), t("Questions, hotline, invite")),
            tile("/news", "☷", t("News and guides"), t("From the social-insurance agency")),
            class_name="tiles",
        ),
    )
