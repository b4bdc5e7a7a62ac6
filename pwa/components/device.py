"""Device binding and passkey components (React, in assets/device_ui.jsx)."""

from __future__ import annotations

import reflex as rx
from reflex.event import passthrough_event_spec

LIBRARY = "$/public/device_ui.jsx"


class DeviceGate(rx.Component):
    """Signs the server's nonce with the device key and sends the signature back."""

    library = LIBRARY
    tag = "DeviceGate"
    nonce: rx.Var[str]
    on_proof: rx.EventHandler[passthrough_event_spec(str)]


class GoTo(rx.Component):
    """A full page load of `href` once it is set (no script text evaluated)."""

    library = LIBRARY
    tag = "GoTo"
    href: rx.Var[str]


class DeviceFields(rx.Component):
    """Hidden `device_key` and `device_name` inputs for the login form."""

    library = LIBRARY
    tag = "DeviceFields"


class LocalWipe(rx.Component):
    """Deletes the personal data stored on this device when `when` is true."""

    library = LIBRARY
    tag = "LocalWipe"
    when: rx.Var[bool]


class PasskeyLogin(rx.Component):
    """One-tap login with a passkey (hidden where the browser has none)."""

    library = LIBRARY
    tag = "PasskeyLogin"
    label: rx.Var[str]
    divider: rx.Var[str]


class PasskeyCreate(rx.Component):
    """Offers to create a passkey on this (bound) device."""

    library = LIBRARY
    tag = "PasskeyCreate"
    label: rx.Var[str]
    hidden: rx.Var[bool]


class SignOutDevice(rx.Component):
    """Signs this device out and wipes its local data."""

    library = LIBRARY
    tag = "SignOutDevice"
    label: rx.Var[str]
    confirm_text: rx.Var[str]


class LogoutButton(rx.Component):
    """Logs out (the device stays bound) and drops cached records."""

    library = LIBRARY
    tag = "LogoutButton"
    label: rx.Var[str]
