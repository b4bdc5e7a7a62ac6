"""The clinic page's gate: only a clinic staff session on its proven desk device."""

from __future__ import annotations

import reflex as rx

from pwa.state.session import LOADERS, SessionState

CLINIC_LOGIN = "/login?as=clinic"


class ClinicState(SessionState):
    """The clinic page loads nothing personal on the server: the screen reads the desk's
    own store and calls the clinic API itself."""

    @rx.event
    def load(self):
        """Let a clinic session in; send a citizen home and a logged-out visitor to the
        clinic login."""
        ready, response = self._gate(role="clinic", login=CLINIC_LOGIN)
        return None if ready else response


LOADERS["/clinic"] = ClinicState.load
