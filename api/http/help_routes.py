"""Help routes (roles: anyone): the help assistant answers a typed question from the FAQ.
People who cannot log in need help most, so no login is asked."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.http.base import endpoint, request_lang
from api.services import assistant


async def ask(request: Request, session: Session) -> Response:
    """GET ?q=: the FAQ entry that answers the question, in the reader's language, with the
    screen that helps; or "I do not know" with the hotline and the support e-mail."""
    return JSONResponse(assistant.ask(request.query_params.get("q", ""), request_lang(request)))


routes = [Route("/api/help/ask", endpoint(ask, reads_only=True), methods=["GET"])]
