"""Small display blocks used across pages."""

from __future__ import annotations

import reflex as rx


def section(title: rx.Var | str, *children: rx.Component, **props) -> rx.Component:
    """A titled card-like panel."""
    return rx.el.section(rx.el.h2(title, class_name="section-title"), *children,
                         class_name="panel", **props)


def field(label: rx.Var | str, value: rx.Var | str, **props) -> rx.Component:
    """A label above its value (definition-list row)."""
    return rx.el.div(rx.el.dt(label), rx.el.dd(value, **props), class_name="field")


def fields(*rows: rx.Component) -> rx.Component:
    """A list of fields."""
    return rx.el.dl(*rows, class_name="fields")


def alert(message: rx.Var, kind: str = "error") -> rx.Component:
    """A message that screen readers announce, shown only when not empty."""
    return rx.cond(
        message != "",
        rx.el.p(message, class_name=f"alert alert-{kind}",
                role="alert" if kind == "error" else "status"),
    )


def tile(href: str, icon: str, label: rx.Var | str, hint: rx.Var | str) -> rx.Component:
    """A home-screen shortcut."""
    return rx.el.a(
        rx.el.span(icon, class_name="tile-icon", aria_hidden="true"),
        rx.el.span(label, class_name="tile-label"),
        rx.el.span(hint, class_name="tile-hint"),
        href=href, class_name="tile",
    )
