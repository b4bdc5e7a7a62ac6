"""Look-up routes (roles: anyone): facilities, agencies, employers, agents, provinces and
finding one's own code."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.auth import throttle
from api.http.base import client_of, endpoint, request_lang
from api.services import lookups


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
    """GET ?name=&dob=YYYY-MM-DD&province=: find one's own code. Answers the last four
    digits and sends the full code by SMS to the person's registered phone (slowed down per
    client address, a few texts a day per person)."""
    q = request.query_params
    await throttle.wait_for_address(session, "lookup", client_of(request))
    return JSONResponse(lookups.find_code(
        session, q.get("name", ""), q.get("dob", ""), q.get("province", ""),
        request_lang(request), client_of(request)))


async def province_list(request: Request, session: Session) -> Response:
    """GET ?q=: the 34 current provinces in Vietnamese order (those matching q, by current
    or former name), and the provinces merged away in 2025 with their successor."""
    lang = request_lang(request)
    return JSONResponse({"provinces": lookups.provinces(session, request.query_params.get("q", "")),
                         "former": lookups.former_provinces(lang)})


routes = [
    Route("/api/provinces", endpoint(province_list), methods=["GET"]),
    Route("/api/lookup/code", endpoint(lookup_code), methods=["GET"]),
    Route("/api/lookup/{kind}", endpoint(lookup), methods=["GET"]),
]
