"""The citizen's own records for the pages: card, history, benefits, visits, profile.

All data comes from `api.services.wallet`, the same functions the JSON API serves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from api.auth import passkeys
from api.auth.models import Device
from api.db import session_scope
from api.services import security, wallet
from pwa.state.session import LOADERS, SessionState


class RecordsState(SessionState):
    """Shared loading for pages that need a logged-in person on the bound device."""

    def _fetch(self, view: Callable[[Session, int, str], Any]) -> Any:
        """Run a wallet view for the logged-in person (after `_gate` said yes)."""
        with session_scope() as db:
            return view(db, self._person_id, self.lang)


class HomeState(RecordsState):
    """Greeting and card status."""

    has_passkey: bool = True  # until known: no passkey offer flashes up

    @rx.event
    def load(self):
        """Load, or send a logged-out visitor to the login screen."""
        ready, response = self._gate()
        if not ready:
            return response
        with session_scope() as db:
            self.has_passkey = passkeys.has_passkey(db, self._device_id)
        return None


class SecurityState(RecordsState):
    """Devices and security: the bound device, its passkey, recent events."""

    device: dict[str, str] = {}
    keys: list[dict[str, str]] = []
    events: list[dict[str, str]] = []

    @rx.event
    def load(self):
        """Load the device and the event list."""
        ready, response = self._gate()
        if not ready:
            return response
        with session_scope() as db:
            device = db.get(Device, self._device_id)
            data = security.view(db, self._person_id, device, self.lang)
        self.device, self.keys, self.events = data["device"], data["passkeys"], data["events"]
        return None


class OfflinePageState(RecordsState):
    """Pages rendered from the phone's store: online, only the session and device are
    checked here (redirects when logged out, moved or on a foreign browser)."""

    @rx.event
    def load(self):
        """Gate only; the screen itself reads the encrypted store."""
        ready, response = self._gate()
        return None if ready else response


class ProfileState(RecordsState):
    """Personal details."""

    profile: dict[str, str] = {}

    @rx.event
    def load(self):
        """Load the profile."""
        ready, response = self._gate()
        if not ready:
            return response
        data = self._fetch(wallet.profile_view)
        self.profile = data
        return None


LOADERS.update({"/": HomeState.load, "/profile": ProfileState.load,
                "/security": SecurityState.load})
