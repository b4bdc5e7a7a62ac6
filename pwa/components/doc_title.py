"""`DocTitle`: sets `document.title` from a translated page title (assets/doc_title.jsx)."""

from __future__ import annotations

import reflex as rx

# The prerendered title, before the browser has picked the language.
STATIC_TITLE = "BHXH số"


class DocTitle(rx.Component):
    """Renders nothing; keeps the tab title in the current language."""

    library = "$/public/doc_title.jsx"
    tag = "DocTitle"
    text: rx.Var[str]
