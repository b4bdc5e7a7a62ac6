"""Who is logged in, and on which device.

The HttpOnly session cookie arrives with the websocket handshake. It is not enough: each tab
must also prove it runs on the bound device. The server hands the tab a nonce, the browser
signs it with the non-extractable device key (DeviceGate), and only then do pages load
personal data. A cookie copied into another browser therefore shows nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

import reflex as rx

from api.auth import device_binding, device_keys, events, sessions, staff
from api.auth.models import Device
from api.db import session_scope
from api.services.login import home_of
from locales import DEFAULT_LANG, pick_lang

LOGIN = "/login"
# route -> the page's load event, re-run once the device has proven itself.
LOADERS: dict[str, Callable] = {}


def _route(path: str) -> str:
    return "/" + path.strip("/") if path.strip("/") else "/"


class SessionState(rx.State):
    """Base state of every page."""

    lang: str = DEFAULT_LANG
    logged_in: bool = False
    # The live session's role: "citizen", "clinic" (a clinic staff login), or "" (none).
    role: str = ""
    # A nonce for this tab's DeviceGate to sign; empty when nothing is asked.
    device_nonce: str = ""
    # Backend-only (leading underscore): never sent to the browser.
    _person_id: int = 0
    _session_id: int = 0
    _device_id: int = 0
    _staff_id: int = 0  # the staff account of a staff login, else 0
    _proven_device: int = 0
    _nonce: str = ""
    _alarmed_session: int = 0  # the session a refused device proof was recorded for

    def _client(self) -> str:
        return self.router.session.client_ip or ""

    def _check(self) -> str:
        """Resolve the cookie: "ok" (proven device), "prove" (nonce handed out), or why not:
        "none", "moved", "signed_out", "logout"."""
        headers = self.router.headers
        self.lang = pick_lang(sessions.cookie_value(headers.cookie, "lang")
                              or headers.accept_language)
        token = sessions.cookie_value(headers.cookie, sessions.COOKIE)
        with session_scope() as db:
            row = sessions.find(db, token)
            state = sessions.status(row)
            if state == "ok":
                sessions.live(db, token)  # touch last_seen
                self.role = staff.role_of(db, row)
        self.logged_in = state == "ok" and row.device_id is not None
        if not self.logged_in:
            self._person_id = self._session_id = self._device_id = self._staff_id = 0
            self.role = ""
            return state if state != "ok" else "none"
        self._person_id, self._session_id, self._device_id = row.person_id, row.id, row.device_id
        self._staff_id = row.staff_id or 0
        if self._proven_device == row.device_id:
            return "ok"
        # One nonce until it is answered: a page whose loaders run twice (a reload, a second
        # load event) would otherwise hand out a second nonce while the device signs the
        # first, and the right device would be taken for a foreign one.
        self._nonce = self._nonce or secrets.token_urlsafe(24)
        self.device_nonce = self._nonce
        return "prove"

    def _gate(self, role: str = staff.CITIZEN, login: str = LOGIN) -> tuple[bool, object]:
        """For page loads: (True, None) when personal data may load, else (False, what to
        return: a redirect, or None while the device proves itself). A page of `role`
        ("citizen", or "clinic" for the clinic pages) sends a session of another role to
        that role's home (a clinic login opening / goes to /clinic, a citizen never sees a
        clinic page). `login`: where a logged-out visitor goes (the clinic login for the
        clinic pages)."""
        state = self._check()
        if state in ("ok", "prove") and self.role != role:
            return False, rx.redirect(home_of(self.role))
        if state == "ok":
            return True, None
        if state == "prove":
            return False, None
        if state in ("moved", "signed_out"):
            return False, rx.redirect(f"{login}{'&' if '?' in login else '?'}{state}=1")
        return False, rx.redirect(login)

    @rx.event
    def check(self) -> None:
        """Page load for public pages: learn whether someone is logged in."""
        self._check()

    @rx.event
    def prove(self, signature: str):
        """DeviceGate's answer: the nonce signed by the device key."""
        nonce, self._nonce, self.device_nonce = self._nonce, "", ""
        if not nonce or not self._device_id:
            return None
        with session_scope() as db:
            device = db.get(Device, self._device_id)
            ok = device is not None and device.revoked_at is None and device_keys.verify(
                device_binding.device_jwk(device), device_keys.nonce_message(nonce), signature)
            # One alarm per tab and session: a page whose loaders run again before the
            # redirect lands (a reconnect on a slow phone) asks, and fails, once more.
            if not ok and self._alarmed_session != self._session_id:
                events.record(db, self._person_id, "foreign_session", "", self._client(),
                              staff_id=self._staff_id or None)
                self._alarmed_session = self._session_id
        if not ok:
            self.logged_in = False
            return rx.redirect(f"{LOGIN}?foreign=1")
        self._proven_device = self._device_id
        loader = LOADERS.get(_route(self.router.url.path))
        return loader
