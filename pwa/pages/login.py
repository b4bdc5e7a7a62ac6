"""Login: a passkey on a bound phone, or the 10-digit code (or old card number, or personal
ID) and the SMS code, which also binds this device. `/login?as=clinic`: clinic staff type
their staff code instead (the code goes to the staff phone)."""

from __future__ import annotations

import reflex as rx

from pwa.components.blocks import alert
from pwa.components.device import DeviceFields, GoTo, LocalWipe, PasskeyLogin
from pwa.components.doc_title import STATIC_TITLE
from pwa.components.layout import page, page_title
from pwa.i18n import t
from pwa.state.login import LoginState


def _code_field() -> rx.Component:
    """The code field, for citizens or (in clinic mode) staff. One input element for both,
    its words switched by the mode: the mode is known only once the page has loaded, and a
    second element would drop what was typed before that."""
    staff = LoginState.staff_mode == "clinic"
    return rx.fragment(
        rx.el.label(rx.cond(staff, t("Staff code"), t("Social-insurance code")),
                    html_for="code", class_name="label"),
        rx.el.input(id="code", name="code", type="text",
                    input_mode=rx.cond(staff, "text", "numeric"),
                    auto_capitalize=rx.cond(staff, "characters", "off"),
                    auto_complete="username webauthn",
                    placeholder=rx.cond(staff, "", "0123456789"),
                    max_length=20, default_value=LoginState.code, class_name="input",
                    required=True, aria_describedby="code-hint"),
        rx.el.p(rx.cond(staff,
                        t("Your facility's code, a dash and two digits, as your administrator "
                          "gave it. The code is sent to your staff phone."),
                        t("The 10 digits on your card. An old 15-character card number or "
                          "your 12-digit personal ID number also work.")),
                id="code-hint", class_name="hint"),
    )


def _code_step() -> rx.Component:
    return rx.el.form(
        _code_field(),
        DeviceFields.create(),
        rx.el.button(t("Send me a code"), type="submit", class_name="btn btn-primary"),
        on_submit=LoginState.send_code,
        class_name="form",
    )


def _move_step() -> rx.Component:
    return rx.el.form(
        rx.el.p(LoginState.warning, class_name="alert alert-warn", role="alert",
                id="move-warning"),
        DeviceFields.create(),
        rx.el.button(t("Continue and sign out the other device"), type="submit",
                     class_name="btn btn-primary", id="confirm-move"),
        rx.el.button(t("Cancel"), type="button", on_click=LoginState.start_over,
                     class_name="btn btn-link"),
        on_submit=LoginState.confirm_move,
        class_name="form",
    )


def _otp_step() -> rx.Component:
    return rx.el.form(
        rx.el.label(t("Code from the text message"), html_for="otp", class_name="label"),
        rx.el.input(id="otp", name="otp", type="text", input_mode="numeric",
                    auto_complete="one-time-code", pattern="[0-9]{6}", max_length=6,
                    placeholder="••••••", class_name="input input-otp", required=True,
                    auto_focus=True),
        DeviceFields.create(),
        rx.el.button(t("Log in"), type="submit", class_name="btn btn-primary"),
        rx.el.div(
            rx.el.button(t("Send a new code"), type="button", on_click=LoginState.resend,
                         class_name="btn btn-link"),
            rx.el.button(t("Use another code"), type="button", on_click=LoginState.start_over,
                         class_name="btn btn-link"),
            class_name="row-between",
        ),
        on_submit=LoginState.confirm,
        class_name="form",
    )


@rx.page(route="/login", title=STATIC_TITLE, on_load=LoginState.load)
def login_page() -> rx.Component:
    """The login screen."""
    return page(
        page_title("/login"), "/login",
        LocalWipe.create(when=LoginState.wipe),
        GoTo.create(href=LoginState.go_to),
        rx.el.section(
            rx.cond(LoginState.staff_mode == "clinic",
                    rx.el.h2(t("Clinic staff login"), class_name="lead staff-mode",
                             id="staff-mode"),
                    rx.el.p(t("Your health-insurance card, contribution history and "
                              "benefits, on your phone."), class_name="lead")),
            alert(LoginState.info, "info"),
            alert(LoginState.error),
            rx.match(LoginState.step,
                     ("otp", _otp_step()),
                     ("move", _move_step()),
                     _code_step()),
            rx.cond(LoginState.step == "code",
                    PasskeyLogin.create(label=t("Log in with a passkey"), divider=t("or"))),
            rx.cond(
                LoginState.staff_mode == "clinic",
                rx.el.p(t("Not clinic staff?"), " ",
                        rx.el.a(t("Log in with your social-insurance code"), href="/login",
                                id="citizen-login"),
                        class_name="hint"),
                rx.fragment(
                    rx.el.p(
                        t("Forgot your code?"), " ",
                        rx.el.a(t("Find it under Look-ups"), href="/lookup?kind=code"),
                        " · ",
                        rx.el.a(t("Help and support"), href="/help", id="help-link"),
                        class_name="hint",
                    ),
                    rx.el.p(t("A code but no account yet?"), " ",
                            rx.el.a(t("Register"), href="/register", id="register-link"),
                            class_name="hint"),
                ),
            ),
            class_name="panel",
        ),
        rx.cond(LoginState.staff_mode == "clinic", rx.fragment(),
                rx.el.p(t("Clinic staff or agency officer?"), " ",
                        rx.el.a(t("Log in here"), href="/login?as=clinic", id="staff-login"),
                        class_name="hint staff-link")),
        rx.el.p(t("BHXH will never ask for your code by phone. Hotline 1900 9068."),
                class_name="fineprint"),
        nav=False,
    )
