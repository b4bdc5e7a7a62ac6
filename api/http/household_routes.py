"""The household head's routes (role: citizen, device-proven): the household and its
members' card validity, and the price of renewing the members chosen. Thin over
api/services/household.py."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.clock import vietnam_today
from api.http import quote_inputs as inputs
from api.http.base import endpoint, json_object, person_id_of, request_lang
from api.services import household


async def view(request: Request, session: Session) -> Response:
    """GET: the household the citizen heads, its members with their card validity."""
    head_id = await person_id_of(request, session)
    return JSONResponse(household.view(session, head_id, request_lang(request),
                                       vietnam_today()))


async def quote(request: Request, session: Session) -> Response:
    """POST {members: [codes], months}: each chosen member's line, explained, and the total."""
    head_id = await person_id_of(request, session)
    body = await json_object(request)
    codes, months = inputs.codes(body.get("members")), inputs.months(body.get("months"))
    return JSONResponse(household.quote(session, head_id, codes, months, vietnam_today(),
                                        request_lang(request)),
                        headers={"Cache-Control": "no-store"})


routes = [
    Route("/api/me/household", endpoint(view, reads_only=True), methods=["GET"]),
    Route("/api/me/household/quote", endpoint(quote, reads_only=True), methods=["POST"]),
]
