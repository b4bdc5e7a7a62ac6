"""Profile: personal details and log out."""

from __future__ import annotations

import reflex as rx

from pwa.components.blocks import field, fields, section
from pwa.components.device import LogoutButton
from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page, page_title
from pwa.i18n import t
from pwa.state.records import ProfileState

P = ProfileState.profile


@rx.page(route="/profile", title=STATIC_TITLE, on_load=ProfileState.load)
def profile_page() -> rx.Component:
    """The profile screen."""
    return page(
        page_title("/profile"), "/profile",
        section(t("Personal details"), fields(
            field(t("Full name"), P["full_name"]),
            field(t("Social-insurance code"), P["code"]),
            field(t("Date of birth"), P["dob"]),
            field(t("Sex"), P["sex"]),
            field(t("Personal ID number"), P["citizen_id"]),
            field(t("Registered phone"), P["phone"]),
            field(t("Address"), P["address"]),
            field(t("Province"), P["province"]),
        )),
        rx.el.a(t("Devices and security"), href="/security", class_name="btn btn-wide",
                id="security-link"),
        section(t("Help"), rx.el.p(t("Hotline 1900 9068, every day. BHXH staff never ask "
                                     "for your login code.")),
                rx.el.a(t("Help and support"), href="/help", class_name="btn btn-wide",
                        id="help-link")),
        rx.el.div(LogoutButton.create(label=t("Log out")), class_name="panel"),
    )
