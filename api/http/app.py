"""The JSON HTTP API, a Starlette app that Reflex mounts itself inside (`api_transformer`),
so pages, websocket and API share one port. One module of routes per audience or resource,
thin over api/services; what they share is in api/http/base.py."""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response

from api.http import auth_routes, card_routes, lookup_routes, me_routes, sync_routes
from api.http.base import error, request_lang

log = logging.getLogger(__name__)


async def server_error(request: Request, exc: Exception) -> Response:
    """Last resort: log it, tell the user something useful (never a stack trace)."""
    log.exception("unexpected error on %s", request.url.path)
    return error("server", 500, request_lang(request))


def build() -> Starlette:
    """The API application."""
    routes = [*auth_routes.routes, *me_routes.routes, *sync_routes.routes,
              *card_routes.routes, *lookup_routes.routes]
    # Sync answers and record lists compress well (a 35-year history: ~6x smaller).
    return Starlette(routes=routes, exception_handlers={500: server_error},
                     middleware=[Middleware(GZipMiddleware, minimum_size=500)])
