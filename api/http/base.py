"""What every API route module shares: the request's language, JSON bodies, the database
session around a handler, uniform translated errors and the device-proven session.

Every error is a JSON body `{"error": reason, "message": text in the user's language}`,
never a stack trace."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from api.auth import device_binding, device_keys, events, sessions
from api.auth.models import Device, WebSession
from api.db import engine
from api.services.errors import UserError, explain
from locales import pick_lang

log = logging.getLogger(__name__)
Handler = Callable[[Request], Awaitable[Response]]


def request_lang(request: Request) -> str:
    """The language: ?lang=, then the `lang` cookie, then Accept-Language."""
    return pick_lang(request.query_params.get("lang") or request.cookies.get("lang")
                     or request.headers.get("accept-language"))


def error(reason: str, status: int, lang: str, **values: object) -> JSONResponse:
    """A JSON error answer with the reason's message in `lang`."""
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
            return error("bad_request", 400, lang)

    wrapped.__doc__ = handler.__doc__
    return wrapped


async def json_object(request: Request) -> dict[str, object]:
    """The request body, which must be a JSON object."""
    data = await request.json()
    if not isinstance(data, dict):
        raise ValueError("JSON object expected")
    return data


async def text_fields(request: Request) -> dict[str, str]:
    """The request body's fields as text (non-text values as their JSON)."""
    data = await json_object(request)
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


def person_id_of(request: Request, session: Session) -> int:
    """The proven session's person."""
    return authorized(request, session)[0].person_id


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    """The HttpOnly session cookie (Secure when served over https)."""
    secure = (request.url.scheme == "https"
              or request.headers.get("x-forwarded-proto") == "https")
    response.set_cookie(sessions.COOKIE, token, httponly=True, secure=secure, samesite="strict",
                        path="/", max_age=60 * 60 * 24 * 30)


def clear_session_cookie(response: Response) -> None:
    """Remove the session cookie."""
    response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict")
