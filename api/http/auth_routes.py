"""Login routes (roles: anyone; logout needs the session): SMS code, ticket, passkeys."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from api.auth import events, passkeys, sessions, throttle
from api.domain.models import Person
from api.http.base import (
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
from api.services import login
from api.services.errors import UserError


async def request_otp(request: Request, session: Session) -> Response:
    """POST {code, device_key, confirm_move}: send a login code to the registered phone.
    409 "device_in_use" when the account is bound to another device and the move is not
    confirmed yet."""
    body = await text_fields(request)
    await throttle.wait_for_address(session, "send", client_of(request))
    sent = login.request_code(session, body.get("code", ""), request_lang(request),
                              login.device_key(body.get("device_key")),
                              confirm_move=body.get("confirm_move") in ("1", "true", "True"),
                              client=client_of(request))
    return JSONResponse({"ok": True, "phone": sent.masked_phone,
                         "resend_after": sent.resend_after})


async def verify_otp(request: Request, session: Session) -> Response:
    """POST {code, otp, device_key, device_name}: check the code, bind this device and set
    the session cookie."""
    body = await text_fields(request)
    await throttle.wait_for_address(session, "verify", client_of(request))
    ticket = login.confirm_code(session, body.get("code", ""), body.get("otp", ""),
                                login.device_key(body.get("device_key")),
                                body.get("device_name", "")[:80], client_of(request),
                                request_lang(request))
    token = sessions.redeem_ticket(session, ticket)
    response = JSONResponse({"ok": True})
    set_session_cookie(request, response, token or "")
    return response


async def redeem(request: Request, session: Session) -> Response:
    """GET ?ticket=: the page's login step; sets the cookie and goes home."""
    token = sessions.redeem_ticket(session, request.query_params.get("ticket", ""))
    if token is None:
        return RedirectResponse("/login?expired=1", status_code=303)
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(request, response, token)
    return response


async def logout(request: Request, session: Session) -> Response:
    """POST {} (device-proven): end the session and clear the cookie. Without the device's
    proof the session lives on (a stolen cookie cannot log the owner out); the asking
    browser only loses its copy of the cookie."""
    try:
        row, device = await authorized(request, session)
    except UserError as exc:
        response = error(exc.reason, exc.status, request_lang(request))
        clear_session_cookie(response)
        return response
    events.record(session, row.person_id, "logout", device.name, client_of(request))
    sessions.revoke(session, request.cookies.get(sessions.COOKIE))
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
                                      request_lang(request))
    response = JSONResponse({"ok": True})
    set_session_cookie(request, response, token)
    return response


async def passkey_register_options(request: Request, session: Session) -> Response:
    """POST (device-proven): WebAuthn creation options for this person and device."""
    row, device = await authorized(request, session)
    person = session.get(Person, row.person_id)
    options = passkeys.registration_options(session, person, device)
    return Response(options, media_type="application/json")


async def passkey_register(request: Request, session: Session) -> Response:
    """POST {credential} (device-proven): store a new passkey."""
    row, device = await authorized(request, session)
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
