"""The page shell: header with the language switcher, main content, bottom navigation."""

from __future__ import annotations

import reflex as rx
from reflex.vars.base import Var, VarData

from locales import N_, labels
from pwa.components import records
from pwa.components.device import DeviceGate
from pwa.components.doc_title import DocTitle
from pwa.i18n import I18N_MODULE, js_handler, t
from pwa.state.session import SessionState

NAV = [
    ("/", N_("Home"), "⌂"),
    ("/card", N_("Card"), "▣"),
    ("/history", N_("History"), "☰"),
    ("/lookup", N_("Look-ups"), "⌕"),
    ("/profile", N_("Profile"), "◉"),
]


def language_switcher() -> rx.Component:
    """A labelled <select> of the enabled languages; switching happens in the browser."""
    data = VarData(imports={I18N_MODULE: ["setLang", "LANGUAGES", "LANGUAGE_NAMES", "useLang"]},
                   hooks={"const __lang = useLang();": None})
    options = Var(
        _js_expr="LANGUAGES.map((code) => <option key={code} value={code}>"
                 "{LANGUAGE_NAMES[code]}</option>)",
        _var_data=data)
    return rx.el.label(
        rx.el.span(t("Language"), class_name="sr-only"),
        rx.el.select(
            options,
            value=Var(_js_expr="__lang", _var_type=str, _var_data=data),
            on_change=js_handler("(value) => setLang(value)", data),
            class_name="lang-select",
            id="lang-select",
        ),
        class_name="lang",
    )


def header(title: rx.Var | str) -> rx.Component:
    """Top bar: app name, page title, language."""
    return rx.el.header(
        rx.el.div(
            rx.el.span("BHXH", class_name="brand-mark", aria_hidden="true"),
            rx.el.div(
                rx.el.span(t("Social insurance wallet"), class_name="brand-name"),
                rx.el.h1(title, class_name="page-title"),
            ),
            class_name="brand",
        ),
        language_switcher(),
        class_name="topbar",
    )


def bottom_nav(active: str) -> rx.Component:
    """Five destinations, always reachable with the thumb."""
    return rx.el.nav(
        *[
            rx.el.a(
                rx.el.span(icon, class_name="nav-icon", aria_hidden="true"),
                rx.el.span(t(label)),
                href=href,
                class_name="nav-item active" if href == active else "nav-item",
                aria_current="page" if href == active else None,
            )
            for href, label, icon in NAV
        ],
        class_name="bottomnav",
        aria_label=t("Main"),
    )


def page_title(route: str) -> rx.Var[str]:
    """The translated title of the page at `route` (locales/labels.PAGES: the head script
    shows the same title before the app starts)."""
    return t(labels.PAGES[route])


def page(title: rx.Var | str, active: str, *children: rx.Component,
         nav: bool = True, public: bool = False) -> rx.Component:
    """A whole screen. A `public` page (open without logging in) syncs records and shows
    the offline banner only to a logged-in citizen: a visitor (or a clinic desk) has nothing
    to sync, and a refused sync must not read as "offline"."""
    sync = [records.SyncAgent.create(), records.OfflineBanner.create()] if nav else []
    if public and sync:
        sync = [rx.cond(SessionState.role == "citizen", rx.fragment(*sync))]
    return rx.el.div(
        DocTitle.create(text=title),
        records.UpdatePrompt.create(),
        DeviceGate.create(nonce=SessionState.device_nonce, on_proof=SessionState.prove),
        rx.el.a(t("Skip to content"), href="#main", class_name="skip"),
        header(title),
        *sync,
        rx.el.main(*children, id="main", class_name="content", tab_index=-1),
        bottom_nav(active) if nav else rx.fragment(),
        class_name="shell",
    )
