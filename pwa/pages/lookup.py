"""Look-ups: facilities, agencies, employers, collection agents, and one's own code."""

from __future__ import annotations

import reflex as rx

from api.services import lookups
from locales import N_
from pwa.components.blocks import alert, section
from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page
from pwa.i18n import t, tn
from pwa.state.lookup import LookupState

KINDS = [("facilities", N_("Clinics")), ("agencies", N_("Agencies")),
         ("employers", N_("Employers")), ("agents", N_("Collection agents")),
         ("code", N_("My code"))]


def _kinds() -> rx.Component:
    return rx.el.div(
        *[rx.el.button(t(label), type="button", role="tab",
                       aria_selected=LookupState.kind == kind,
                       on_click=LookupState.set_kind(kind),
                       class_name=rx.cond(LookupState.kind == kind, "chip active", "chip"))
          for kind, label in KINDS],
        role="tablist", class_name="chips",
    )


def _province_select(name: str, field_id: str, value: rx.Var | str = "") -> rx.Component:
    """The 34 provinces in Vietnamese order, then the pre-2025 ones ("Bạc Liêu (now Cà
    Mau)"), which choose the province they belong to now."""
    return rx.el.select(
        rx.el.option(t("All provinces"), value=""),
        rx.foreach(LookupState.provinces,
                   lambda p: rx.el.option(p["name"], value=p["code"])),
        rx.el.optgroup(
            rx.foreach(LookupState.former_provinces,
                       lambda p: rx.el.option(p["label"], value=p["code"])),
            label=t("Provinces before 1 July 2025"),
        ),
        name=name, id=field_id, default_value=value, class_name="input",
    )


def _directory() -> rx.Component:
    return rx.fragment(
        rx.el.form(
            rx.el.label(t("Name contains"), html_for="q", class_name="label"),
            rx.el.input(id="q", name="q", type="search", default_value=LookupState.query,
                        placeholder=t("e.g. ha noi"), class_name="input",
                        max_length=lookups.MAX_QUERY),
            rx.el.label(t("Province"), html_for="province", class_name="label"),
            _province_select("province", "province", LookupState.province),
            rx.el.button(t("Search"), type="submit", class_name="btn btn-primary"),
            on_submit=LookupState.search, class_name="form",
            key=LookupState.kind,
        ),
        alert(LookupState.error),
        alert(LookupState.note, "info"),
        rx.el.p(tn("{n} result", "{n} results", LookupState.total, n=LookupState.total),
                class_name="muted", id="result-count",
                aria_live="polite"),
        rx.el.ul(rx.foreach(LookupState.items, lambda i: rx.el.li(
            rx.el.strong(i["name"]),
            rx.el.p(i["detail"], class_name="small"),
            rx.el.p(i["address"], class_name="muted small"),
            rx.cond(i["phone"] != "", rx.el.a(i["phone"], href="tel:" + i["phone"],
                                              class_name="small")),
            class_name="item")), class_name="list"),
        rx.el.nav(
            rx.el.button(t("Previous"), type="button", on_click=LookupState.goto(-1),
                         disabled=LookupState.page <= 1, class_name="btn"),
            rx.el.span(t("Page {page} of {pages}", page=LookupState.page,
                         pages=LookupState.pages), id="page-label"),
            rx.el.button(t("Next"), type="button", on_click=LookupState.goto(1),
                         disabled=LookupState.page >= LookupState.pages, class_name="btn"),
            class_name="pager", aria_label=t("Pages"),
        ),
    )


def _my_code() -> rx.Component:
    return section(
        t("Find my social-insurance code"),
        rx.el.form(
            rx.el.label(t("Full name"), html_for="name", class_name="label"),
            rx.el.input(id="name", name="name", class_name="input", auto_complete="name",
                        max_length=lookups.MAX_QUERY),
            rx.el.label(t("Date of birth"), html_for="dob", class_name="label"),
            rx.el.input(id="dob", name="dob", type="date", class_name="input"),
            rx.el.label(t("Province"), html_for="find-province", class_name="label"),
            _province_select("province", "find-province"),
            rx.el.button(t("Find"), type="submit", class_name="btn btn-primary"),
            on_submit=LookupState.find_code, class_name="form",
        ),
        alert(LookupState.find_error),
        rx.el.div(
            alert(LookupState.find_message, "info"),
            rx.el.ul(rx.foreach(LookupState.matches, lambda m: rx.el.li(
                rx.el.strong(m["code"], class_name="card-number"),
                rx.el.p(t("Registered phone {phone}", phone=m["phone"]),
                        class_name="muted small"),
                class_name="item")), class_name="list"),
            aria_live="polite",
        ),
    )


@rx.page(route="/lookup", title=STATIC_TITLE, on_load=LookupState.load)
def lookup_page() -> rx.Component:
    """The look-ups screen."""
    return page(
        t("Look-ups"), "/lookup",
        _kinds(),
        rx.cond(LookupState.kind == "code", _my_code(), rx.el.section(_directory(),
                                                                       class_name="panel")),
        nav=True, public=True,
    )
