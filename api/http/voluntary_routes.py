"""Voluntary social insurance for the citizen (role: citizen, device-proven): the price of
the months they choose, with the state's support, line by line. Thin over
api/services/voluntary.py."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.clock import vietnam_today
from api.http import quote_inputs as inputs
from api.http.base import endpoint, json_object, person_id_of, request_lang
from api.services import voluntary


async def quote(request: Request, session: Session) -> Response:
    """POST {income, months}: the contribution, the state's support and the total."""
    person_id = await person_id_of(request, session)
    body = await json_object(request)
    income, months = inputs.whole(body.get("income"), 12), inputs.whole(body.get("months"), 3)
    return JSONResponse(voluntary.quote(session, person_id, income, months, vietnam_today(),
                                        request_lang(request)),
                        headers={"Cache-Control": "no-store"})


routes = [Route("/api/me/voluntary/quote", endpoint(quote, reads_only=True),
                methods=["POST"])]
