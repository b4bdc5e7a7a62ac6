"""The screens that open with no network: card, participation history, benefits, medical
history, notices and service-request drafts.

Each is the page shell around a React screen that reads the encrypted store the sync loop
fills (assets/screens/, one file per screen); the Reflex side only checks the session and
device online.
"""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from pwa.components import records
from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page, page_title
from pwa.state.records import OfflinePageState

# route, highlighted bottom-nav entry, screen; the page titles are in locales/labels.PAGES.
SCREENS: list[tuple[str, str, type[rx.Component]]] = [
    ("/card", "/card", records.CardScreen),
    ("/history", "/history", records.HistoryScreen),
    ("/benefits", "/", records.BenefitsScreen),
    ("/medical", "/", records.MedicalScreen),
    ("/notices", "/", records.NoticesScreen),
    ("/requests", "/", records.RequestsScreen),
]


def _builder(route: str, active: str, screen: type[rx.Component]) -> Callable[[], rx.Component]:
    def build() -> rx.Component:
        return page(page_title(route), active, screen.create())

    build.__name__ = f"{screen.__name__.lower()}_page"
    return build


for _route, _active, _screen in SCREENS:
    rx.page(route=_route, title=STATIC_TITLE, on_load=OfflinePageState.load)(
        _builder(_route, _active, _screen))
