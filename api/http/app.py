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
from starlette.routing import Route

from api.http import (
    auth_routes,
    card_routes,
    clinic_routes,
    health_routes,
    help_routes,
    household_routes,
    lookup_routes,
    me_routes,
    news_routes,
    officer_registration_routes,
    officer_request_routes,
    officer_routes,
    openapi,
    payment_routes,
    push_routes,
    registration_routes,
    sync_routes,
    voluntary_routes,
)
from api.http.base import error, request_lang
from api.http.proxies import ProxyHeaders
from api.http.quick_pulls import QuickPulls
from api.http.web_surface import WebSurface

log = logging.getLogger(__name__)


async def server_error(request: Request, exc: Exception) -> Response:
    """Last resort: log it, tell the user something useful (never a stack trace)."""
    log.exception("unexpected error on %s", request.url.path)
    return error("server", 500, request_lang(request))


def _unknown(routes: list[Route]) -> Route:
    """Any other /api address: JSON 404, or 405 where the path exists for other methods
    (a catch-all route would otherwise hide Starlette's own 405)."""

    async def unknown(request: Request) -> Response:
        allowed = sorted({method for route in routes
                          if route.path_regex.match(request.url.path) for method in
                          route.methods or ()})
        lang = request_lang(request)
        if allowed:
            answer = error("method_not_allowed", 405, lang)
            answer.headers["Allow"] = ", ".join(allowed)
            return answer
        return error("not_found", 404, lang)

    return Route("/api/{rest:path}", unknown,
                 methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])


def build() -> Starlette:
    """The API application (Reflex mounts the pages and its websocket inside it)."""
    # The sync routes first: a phone pulls every minute, and Starlette tries the routes in
    # order, matching each pattern against the path.
    routes = [*sync_routes.routes, *auth_routes.routes, *me_routes.routes,
              *household_routes.routes, *voluntary_routes.routes, *payment_routes.routes,
              *card_routes.routes, *clinic_routes.routes, *lookup_routes.routes,
              *health_routes.routes, *help_routes.routes, *push_routes.routes,
              *officer_routes.routes, *officer_request_routes.routes,
              *officer_registration_routes.routes, *registration_routes.routes,
              *news_routes.routes, *openapi.routes]
    return Starlette(routes=[*routes, _unknown(routes)],
                     exception_handlers={500: server_error},
                     middleware=[Middleware(ProxyHeaders), Middleware(WebSurface),
                                 # Inside the web surface (its headers and request rules),
                                 # before everything else: a phone's pull every minute.
                                 Middleware(QuickPulls),
                                 # Sync answers and record lists compress well (a 35-year
                                 # history: ~6x smaller).
                                 Middleware(GZipMiddleware, minimum_size=500)])
