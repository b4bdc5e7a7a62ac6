"""What every API route module shares: the request's language, JSON bodies, the database
session around a handler, uniform translated errors and the device-proven session.

Every error is a JSON body `{"error": reason, "message": text in the user's language}`,
never a stack trace."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable

from sqlalchemy import Row
from sqlalchemy.exc import DataError
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from api import off_loop
from api.auth import device_binding, events, request_proofs, sessions, staff
from api.auth.models import Device, StaffAccount, WebSession
from api.db import autocommit_engine, engine
from api.services.errors import UserError, explain
from locales import pick_lang

log = logging.getLogger(__name__)
Handler = Callable[[Request], Awaitable[Response]]
# What malformed input raises on its way in: JSON nested too deep, numbers too large for the
# database, text that is not UTF-8, values of the wrong type. Always a 400, never a 500.
BAD_INPUT = (ValueError, KeyError, TypeError, RecursionError, OverflowError, DataError,
             UnicodeDecodeError)


def request_lang(request: Request) -> str:
    """The language: ?lang=, then the `lang` cookie, then Accept-Language."""
    return pick_lang(request.query_params.get("lang") or request.cookies.get("lang")
                     or request.headers.get("accept-language"))


def error(reason: str, status: int, lang: str, **values: object) -> JSONResponse:
    """A JSON error answer with the reason's message in `lang`."""
    return JSONResponse({"error": reason, "message": explain(reason, lang, **values)},
                        status_code=status)


def endpoint(handler: Callable[[Request, Session], Awaitable[Response]], *,
             reads_only: bool = False) -> Handler:
    """Wrap a handler with a database session and uniform, translated errors, and run it
    off the event loop.

    `reads_only`: the handler writes nothing to the database when the request is in order.
    With the proofs spent in Redis, its statements then run without a transaction around
    them (autocommit): no BEGIN and COMMIT, two of a no-change pull's four round trips to
    PostgreSQL. Each statement still sees one consistent snapshot, and an alarm recorded
    for a bad proof is a single insert, committed at once."""

    async def handle(request: Request, lang: str) -> Response:
        bind = autocommit_engine() if reads_only and request_proofs.spent_in_redis() \
            else engine()
        try:
            with Session(bind, expire_on_commit=False) as session:
                response = await handler(request, session)
                session.commit()
        except UserError as exc:
            extra = {k: v for k, v in exc.values.items()
                     if k in ("code", "seconds", "tries", "field")}
            response = JSONResponse({"error": exc.reason, "message": exc.message(lang),
                                     **extra}, status_code=exc.status)
        except BAD_INPUT:
            log.info("bad request to %s", request.url.path, exc_info=True)
            response = error("bad_request", 400, lang)
        # A fresh server nonce (and the server's time) for the phone's next request proof.
        response.headers[request_proofs.NONCE_HEADER] = request_proofs.new_nonce()
        return response

    async def wrapped(request: Request) -> Response:
        # The body is read here, on the event loop; the database work, signatures and
        # drawing then run in a worker thread (api/off_loop.py), so one slow request never
        # holds up the others of this worker.
        await request.body()
        return await off_loop.run(handle(request, request_lang(request)))

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
    """The client address (for rate limits and the security event list): behind a trusted
    reverse proxy, the address it forwards (set by api/http/proxies.ProxyHeaders)."""
    return request.client.host if request.client else ""


# `authorized(..., role=ANY_ROLE)`: any logged-in role (logout, passkey registration).
ANY_ROLE = None


async def authorized(request: Request, session: Session, role: str | None = "citizen"
                     ) -> tuple[WebSession, Device]:
    """The live session and its device, proven by a single-use Device-Proof signed with the
    device key over this method, path and body (api/auth/request_proofs.py). A session
    cookie copied into another browser has no such key, and a captured proof works once,
    for its own request only: refused.

    The session must be of `role` ("citizen": no staff account; "clinic": a clinic staff
    login, see api/auth/staff.py; ANY_ROLE: either), else 403 "wrong_role": a clinic login
    reads no citizen's wallet through the citizen routes, a citizen calls no clinic route."""
    return await _proven(request, session, role, objects=True)


async def _proven(request: Request, session: Session, role: str | None, objects: bool
                  ) -> tuple[WebSession | Row, Device | staff.DeviceKey]:
    """`authorized`; with objects=False, the session as a plain row and its DeviceKey."""
    row, device, row_role = staff.session_with_device(
        session, request.cookies.get(sessions.COOKIE), objects)
    state = sessions.status(row)
    if state in ("moved", "signed_out"):
        raise UserError(state, status=401)
    if state != "ok":
        raise UserError("not_logged_in", status=401)
    if device is None or device.revoked_at is not None:
        raise UserError("not_logged_in", status=401)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    try:
        proof = request_proofs.check(device_binding.device_jwk(device),
                                     request.headers.get(request_proofs.HEADER),
                                     request.method, target, await request.body())
        request_proofs.spend(session, device.id, proof)
    except request_proofs.ProofError as exc:
        if exc.alarm:
            events.record(session, row.person_id, "foreign_session", "", client_of(request),
                          staff_id=row.staff_id)
            session.commit()
        raise UserError(exc.reason, status=401) from exc
    if role is not ANY_ROLE and row_role != role:
        raise UserError("wrong_role", status=403)
    return row, device


async def clinic_staff(request: Request, session: Session,
                       proven: WebSession | None = None
                       ) -> tuple[WebSession, Device, StaffAccount]:
    """For clinic routes: the proven session of a clinic staff login, its desk device and
    its staff account (403 "wrong_role" for a citizen, 401 as `authorized`). `proven`: a
    session `authorized` already proved for this request (its proof is single-use)."""
    if proven is None:
        row, device = await authorized(request, session, "clinic")
    else:
        if staff.role_of(session, proven) != "clinic":
            raise UserError("wrong_role", status=403)
        row, device = proven, session.get(Device, proven.device_id)
    account = session.get(StaffAccount, row.staff_id)
    if account is None or account.revoked_at is not None:
        raise UserError("not_logged_in", status=401)
    return row, device, account


async def officer_staff(request: Request, session: Session) -> StaffAccount:
    """For officer routes: the officer's staff account behind the proven session (403
    "wrong_role" for any other login, 401 as `authorized`)."""
    row, _ = await authorized(request, session, "officer")
    account = session.get(StaffAccount, row.staff_id)
    if account is None or account.revoked_at is not None:
        raise UserError("not_logged_in", status=401)
    return account


async def person_id_of(request: Request, session: Session) -> int:
    """The proven session's person (a citizen's): `authorized` without loading the session
    and device as ORM objects, for the routes that only read that person's records."""
    return (await _proven(request, session, "citizen", objects=False))[0].person_id


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    """The HttpOnly session cookie (Secure when served over https)."""
    # Behind a trusted proxy the scheme is the one it forwarded (api/http/proxies.py).
    secure = request.url.scheme == "https"
    response.set_cookie(sessions.COOKIE, token, httponly=True, secure=secure, samesite="strict",
                        path="/", max_age=60 * 60 * 24 * 30)


def clear_session_cookie(response: Response) -> None:
    """Remove the session cookie."""
    response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict")
