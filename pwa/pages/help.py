"""Help and support, and news (roles: anyone, logged in or not; people who cannot log in
need help most): the FAQ searched without accents, the help assistant, the hotline and
support e-mail as tap-to-call and tap-to-mail links, and "invite someone to install" with a
QR code. The screens are React (assets/screens/help.jsx, news.jsx); the FAQ is bundled, so
it opens and searches offline once the service worker has the app."""

from __future__ import annotations

import reflex as rx

from api.config import settings
from pwa.components import records
from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page, page_title
from pwa.state.session import SessionState


@rx.page(route="/help", title=STATIC_TITLE, on_load=SessionState.check)
def help_page() -> rx.Component:
    """The help screen; the support e-mail is the build's setting (SUPPORT_EMAIL)."""
    return page(page_title("/help"), "/help",
                records.HelpScreen.create(email=settings().support_email),
                nav=True, public=True)


@rx.page(route="/news", title=STATIC_TITLE, on_load=SessionState.check)
def news_page() -> rx.Component:
    """News and guides the agency's officers publish (roles: anyone; the last list fetched
    stays readable offline)."""
    return page(page_title("/news"), "/news", records.NewsScreen.create(),
                nav=True, public=True)
