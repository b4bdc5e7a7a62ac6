"""Devices and security: the bound device, its passkey, recent security events, who viewed
the card (from the encrypted store, so it opens offline too), sign out."""

from __future__ import annotations

import reflex as rx

from pwa.components import records
from pwa.components.blocks import field, fields, section
from pwa.components.device import PasskeyCreate, SignOutDevice
from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page, page_title
from pwa.i18n import t
from pwa.state.records import SecurityState

D = SecurityState.device
ALARMS = ["device_moved_away", "foreign_session", "otp_locked", "sign_count_regression",
          "passkey_refused"]


def _event(e: rx.Var) -> rx.Component:
    return rx.el.li(
        rx.el.p(e["when"], class_name="when"),
        rx.el.p(e["what"], class_name="what"),
        rx.el.p(e["device"], " ", e["client"], class_name="where"),
        class_name=rx.cond(rx.Var.create(ALARMS).contains(e["kind"]), "alarm", ""),
    )


@rx.page(route="/security", title=STATIC_TITLE, on_load=SecurityState.load)
def security_page() -> rx.Component:
    """The devices and security screen."""
    return page(
        page_title("/security"), "/profile",
        section(t("This device"), fields(
            field(t("Device"), D["name"], id="device-name"),
            field(t("Bound to your account"), D["bound"]),
            field(t("Last seen"), D["last_seen"]),
        ), rx.el.p(t("Your account works on one device at a time. Logging in on another "
                     "phone signs this one out."), class_name="hint")),
        section(t("Passkey"), rx.cond(
            SecurityState.keys.length() > 0,
            rx.el.ul(rx.foreach(SecurityState.keys, lambda k: rx.el.li(
                t("Created {created}, last used {used}", created=k["created"],
                  used=k["last_used"]))), class_name="plain", id="passkey-list"),
            rx.el.div(
                rx.el.p(t("No passkey on this device yet.")),
                PasskeyCreate.create(label=t("Create a passkey"), hidden=False),
            ),
        )),
        section(t("Recent security events"),
                rx.el.p(t("Check that you recognise every login. If not, sign this device "
                          "out and call 1900 9068."), class_name="hint"),
                rx.el.ul(rx.foreach(SecurityState.events, _event), class_name="events",
                         id="security-events")),
        records.CardViews.create(),
        rx.el.div(
            SignOutDevice.create(label=t("Sign out this device"),
                                 confirm_text=t("Sign out this device? The data stored on it "
                                                "will be deleted.")),
            class_name="panel",
        ),
    )
