"""Health route (roles: anyone) for the reverse proxy, the process supervisor and uptime
checks: is this worker able to serve, i.e. does its database answer (and Redis, when the
deployment uses it)? Says nothing about anyone's data."""

from __future__ import annotations

import os
from functools import lru_cache

import redis
from sqlalchemy import text
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.http.base import endpoint, request_lang
from api.services.errors import explain


@lru_cache(maxsize=4)
def _redis_client(url: str) -> redis.Redis:
    """One client (and connection pool) per URL: the proxy asks every few seconds."""
    return redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)


def _redis_answers() -> bool | None:
    """True when REDIS_URL's server answers a ping, False when not, None without Redis."""
    url = os.environ.get("REDIS_URL")
    if not url:
        return None
    try:
        return bool(_redis_client(url).ping())
    except redis.RedisError:
        return False


async def health(request: Request, session: Session) -> Response:
    """GET: 200 {"status": "ok", "database": "ok", "redis": "ok"|"off"}, or 503 with
    "error": "unavailable" and which part failed."""
    try:
        session.exec(text("SELECT 1")).one()
        database = "ok"
    except Exception:  # noqa: BLE001 - any failure of the database means "not healthy"
        database = "down"
    redis_ok = _redis_answers()
    parts = {"database": database,
             "redis": "off" if redis_ok is None else "ok" if redis_ok else "down"}
    if "down" in parts.values():
        return JSONResponse({"status": "down", "error": "unavailable",
                             "message": explain("unavailable", request_lang(request)),
                             **parts}, status_code=503, headers={"Cache-Control": "no-store"})
    return JSONResponse({"status": "ok", **parts}, headers={"Cache-Control": "no-store"})


routes = [Route("/api/health", endpoint(health), methods=["GET"])]
