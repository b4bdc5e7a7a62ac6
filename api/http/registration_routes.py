"""Account registration routes (roles: anyone; the applicant has no account yet): prove the
phone with an SMS code, submit the form, then follow it with the receipt the browser keeps
(api/services/registrations.py)."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.auth import throttle
from api.http.base import client_of, endpoint, json_object, request_lang
from api.services import registrations


async def send_code(request: Request, session: Session) -> Response:
    """POST {code, phone}: send an SMS code to the phone to prove it (the login codes' limits
    per person and the gentle per-address slow-down apply)."""
    body = await json_object(request)
    await throttle.wait_for_address(session, "send", client_of(request))
    return JSONResponse(registrations.send_code(
        session, str(body.get("code") or ""), str(body.get("phone") or ""),
        request_lang(request), client_of(request)))


async def submit(request: Request, session: Session) -> Response:
    """POST {code, phone, otp, citizen_id, old_id, full_name, dob, sex, address, id_issued,
    email, photo, scanned}: keep the registration for an officer; answers its receipt."""
    body = await json_object(request)
    await throttle.wait_for_address(session, "verify", client_of(request))
    reg, receipt = registrations.submit(session, body, request_lang(request),
                                        client_of(request))
    return JSONResponse({"receipt": receipt, **registrations.status(session, receipt)},
                        status_code=201)


async def status(request: Request, session: Session) -> Response:
    """POST {receipt}: the registration's status and timeline (a POST: the receipt stays out
    of addresses and logs)."""
    body = await json_object(request)
    return JSONResponse(registrations.status(session, body.get("receipt")))


async def answer(request: Request, session: Session) -> Response:
    """POST {receipt, note, ...the corrected form}: answer an officer's question."""
    return JSONResponse(registrations.answer(session, await json_object(request)))


routes = [
    Route("/api/register/code", endpoint(send_code), methods=["POST"]),
    Route("/api/register", endpoint(submit), methods=["POST"]),
    Route("/api/register/status", endpoint(status), methods=["POST"]),
    Route("/api/register/answer", endpoint(answer), methods=["POST"]),
]
