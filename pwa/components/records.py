"""Screens rendered in the browser from the encrypted store (assets/records_ui.jsx), so they
work with no network; and the sync agent and offline banner every logged-in page carries."""

from __future__ import annotations

import reflex as rx

LIBRARY = "$/public/records_ui.jsx"


def _screen(tag_name: str, doc: str) -> type[rx.Component]:
    return type(tag_name, (rx.Component,), {"library": LIBRARY, "tag": tag_name,
                                            "__module__": __name__,
                                            "__doc__": doc})


CardScreen = _screen("CardScreen", "The card: use card (QR, photo, fields) and card image.")
HistoryScreen = _screen("HistoryScreen", "Participation history per scheme.")
BenefitsScreen = _screen("BenefitsScreen", "Benefits and pension-adjustment slips.")
MedicalScreen = _screen("MedicalScreen", "Insured visits, costs and papers.")
NoticesScreen = _screen("NoticesScreen", "Notices; marking one read works offline.")
RequestsScreen = _screen("RequestsScreen", "Service-request drafts, saved offline too.")
Greeting = _screen("Greeting", "The home greeting from the stored profile.")
SyncAgent = _screen("SyncAgent", "Runs the sync loop (on open, on reconnect, every minute).")
OfflineBanner = _screen("OfflineBanner", "'Offline - last updated ...' when offline.")


class UpdatePrompt(rx.Component):
    """Registers the service worker; offers "update" when a new version is waiting."""

    library = "$/public/pwa_ui.jsx"
    tag = "UpdatePrompt"
