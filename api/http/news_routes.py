"""News routes (roles: anyone): the agency's news and guides, each in the reader's language
or the nearest one written. Officers publish them (api/http/officer_routes.py)."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.http.base import endpoint, request_lang
from api.services import news


async def news_list(request: Request, session: Session) -> Response:
    """GET: the newest news and guides, in the reader's language or the nearest one."""
    return JSONResponse({"items": news.public(session, request_lang(request))})


routes = [Route("/api/news", endpoint(news_list, reads_only=True), methods=["GET"])]
