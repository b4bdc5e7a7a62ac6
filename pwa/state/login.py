"""The login screen: code, then the one-time code sent to the registered phone. The same
step binds this device; if the account is bound to another one, the user is warned first.
`/login?as=clinic` is the same screen for clinic staff: the staff code, a code sent to the
staff phone, and this device bound as one of the account's desk devices."""

from __future__ import annotations

import time
from urllib.parse import quote

import reflex as rx

from api.auth import throttle
from api.db import session_scope
from api.services import login
from api.services.errors import UserError, explain
from api.services.login import home_of
from locales import tr
from pwa.state.session import SessionState

# ?reason=1 on /login -> the message shown (and whether local data must be wiped).
NOTICES = {"moved": True, "signed_out": True, "foreign": False, "expired": False}
# ?reason=1 -> the error explained, where its name differs.
REASONS = {"foreign": "device_key_lost", "expired": "ticket_invalid"}
# ?as= values that switch the screen to a staff login.
STAFF_MODES = ("clinic",)
# A login step is resumed after a reconnect while its code is still valid (5 minutes).
RESUME_SECONDS = 300


class LoginState(SessionState):
    """Steps: "code", "move" (confirm signing out the other device), "otp"."""

    code: str = ""
    step: str = "code"
    # "clinic" when clinic staff log in (/login?as=clinic), else "".
    staff_mode: str = ""
    error: str = ""
    info: str = ""
    warning: str = ""
    wipe: bool = False
    # The server's login step, opened as a full page load once the code is checked.
    go_to: str = ""
    _confirm_move: bool = False
    _jwk: str = ""
    # When the code was sent (or the move asked): a reconnect within RESUME_SECONDS keeps
    # the step.
    _step_at: float = 0.0

    @rx.event
    def load(self):
        """Logged-in users go home; a sign-out or move is explained (and local data wiped).
        A login in progress (code sent, the page waiting for it) is kept: Reflex runs this
        again whenever the page's websocket reconnects (a phone in a tunnel, a server worker
        replaced), and the person would otherwise be sent back to the first step."""
        query = self.router.url.query_parameters
        mode = query.get("as") or ""
        mode = mode if mode in STAFF_MODES else ""
        # A page that was sent here with a reason stays here: a browser whose saved data was
        # cleared still has the session cookie, and sending it home would send it straight
        # back (a redirect loop that never reaches the SMS step).
        explained = any(query.get(reason) for reason in NOTICES)
        if not explained and self._check() in ("ok", "prove"):
            return rx.redirect(home_of(self.role))
        if (not explained and self.step in ("move", "otp") and mode == self.staff_mode
                and time.time() - self._step_at < RESUME_SECONDS):
            return None
        self.step, self.info, self.warning, self.error, self.wipe = "code", "", "", "", False
        self.go_to = ""
        self._confirm_move = False
        self.staff_mode = mode
        for reason, wipe in NOTICES.items():
            if query.get(reason):
                self.error = explain(REASONS.get(reason, reason), self.lang)
                self.wipe = wipe
        return None

    def _fail(self, exc: UserError) -> None:
        self.error = exc.message(self.lang)

    @rx.event
    async def send_code(self, form: dict[str, str]) -> None:
        """Send an OTP to the phone of the person behind the typed identifier."""
        if form.get("code") is not None:
            self.code = (form.get("code") or "").strip()
        self.error = self.info = ""
        self._jwk = form.get("device_key") or self._jwk
        try:
            jwk = login.device_key(self._jwk)
            with session_scope() as db:
                await throttle.wait_for_address(db, "send", self._client())
                sent = login.request_code(db, self.code, self.lang, jwk,
                                          confirm_move=self._confirm_move,
                                          client=self._client(),
                                          as_staff=bool(self.staff_mode))
        except UserError as exc:
            if exc.reason == "device_in_use":
                self.step, self.warning = "move", exc.message(self.lang)
                self._step_at = time.time()
                return
            self._fail(exc)
            if exc.reason in ("resend_too_soon",):
                self.step = "otp"
            return
        self.step, self.warning, self._step_at = "otp", "", time.time()
        self.info = tr(self.lang, "We sent a 6-digit code to {phone}. It is valid for 5 minutes.",
                       phone=sent.masked_phone)

    @rx.event
    async def confirm_move(self, form: dict[str, str]) -> None:
        """The user accepts that the other device will be signed out."""
        self._confirm_move = True
        await self.send_code(form)

    @rx.event
    async def resend(self) -> None:
        """Ask for another code (throttled)."""
        await self.send_code({})

    @rx.event
    async def confirm(self, form: dict[str, str]):
        """Check the OTP and bind this device; the browser swaps the ticket for a cookie."""
        self.error = ""
        try:
            jwk = login.device_key(form.get("device_key"))
            with session_scope() as db:
                await throttle.wait_for_address(db, "verify", self._client())
                ticket = login.confirm_code(db, self.code, form.get("otp") or "", jwk,
                                            (form.get("device_name") or "")[:80],
                                            self._client(), self.lang,
                                            as_staff=bool(self.staff_mode))
        except UserError as exc:
            self._fail(exc)
            return None
        self.go_to = f"/api/auth/session?ticket={quote(ticket)}"
        self._step_at = 0.0  # done: the next visit to /login (a logout) starts afresh
        return None

    @rx.event
    def start_over(self) -> None:
        """Back to the first step."""
        self.step, self.error, self.info, self.warning = "code", "", "", ""
        self._confirm_move = False
