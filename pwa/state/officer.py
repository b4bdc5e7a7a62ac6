"""The agency console's gate: only an officer's staff session on its proven device."""

from __future__ import annotations

import reflex as rx

from pwa.state.clinic import CLINIC_LOGIN
from pwa.state.session import LOADERS, SessionState


class OfficerState(SessionState):
    """The console loads nothing on the server: its screen calls the officer API."""

    @rx.event
    def load(self):
        """Let an officer in; send other roles to their home and a logged-out visitor to
        the staff login."""
        ready, response = self._gate(role="officer", login=CLINIC_LOGIN)
        return None if ready else response


for _route in ("/officer", "/officer/registrations", "/officer/messages"):
    LOADERS[_route] = OfficerState.load
