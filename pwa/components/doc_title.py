"""`DocTitle`: sets `document.title` from a translated page title (assets/doc_title.jsx)."""

from __future__ import annotations

import reflex as rx

# The prerendered title, the same in every language (the agency's abbreviation): React puts
# it before any script in <head>, so it is what a tab shows for the moment before the head
# script (assets/lang_boot.js) sets the page's title in the reader's language.
STATIC_TITLE = "BHXH"


class DocTitle(rx.Component):
    """Renders nothing; keeps the tab title in the current language."""

    library = "$/public/doc_title.jsx"
    tag = "DocTitle"
    text: rx.Var[str]
