"""The household head's routes (role: citizen, device-proven): the household and its
members' card validity, and the price of renewing the members chosen. Thin over
api/services/household.py."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.clock import vietnam_today
from api.http.base import endpoint, json_object, person_id_of, request_lang
from api.services import household
from api.services.errors import UserError


async def view(request: Request, session: Session) -> Response:
    """GET: the household the citizen heads, its members with their card validity."""
    head_id = await person_id_of(request, session)
    return JSONResponse(household.view(session, head_id, request_lang(request),
                                       vietnam_today()))


def _months(value: object) -> int:
    """The period asked for: a whole number (as a number or digits), else 422."""
    if isinstance(value, bool) or not isinstance(value, int | str) \
            or not str(value).strip().isdigit() or len(str(value).strip()) > 3:
        raise UserError("household_months", status=422, field="months")
    return int(str(value).strip())


def _codes(value: object) -> list[str]:
    """The members chosen: a list of their codes (text)."""
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise UserError("household_members_empty", status=422, field="members")
    return [code.strip() for code in value]


async def quote(request: Request, session: Session) -> Response:
    """POST {members: [codes], months}: each chosen member's line, explained, and the total."""
    head_id = await person_id_of(request, session)
    body = await json_object(request)
    codes, months = _codes(body.get("members")), _months(body.get("months"))
    return JSONResponse(household.quote(session, head_id, codes, months, vietnam_today(),
                                        request_lang(request)),
                        headers={"Cache-Control": "no-store"})


routes = [
    Route("/api/me/household", endpoint(view, reads_only=True), methods=["GET"]),
    Route("/api/me/household/quote", endpoint(quote, reads_only=True), methods=["POST"]),
]
