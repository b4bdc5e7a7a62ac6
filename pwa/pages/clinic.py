"""The clinic's "Check a card" page: scan the card QR with the desk device's camera, or
type a code; the verdict is computed in the browser, so it works with no network.

The screen is a React component (assets/clinic/check.jsx, one file per screen) like the
other offline screens; this module only gives it the page shell. The QR decoder is the
`barcode-detector` ponyfill (ZXing WebAssembly) where the browser has no native
BarcodeDetector; its .wasm is bundled by Vite and served from this origin
(assets/clinic/scanner.js).

Only clinic sessions get in (ClinicState.load): a citizen is sent home, a logged-out visitor
to the clinic login. Offline the page comes from the service worker and its load event waits
for a connection that is not there: the screen works on what the device keeps.
"""

from __future__ import annotations

import reflex as rx

from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page, page_title
from pwa.state.clinic import ClinicState

ROUTE = "/clinic"


class ClinicCheck(rx.Component):
    """Camera scanner, typed code and the verdict, all in the browser."""

    library = "$/public/clinic/check.jsx"
    tag = "ClinicCheck"
    # Installed into the web build by Reflex's bun (nothing is fetched from a CDN at run
    # time): the ponyfill, and zxing-wasm at the version it depends on, whose .wasm file
    # check.jsx imports with Vite's `?url`.
    lib_dependencies: list[str] = ["barcode-detector@3.2.2", "zxing-wasm@3.1.3"]


@rx.page(route=ROUTE, title=STATIC_TITLE, on_load=ClinicState.load)
def clinic_page() -> rx.Component:
    """Check a card (no bottom navigation: a desk device is not a citizen's wallet)."""
    return page(page_title(ROUTE), ROUTE, ClinicCheck.create(), nav=False)
