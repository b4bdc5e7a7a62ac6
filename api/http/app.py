"""The JSON HTTP API, a Starlette app that Reflex mounts itself inside (`api_transformer`),
so pages, websocket and API share one port. Every error is a JSON body
`{"error": reason, "message": text in the user's language}`, never a stack trace."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable

from sqlmodel import Session
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from api.auth import device_binding, device_keys, events, passkeys, sessions
from api.auth.models import Device, WebSession
from api.card import image, keys
from api.card import qr as card_qr
from api.db import engine
from api.domain.models import Person
from api.services import language, login, lookups, security, wallet
from api.services.errors import UserError, explain
from locales import pick_lang
from sync import protocol as sync_protocol

log = logging.getLogger(__name__)
Handler = Callable[[Request], Awaitable[Response]]


def request_lang(request: Request) -> str:
    """The language: ?lang=, then the `lang` cookie, then Accept-Language."""
    return pick_lang(request.query_params.get("lang") or request.cookies.get("lang")
                     or request.headers.get("accept-language"))


def _error(reason: str, status: int, lang: str, **values: object) -> JSONResponse:
    return JSONResponse({"error": reason, "message": explain(reason, lang, **values)},
                        status_code=status)


def endpoint(handler: Callable[[Request, Session], Awaitable[Response]]) -> Handler:
    """Wrap a handler with a database session and uniform, translated errors."""

    async def wrapped(request: Request) -> Response:
        lang = request_lang(request)
        try:
            with Session(engine(), expire_on_commit=False) as session:
                response = await handler(request, session)
                session.commit()
                return response
        except UserError as exc:
            extra = {k: v for k, v in exc.values.items() if k in ("code", "seconds", "tries")}
            return JSONResponse({"error": exc.reason, "message": exc.message(lang), **extra},
                                status_code=exc.status)
        except (json.JSONDecodeError, ValueError, KeyError, TypeError):
            log.info("bad request to %s", request.url.path, exc_info=True)
            return _error("bad_request", 400, lang)

    return wrapped


async def _raw_body(request: Request) -> dict[str, object]:
    data = await request.json()
    if not isinstance(data, dict):
        raise ValueError("JSON object expected")
    return data


async def _body(request: Request) -> dict[str, str]:
    data = await request.json()
    if not isinstance(data, dict):
        raise ValueError("JSON object expected")
    return {k: v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}


def client_of(request: Request) -> str:
    """The client address (for rate limits and the security event list)."""
    return request.client.host if request.client else ""


def authorized(request: Request, session: Session) -> tuple[WebSession, Device]:
    """The live session and its device, proven by a Device-Proof header signed with the
    device key. A session cookie copied into another browser has no such key: refused."""
    row = sessions.find(session, request.cookies.get(sessions.COOKIE))
    state = sessions.status(row)
    if state in ("moved", "signed_out"):
        raise UserError(state, status=401)
    if state != "ok":
        raise UserError("not_logged_in", status=401)
    device = session.get(Device, row.device_id) if row.device_id else None
    if device is None or device.revoked_at is not None:
        raise UserError("not_logged_in", status=401)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    proof = request.headers.get(device_keys.HEADER)
    if proof and device_keys.check_proof(device_binding.device_jwk(device), proof,
                                         request.method, target):
        return row, device
    events.record(session, row.person_id, "foreign_session", "", client_of(request))
    session.commit()
    raise UserError("device_proof", status=401)


def _person_id(request: Request, session: Session) -> int:
    return authorized(request, session)[0].person_id


def _set_session_cookie(request: Request, response: Response, token: str) -> None:
    secure = (request.url.scheme == "https"
              or request.headers.get("x-forwarded-proto") == "https")
    response.set_cookie(sessions.COOKIE, token, httponly=True, secure=secure, samesite="strict",
                        path="/", max_age=60 * 60 * 24 * 30)


# ---- login ----------------------------------------------------------------------------
async def request_otp(request: Request, session: Session) -> Response:
    """POST {code, device_key, confirm_move}: send a login code to the registered phone.
    409 "device_in_use" when the account is bound to another device and the move is not
    confirmed yet."""
    body = await _body(request)
    sent = login.request_code(session, body.get("code", ""), request_lang(request),
                              login.device_key(body.get("device_key")),
                              confirm_move=body.get("confirm_move") in ("1", "true", "True"),
                              client=client_of(request))
    return JSONResponse({"ok": True, "phone": sent.masked_phone,
                         "resend_after": sent.resend_after})


async def verify_otp(request: Request, session: Session) -> Response:
    """POST {code, otp, device_key, device_name}: check the code, bind this device and set
    the session cookie."""
    body = await _body(request)
    ticket = login.confirm_code(session, body.get("code", ""), body.get("otp", ""),
                                login.device_key(body.get("device_key")),
                                body.get("device_name", "")[:80], client_of(request),
                                request_lang(request))
    token = sessions.redeem_ticket(session, ticket)
    response = JSONResponse({"ok": True})
    _set_session_cookie(request, response, token or "")
    return response


async def redeem(request: Request, session: Session) -> Response:
    """GET ?ticket=: the page's login step; sets the cookie and goes home."""
    token = sessions.redeem_ticket(session, request.query_params.get("ticket", ""))
    if token is None:
        return RedirectResponse("/login?expired=1", status_code=303)
    response = RedirectResponse("/", status_code=303)
    _set_session_cookie(request, response, token)
    return response


async def logout(request: Request, session: Session) -> Response:
    """POST: end the session and clear the cookie."""
    row = sessions.live(session, request.cookies.get(sessions.COOKIE))
    if row is not None:
        device = session.get(Device, row.device_id) if row.device_id else None
        events.record(session, row.person_id, "logout", device.name if device else "",
                      client_of(request))
    sessions.revoke(session, request.cookies.get(sessions.COOKIE))
    response = JSONResponse({"ok": True})
    response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict")
    return response


# ---- passkeys ----------------------------------------------------------------------------
async def passkey_login_options(request: Request, session: Session) -> Response:
    """POST {device_key}: WebAuthn request options, tied to this device key."""
    body = await _raw_body(request)
    jwk = login.device_key(body.get("device_key"))
    return Response(passkeys.login_options(session, jwk), media_type="application/json")


async def passkey_login(request: Request, session: Session) -> Response:
    """POST {credential, device_key, device_signature}: log in with a passkey; sets the
    session cookie. 409 "device_rebind" (with the code) when this is not the bound device."""
    body = await _raw_body(request)
    done = passkeys.login(session, body.get("credential") or {},
                          login.device_key(body.get("device_key")),
                          str(body.get("device_signature") or ""), client_of(request))
    token = login.session_for_passkey(session, done.person.id, done.device.id,
                                      request_lang(request))
    response = JSONResponse({"ok": True})
    _set_session_cookie(request, response, token)
    return response


async def passkey_register_options(request: Request, session: Session) -> Response:
    """POST (device-proven): WebAuthn creation options for this person and device."""
    row, device = authorized(request, session)
    person = session.get(Person, row.person_id)
    options = passkeys.registration_options(session, person, device)
    return Response(options, media_type="application/json")


async def passkey_register(request: Request, session: Session) -> Response:
    """POST {credential} (device-proven): store a new passkey."""
    row, device = authorized(request, session)
    body = await _raw_body(request)
    passkeys.register(session, session.get(Person, row.person_id), device,
                      body.get("credential") or {}, client_of(request))
    return JSONResponse({"ok": True})


# ---- the account's language (api/services/language.py) -----------------------------------
async def set_language(request: Request, session: Session) -> Response:
    """POST {lang} (device-proven): the language switched on the phone, kept on the account."""
    row, _ = authorized(request, session)
    body = await _body(request)
    changed = language.remember(session, row.person_id, body.get("lang", ""))
    return JSONResponse({"ok": True, "changed": changed})


# ---- delta sync (sync/protocol.py) --------------------------------------------------------
async def sync_pull(request: Request, session: Session) -> Response:
    """GET ?since=&limit= (device-proven): changes after the cursor, gzip-compressed."""
    row, _ = authorized(request, session)
    try:
        limit = int(request.query_params.get("limit") or 500)
    except ValueError:
        limit = 500
    answer = sync_protocol.pull(session, row.person_id, request.query_params.get("since"), limit)
    return JSONResponse(answer, headers={"Cache-Control": "no-store"})


async def sync_push(request: Request, session: Session) -> Response:
    """POST {mutations} (device-proven): apply each client mutation once."""
    row, _ = authorized(request, session)
    body = await _raw_body(request)
    person = session.get(Person, row.person_id)
    return JSONResponse(sync_protocol.push(session, person, body.get("mutations") or [],
                                           request_lang(request)))


# ---- devices and security ------------------------------------------------------------------
async def security_view(request: Request, session: Session) -> Response:
    """GET (device-proven): the bound device, its passkeys and recent security events."""
    row, device = authorized(request, session)
    return JSONResponse(security.view(session, row.person_id, device, request_lang(request)))


async def sign_out_device(request: Request, session: Session) -> Response:
    """POST (device-proven): sign this device out (revokes device, sessions, passkeys)."""
    _, device = authorized(request, session)
    device_binding.sign_out(session, device, client_of(request))
    response = JSONResponse({"ok": True})
    response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict")
    return response


# ---- card -------------------------------------------------------------------------------
async def card_keys(request: Request, session: Session) -> Response:
    """Issuer public keys (JWK set) for offline QR verification."""
    return JSONResponse(keys.jwks(), headers={"Cache-Control": "public, max-age=3600"})


async def verify_card(request: Request, session: Session) -> Response:
    """POST {qr}: verify a scanned card QR on the server."""
    body = await _body(request)
    lang = request_lang(request)
    try:
        claims = card_qr.verify(body.get("qr", ""))
    except card_qr.QrError as exc:
        return _error(exc.reason, 422, lang)
    return JSONResponse({"ok": True, "code": claims.code, "full_name": claims.full_name,
                         "dob": claims.dob.isoformat(), "group": claims.group_code,
                         "level": claims.benefit_level, "facility": claims.facility_code,
                         "valid_to": claims.valid_to.isoformat(), "kid": claims.kid})


# ---- the citizen's own records ------------------------------------------------------------
def _own(view: Callable[[Session, int, str], object]) -> Handler:
    async def handler(request: Request, session: Session) -> Response:
        return JSONResponse(view(session, _person_id(request, session), request_lang(request)))

    return endpoint(handler)


async def card_png(request: Request, session: Session) -> Response:
    """The card image as PNG (attachment with ?download=1)."""
    person_id = _person_id(request, session)
    lang = request_lang(request)
    view = wallet.card_view(session, person_id, lang)
    if not view:
        raise UserError("not_found", status=404)
    person = session.get(Person, person_id)
    png = image.render_card(view, person.photo if person else None, lang)
    headers = {"Cache-Control": "private, no-store"}
    if request.query_params.get("download"):
        headers["Content-Disposition"] = f'attachment; filename="the-bhyt-{view["number"]}.png"'
    return Response(png, media_type="image/png", headers=headers)


async def photo(request: Request, session: Session) -> Response:
    """The holder's photo (PNG), or an SVG silhouette when none is on file."""
    person = session.get(Person, _person_id(request, session))
    headers = {"Cache-Control": "private, max-age=3600"}
    if person is not None and person.photo:
        return Response(person.photo, media_type="image/png", headers=headers)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 160">'
           '<rect width="120" height="160" fill="#dce4ee"/><circle cx="60" cy="62" r="30" '
           'fill="#9aabc0"/><ellipse cx="60" cy="150" rx="50" ry="42" fill="#9aabc0"/></svg>')
    return Response(svg, media_type="image/svg+xml", headers=headers)


# ---- look-ups ----------------------------------------------------------------------------
def _page(value: str | None) -> int:
    try:
        return int(value or 1)
    except ValueError:
        return 1


async def lookup(request: Request, session: Session) -> Response:
    """GET ?q=&province=&page=: one page of facilities, agencies, employers or agents."""
    q = request.query_params
    return JSONResponse(lookups.search(
        session, request.path_params["kind"], q.get("q", ""), q.get("province", ""),
        _page(q.get("page")), request_lang(request),
        contracted_only=q.get("contracted") == "1", sick_leave_only=q.get("sick_leave") == "1"))


async def lookup_code(request: Request, session: Session) -> Response:
    """GET ?name=&dob=YYYY-MM-DD&province=: find one's own code."""
    q = request.query_params
    return JSONResponse({"matches": lookups.find_code(
        session, q.get("name", ""), q.get("dob", ""), q.get("province", ""),
        request_lang(request))})


async def province_list(request: Request, session: Session) -> Response:
    """All provinces."""
    return JSONResponse({"provinces": lookups.provinces(session)})


async def server_error(request: Request, exc: Exception) -> Response:
    """Last resort: log it, tell the user something useful (never a stack trace)."""
    log.exception("unexpected error on %s", request.url.path)
    return _error("server", 500, request_lang(request))


def build() -> Starlette:
    """The API application."""
    routes = [
        Route("/api/auth/otp", endpoint(request_otp), methods=["POST"]),
        Route("/api/auth/verify", endpoint(verify_otp), methods=["POST"]),
        Route("/api/auth/session", endpoint(redeem), methods=["GET"]),
        Route("/api/auth/logout", endpoint(logout), methods=["POST"]),
        Route("/api/auth/passkey/options", endpoint(passkey_login_options), methods=["POST"]),
        Route("/api/auth/passkey", endpoint(passkey_login), methods=["POST"]),
        Route("/api/passkeys/options", endpoint(passkey_register_options), methods=["POST"]),
        Route("/api/passkeys", endpoint(passkey_register), methods=["POST"]),
        Route("/api/security", endpoint(security_view), methods=["GET"]),
        Route("/api/me/language", endpoint(set_language), methods=["POST"]),
        Route("/api/sync/pull", endpoint(sync_pull), methods=["GET"]),
        Route("/api/sync/push", endpoint(sync_push), methods=["POST"]),
        Route("/api/security/sign-out", endpoint(sign_out_device), methods=["POST"]),
        Route("/api/card-keys", endpoint(card_keys), methods=["GET"]),
        Route("/api/card/verify", endpoint(verify_card), methods=["POST"]),
        Route("/api/me", _own(wallet.profile_view), methods=["GET"]),
        Route("/api/me/card", _own(wallet.card_view), methods=["GET"]),
        Route("/api/me/card.png", endpoint(card_png), methods=["GET"]),
        Route("/api/me/photo", endpoint(photo), methods=["GET"]),
        Route("/api/me/participation", _own(wallet.participation_view), methods=["GET"]),
        Route("/api/me/benefits", _own(wallet.benefits_view), methods=["GET"]),
        Route("/api/me/visits", _own(wallet.visits_view), methods=["GET"]),
        Route("/api/provinces", endpoint(province_list), methods=["GET"]),
        Route("/api/lookup/code", endpoint(lookup_code), methods=["GET"]),
        Route("/api/lookup/{kind}", endpoint(lookup), methods=["GET"]),
    ]
    # Sync answers and record lists compress well (a 35-year history: ~6x smaller).
    return Starlette(routes=routes, exception_handlers={500: server_error},
                     middleware=[Middleware(GZipMiddleware, minimum_size=500)])
