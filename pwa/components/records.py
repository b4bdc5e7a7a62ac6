"""Screens rendered in the browser from the encrypted store (assets/screens/, one file per
screen), so they work with no network; and the sync agent and offline banner every logged-in
page carries (assets/screens/shared.jsx)."""

from __future__ import annotations

import reflex as rx


def _screen(tag_name: str, module: str, doc: str,
            packages: tuple[str, ...] = ()) -> type[rx.Component]:
    return type(tag_name, (rx.Component,), {"library": f"$/public/screens/{module}.jsx",
                                            "tag": tag_name, "__module__": __name__,
                                            "lib_dependencies": list(packages),
                                            "__doc__": doc})


# qrcode-generator (npm, MIT) draws the live and light QR on the phone, offline: the codes
# change every 30 seconds, so the server cannot draw them as it draws the printed one.
CardScreen = _screen("CardScreen", "card", "The card: use card (QR, photo, fields), image.",
                     ("qrcode-generator@2.0.4",))
HistoryScreen = _screen("HistoryScreen", "history", "Participation history per scheme.")
BenefitsScreen = _screen("BenefitsScreen", "benefits", "Benefits and pension slips.")
MedicalScreen = _screen("MedicalScreen", "medical", "Insured visits, costs and papers.")
NoticesScreen = _screen("NoticesScreen", "notices", "Notices; marking one read works offline.")
RequestsScreen = _screen("RequestsScreen", "requests", "Service-request drafts, offline too.")
CardViews = _screen("CardViews", "card_views",
                    "Who viewed my card: clinics' scans, look-ups and visits, offline too.")


class HelpScreen(rx.Component):
    """Help: FAQ (offline, accent-free search), assistant, hotline, support e-mail, invite."""

    library = "$/public/screens/help.jsx"
    tag = "HelpScreen"
    lib_dependencies: list[str] = ["qrcode-generator@2.0.4"]  # noqa: RUF012 (Reflex's own)
    email: rx.Var[str]


NewsScreen = _screen("NewsScreen", "news",
                     "News and guides from the agency; the last list kept for offline.")
Greeting = _screen("Greeting", "home", "The home greeting from the stored profile.")
SyncAgent = _screen("SyncAgent", "shared", "Runs the sync loop (open, reconnect, each minute).")
OfflineBanner = _screen("OfflineBanner", "shared", "'Offline - last updated ...' when offline.")


class UpdatePrompt(rx.Component):
    """Registers the service worker; offers "update" when a new version is waiting."""

    library = "$/public/pwa_ui.jsx"
    tag = "UpdatePrompt"
