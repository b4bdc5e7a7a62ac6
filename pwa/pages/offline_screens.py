"""The screens that open with no network: card, participation history, benefits, medical
history, notices and service-request drafts.

Each is the page shell around a React screen that reads the encrypted store the sync loop
fills (assets/records_ui.jsx); the Reflex side only checks the session and device online.
"""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from locales import N_
from pwa.components import records
from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page
from pwa.i18n import t
from pwa.state.records import OfflinePageState

# route, page title (message id), highlighted bottom-nav entry, screen
SCREENS: list[tuple[str, str, str, type[rx.Component]]] = [
    ("/card", N_("Health-insurance card"), "/card", records.CardScreen),
    ("/history", N_("Participation history"), "/history", records.HistoryScreen),
    ("/benefits", N_("Benefits"), "/", records.BenefitsScreen),
    ("/medical", N_("Medical history"), "/", records.MedicalScreen),
    ("/notices", N_("Notices"), "/", records.NoticesScreen),
    ("/requests", N_("Service requests"), "/", records.RequestsScreen),
]


def _builder(title: str, active: str, screen: type[rx.Component]) -> Callable[[], rx.Component]:
    def build() -> rx.Component:
        return page(t(title), active, screen.create())

    build.__name__ = f"{screen.__name__.lower()}_page"
    return build


for _route, _title, _active, _screen in SCREENS:
    rx.page(route=_route, title=STATIC_TITLE, on_load=OfflinePageState.load)(
        _builder(_title, _active, _screen))
