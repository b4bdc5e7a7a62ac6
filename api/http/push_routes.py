"""Web push routes: the server's VAPID public key (roles: anyone) and the citizen's
subscriptions (role: citizen, device-proven; only the bound device may subscribe)."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.http.base import authorized, endpoint, json_object
from api.push import keys, subscriptions


async def push_key(request: Request, session: Session) -> Response:
    """GET: the applicationServerKey a phone subscribes with."""
    return JSONResponse({"key": keys.public_key(session)},
                        headers={"Cache-Control": "public, max-age=3600"})


async def subscribe(request: Request, session: Session) -> Response:
    """POST {subscription: PushSubscription.toJSON()} (device-proven): keep it for this
    device; the person's notices are pushed to it from now on."""
    row, device = await authorized(request, session)
    body = await json_object(request)
    data = body.get("subscription")
    if not isinstance(data, dict):
        raise ValueError("subscription object expected")
    subscriptions.subscribe(session, row.person_id, device.id, data)
    return JSONResponse({"ok": True}, status_code=201)


async def unsubscribe(request: Request, session: Session) -> Response:
    """POST {endpoint} (device-proven): forget this device's subscription."""
    _, device = await authorized(request, session)
    endpoint_url = (await json_object(request)).get("endpoint")
    if not isinstance(endpoint_url, str):
        raise ValueError("endpoint expected")
    return JSONResponse({"ok": True,
                         "removed": subscriptions.unsubscribe(session, device.id, endpoint_url)})


routes = [
    Route("/api/push/key", endpoint(push_key), methods=["GET"]),
    Route("/api/push/subscribe", endpoint(subscribe), methods=["POST"]),
    Route("/api/push/unsubscribe", endpoint(unsubscribe), methods=["POST"]),
]
