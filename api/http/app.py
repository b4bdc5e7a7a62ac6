"""The JSON HTTP API, a Starlette app that Reflex mounts itself inside (`api_transformer`),
so pages, websocket and API share one port. Every error is a JSON body
`{"error": reason, "message": text in the user's language}`, never a stack trace."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable

from sqlmodel import Session
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from api.auth import sessions
from api.card import image, keys
from api.card import qr as card_qr
from api.db import engine
from api.domain.models import Person
from api.services import login, lookups, wallet
from api.services.errors import UserError, explain
from locales import pick_lang

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
            return JSONResponse({"error": exc.reason, "message": exc.message(lang)},
                                status_code=exc.status)
        except (json.JSONDecodeError, ValueError, KeyError, TypeError):
            log.info("bad request to %s", request.url.path, exc_info=True)
            return _error("bad_request", 400, lang)

    return wrapped


async def _body(request: Request) -> dict[str, str]:
    data = await request.json()
    if not isinstance(data, dict):
        raise ValueError("JSON object expected")
    return {k: str(v) for k, v in data.items()}


def _person_id(request: Request, session: Session) -> int:
    person_id = sessions.person_for_token(session, request.cookies.get(sessions.COOKIE))
    if person_id is None:
        raise UserError("not_logged_in", status=401)
    return person_id


def _set_session_cookie(request: Request, response: Response, token: str) -> None:
    secure = (request.url.scheme == "https"
              or request.headers.get("x-forwarded-proto") == "https")
    response.set_cookie(sessions.COOKIE, token, httponly=True, secure=secure, samesite="strict",
                        path="/", max_age=60 * 60 * 24 * 30)


# ---- login ----------------------------------------------------------------------------
async def request_otp(request: Request, session: Session) -> Response:
    """POST {code}: send a login code to the registered phone."""
    body = await _body(request)
    sent = login.request_code(session, body.get("code", ""), request_lang(request))
    return JSONResponse({"ok": True, "phone": sent.masked_phone,
                         "resend_after": sent.resend_after})


async def verify_otp(request: Request, session: Session) -> Response:
    """POST {code, otp}: check the code and set the session cookie."""
    body = await _body(request)
    ticket = login.confirm_code(session, body.get("code", ""), body.get("otp", ""))
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
    sessions.revoke(session, request.cookies.get(sessions.COOKIE))
    response = RedirectResponse("/login", status_code=303)
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
    return Starlette(routes=routes, exception_handlers={500: server_error})
