"""`QrCheck`: the browser verifies the card QR's signature itself (assets/qr_check.jsx)."""

from __future__ import annotations

import reflex as rx


class QrCheck(rx.Component):
    """Shows "signature checked" (or why not) under the card QR; runs offline too."""

    library = "$/public/qr_check.jsx"
    tag = "QrCheck"
    text: rx.Var[str]
