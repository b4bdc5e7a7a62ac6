"""The officer console's service-request routes (role: officer, device-proven; their own
province only): the queue with filters, one request beside the person's record, its photos,
and the decision (receive, ask for information, approve, reject). Thin: the rules are in
api/services/service_requests.py and the reads in api/services/request_queue.py."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.http.base import endpoint, json_object, officer_staff
from api.services import request_queue, service_requests


async def list_requests(request: Request, session: Session) -> Response:
    """GET ?status=submitted,received&kind=&q=&after= (device-proven): a page of the
    province's requests, oldest first, with the count per status."""
    officer = await officer_staff(request, session)
    params = request.query_params
    statuses = [s for s in (params.get("status") or "").split(",") if s] or None
    return JSONResponse(request_queue.queue(
        session, officer, statuses, params.get("kind") or "", params.get("q") or "",
        params.get("after")), headers={"Cache-Control": "no-store"})


async def show_request(request: Request, session: Session) -> Response:
    """GET (device-proven): one request beside the person's record, with its steps."""
    officer = await officer_staff(request, session)
    return JSONResponse(request_queue.detail(session, officer, request.path_params["id"]),
                        headers={"Cache-Control": "no-store"})


async def request_photo(request: Request, session: Session) -> Response:
    """GET (device-proven): one photo attached to a request."""
    officer = await officer_staff(request, session)
    try:
        photo_id = int(request.path_params["photo"])
    except ValueError:
        photo_id = 0
    found = request_queue.photo(session, officer, request.path_params["id"], photo_id)
    return Response(found.data, media_type=found.mime,
                    headers={"Cache-Control": "private, no-store",
                             "X-Content-Type-Options": "nosniff"})


async def decide(request: Request, session: Session) -> Response:
    """POST {action: receive|ask|approve|reject, note} (device-proven): the next step; the
    citizen is told (notice, push) and the phone's timeline follows at its next sync."""
    officer = await officer_staff(request, session)
    body = await json_object(request)
    row = service_requests.decide(session, officer, request.path_params["id"],
                                  body.get("action"), body.get("note"))
    return JSONResponse({"id": row.id, "status": row.status})


routes = [
    Route("/api/officer/requests", endpoint(list_requests), methods=["GET"]),
    Route("/api/officer/requests/{id}", endpoint(show_request), methods=["GET"]),
    Route("/api/officer/requests/{id}/photos/{photo}", endpoint(request_photo),
          methods=["GET"]),
    Route("/api/officer/requests/{id}/decide", endpoint(decide), methods=["POST"]),
]
