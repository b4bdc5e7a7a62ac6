"""Voluntary social insurance for the citizen (role: citizen, device-proven): the price of
the months they choose, with the state's support, line by line. Thin over
api/services/voluntary.py."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.clock import vietnam_today
from api.http.base import endpoint, json_object, person_id_of, request_lang
from api.services import voluntary


def _whole(value: object, digits: int) -> int:
    """A whole number sent as a number or as digits (dots, commas and spaces ignored); -1
    for anything else, which the rules refuse with the message of their bounds."""
    text = "" if isinstance(value, bool) or not isinstance(value, int | str) else \
        str(value).replace(".", "").replace(",", "").replace(" ", "")
    return int(text) if text.isdigit() and len(text) <= digits else -1


async def quote(request: Request, session: Session) -> Response:
    """POST {income, months}: the contribution, the state's support and the total."""
    person_id = await person_id_of(request, session)
    body = await json_object(request)
    income, months = _whole(body.get("income"), 12), _whole(body.get("months"), 3)
    return JSONResponse(voluntary.quote(session, person_id, income, months, vietnam_today(),
                                        request_lang(request)),
                        headers={"Cache-Control": "no-store"})


routes = [Route("/api/me/voluntary/quote", endpoint(quote, reads_only=True),
                methods=["POST"])]
