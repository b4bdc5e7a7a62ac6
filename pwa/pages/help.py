"""Help and support (roles: anyone, logged in or not; people who cannot log in need it most):
the FAQ searched without accents, the help assistant, the hotline and support e-mail as
tap-to-call and tap-to-mail links, and "invite someone to install" with a QR code. The
screen is React (assets/screens/help.jsx); the FAQ is bundled, so it opens and searches
offline once the service worker has the app."""

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
