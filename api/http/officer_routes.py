"""The agency officer's routes (role: officer, device-proven): announcements to everyone, a
province or a beneficiary group (api/services/announcements.py); news and guides for
everyone (api/services/news.py)."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.http.base import endpoint, json_object, officer_staff
from api.services import announcements, news


async def list_announcements(request: Request, session: Session) -> Response:
    """GET (device-proven): the newest announcements, with whether and to how many people
    they went."""
    await officer_staff(request, session)
    return JSONResponse({"items": announcements.recent(session)})


async def announce(request: Request, session: Session) -> Response:
    """POST {texts: {lang: text}, audience: all|province|group, code} (device-proven): keep
    an announcement; `make notify` sends it."""
    account = await officer_staff(request, session)
    body = await json_object(request)
    row = announcements.create(session, account, body.get("texts"), body.get("audience"),
                               body.get("code", ""))
    return JSONResponse({"id": row.id}, status_code=201)


async def list_news(request: Request, session: Session) -> Response:
    """GET (device-proven): the newest news and guides, every language written."""
    await officer_staff(request, session)
    return JSONResponse({"items": news.recent(session)})


async def publish_news(request: Request, session: Session) -> Response:
    """POST {kind: news|guide, texts: {lang: {title, body}}} (device-proven): publish at
    once on the public news screen."""
    account = await officer_staff(request, session)
    body = await json_object(request)
    row = news.publish(session, account, body.get("texts"), body.get("kind"))
    return JSONResponse({"id": row.id}, status_code=201)


routes = [
    Route("/api/officer/announcements", endpoint(list_announcements), methods=["GET"]),
    Route("/api/officer/announcements", endpoint(announce), methods=["POST"]),
    Route("/api/officer/news", endpoint(list_news), methods=["GET"]),
    Route("/api/officer/news", endpoint(publish_news), methods=["POST"]),
]
