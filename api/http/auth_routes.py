"""Login routes (roles: anyone; logout needs the session): SMS code, ticket, passkeys.
Citizens send `code`; clinic staff send `staff_code` instead, to the same routes."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from api.auth import events, passkeys, sessions, staff, throttle
from api.auth.models import StaffAccount
from api.domain.models import Person
from api.http.base import (
    ANY_ROLE,
    authorized,
    clear_session_cookie,
    client_of,
    endpoint,
    error,
    json_object,
    request_lang,
    set_session_cookie,
    text_fields,
)
from api.push import subscriptions
from api.services import login
from api.services.errors import UserError


def _typed(body: dict[str, str]) -> tuple[str, bool]:
    """What was typed and whether it is a staff login (`staff_code` instead of `code`)."""
    if "staff_code" in body:
        return body["staff_code"], True
    return body.get("code", ""), False


async def request_otp(request: Request, session: Session) -> Response:
    """POST {code | staff_code, device_key, confirm_move}: send a login code to the
    registered phone (for `staff_code`, to the staff phone). 409 "device_in_use" when a
    citizen account is bound to another device and the move is not confirmed yet."""
    body = await text_fields(request)
    typed, as_staff = _typed(body)
    await throttle.wait_for_address(session, "send", client_of(request))
    sent = login.request_code(session, typed, request_lang(request),
                              login.device_key(body.get("device_key")),
                              confirm_move=body.get("confirm_move") in ("1", "true", "True"),
                              client=client_of(request), as_staff=as_staff)
    return JSONResponse({"ok": True, "phone": sent.masked_phone,
                         "resend_after": sent.resend_after})


async def verify_otp(request: Request, session: Session) -> Response:
    """POST {code | staff_code, otp, device_key, device_name}: check the code, bind this
    device and set the session cookie; answers the page to open (`home`)."""
    body = await text_fields(request)
    typed, as_staff = _typed(body)
    await throttle.wait_for_address(session, "verify", client_of(request))
    ticket = login.confirm_code(session, typed, body.get("otp", ""),
                                login.device_key(body.get("device_key")),
                                body.get("device_name", "")[:80], client_of(request),
                                request_lang(request), as_staff=as_staff)
    token = sessions.redeem_ticket(session, ticket)
    role = staff.role_of(session, sessions.find(session, token)) if token else staff.CITIZEN
    response = JSONResponse({"ok": True, "home": login.home_of(role)})
    set_session_cookie(request, response, token or "")
    return response


async def redeem(request: Request, session: Session) -> Response:
    """GET ?ticket=: the page's login step; sets the cookie and goes home (a staff login to
    its role's page)."""
    token = sessions.redeem_ticket(session, request.query_params.get("ticket", ""))
    if token is None:
        return RedirectResponse("/login?expired=1", status_code=303)
    session.flush()
    role = staff.role_of(session, sessions.find(session, token))
    response = RedirectResponse(login.home_of(role), status_code=303)
    set_session_cookie(request, response, token)
    return response


async def logout(request: Request, session: Session) -> Response:
    """POST {} (device-proven): end the session and clear the cookie. Without the device's
    proof the session lives on (a stolen cookie cannot log the owner out); the asking
    browser only loses its copy of the cookie."""
    try:
        row, device = await authorized(request, session, ANY_ROLE)
    except UserError as exc:
        response = error(exc.reason, exc.status, request_lang(request))
        clear_session_cookie(response)
        return response
    events.record(session, row.person_id, "logout", device.name, client_of(request),
                  staff_id=row.staff_id)
    sessions.revoke(session, request.cookies.get(sessions.COOKIE))
    # A logged-out phone shows no more of the person's notices.
    subscriptions.drop_device(session, device.id)
    response = JSONResponse({"ok": True})
    clear_session_cookie(response)
    return response


# ---- passkeys ----------------------------------------------------------------------------
async def passkey_login_options(request: Request, session: Session) -> Response:
    """POST {device_key}: WebAuthn request options, tied to this device key."""
    body = await json_object(request)
    jwk = login.device_key(body.get("device_key"))
    await throttle.wait_for_address(session, "passkey", client_of(request))
    throttle.count_address(session, "passkey", client_of(request))
    return Response(passkeys.login_options(session, jwk), media_type="application/json")


async def passkey_login(request: Request, session: Session) -> Response:
    """POST {credential, device_key, device_signature}: log in with a passkey; sets the
    session cookie. 409 "device_rebind" (with the code) when this is not the bound device."""
    body = await json_object(request)
    done = passkeys.login(session, body.get("credential") or {},
                          login.device_key(body.get("device_key")),
                          str(body.get("device_signature") or ""), client_of(request))
    token = login.session_for_passkey(session, done.person.id, done.device.id,
                                      request_lang(request), done.device.staff_id)
    response = JSONResponse({"ok": True,
                             "home": login.home_of(staff.role_of(session, done.device))})
    set_session_cookie(request, response, token)
    return response


async def passkey_register_options(request: Request, session: Session) -> Response:
    """POST (device-proven; citizen or staff): WebAuthn creation options for this login and
    device."""
    row, device = await authorized(request, session, ANY_ROLE)
    person = session.get(Person, row.person_id)
    account = session.get(StaffAccount, row.staff_id) if row.staff_id else None
    options = passkeys.registration_options(session, person, device,
                                            account.staff_code if account else "")
    return Response(options, media_type="application/json")


async def passkey_register(request: Request, session: Session) -> Response:
    """POST {credential} (device-proven; citizen or staff): store a new passkey."""
    row, device = await authorized(request, session, ANY_ROLE)
    body = await json_object(request)
    passkeys.register(session, session.get(Person, row.person_id), device,
                      body.get("credential") or {}, client_of(request))
    return JSONResponse({"ok": True})



routes = [
    Route("/api/auth/otp", endpoint(request_otp), methods=["POST"]),
    Route("/api/auth/verify", endpoint(verify_otp), methods=["POST"]),
    Route("/api/auth/session", endpoint(redeem), methods=["GET"]),
    Route("/api/auth/logout", endpoint(logout), methods=["POST"]),
    Route("/api/auth/passkey/options", endpoint(passkey_login_options), methods=["POST"]),
    Route("/api/auth/passkey", endpoint(passkey_login), methods=["POST"]),
    Route("/api/passkeys/options", endpoint(passkey_register_options), methods=["POST"]),
    Route("/api/passkeys", endpoint(passkey_register), methods=["POST"]),
]
