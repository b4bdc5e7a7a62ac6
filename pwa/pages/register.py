"""Registration for an account (roles: anyone; the applicant has no account yet): the
form, filled by scanning the chip ID card's QR code with the phone's camera or typed, the
phone proved by an SMS code, a photo of the face; then the registration's status. The
screen is React (assets/register/register.jsx); the camera and the QR decoder are the
clinic scanner's (assets/clinic/scanner.js)."""

from __future__ import annotations

import reflex as rx

from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page, page_title
from pwa.pages.clinic import ClinicCheck
from pwa.state.session import SessionState

ROUTE = "/register"


class RegisterScreen(rx.Component):
    """The registration form, or the status of the registration this browser sent."""

    library = "$/public/register/register.jsx"
    tag = "RegisterScreen"
    # The QR decoder's packages, as the clinic page installs them (the same versions).
    lib_dependencies: list[str] = ClinicCheck.lib_dependencies  # noqa: RUF012 (Reflex's own)


@rx.page(route=ROUTE, title=STATIC_TITLE, on_load=SessionState.check)
def register_page() -> rx.Component:
    """Register (no bottom navigation: the visitor has no wallet yet)."""
    return page(page_title(ROUTE), ROUTE, RegisterScreen.create(), nav=False)
