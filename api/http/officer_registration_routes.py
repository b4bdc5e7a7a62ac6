"""The officer's registrations desk (role: officer, device-proven; only the officer's own
province): the queue, one registration beside the record, the photos, the decision
(api/services/registration_queue.py, api/services/registrations.py)."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.http.base import endpoint, json_object, officer_staff
from api.services import registration_queue, registrations


def _page(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 10**6))
    except ValueError:
        return 1


async def queue(request: Request, session: Session) -> Response:
    """GET ?status=open|submitted|needs_info|done|rejected&source=scanned|typed&q=&page=:
    one page of the province's registrations, oldest first."""
    account = await officer_staff(request, session)
    q = request.query_params
    return JSONResponse(registration_queue.queue(
        session, account, q.get("status") or "open", q.get("source", ""), q.get("q", ""),
        _page(q.get("page"))))


async def detail(request: Request, session: Session) -> Response:
    """GET: the registration beside the person's record, the differences, the audit trail."""
    account = await officer_staff(request, session)
    reg = registration_queue.registration_of(session, account, request.path_params["id"])
    return JSONResponse(registration_queue.detail(session, reg))


async def photo(request: Request, session: Session) -> Response:
    """GET: the applicant's face photo (`applicant`) or the record's (`record`)."""
    account = await officer_staff(request, session)
    reg = registration_queue.registration_of(session, account, request.path_params["id"])
    data, media = registration_queue.photo(session, reg, request.path_params["which"])
    return Response(data, media_type=media, headers={"Cache-Control": "no-store"})


async def decide(request: Request, session: Session) -> Response:
    """POST {action: approve|reject|ask, note, confirmed}: decide; the applicant is told by
    SMS and in the inbox. 409 when already decided, or (approve) differences unconfirmed."""
    account = await officer_staff(request, session)
    reg = registration_queue.registration_of(session, account, request.path_params["id"])
    body = await json_object(request)
    registrations.decide(session, reg, account.id, body.get("action"), body.get("note"),
                         body.get("confirmed") is True)
    return JSONResponse(registration_queue.detail(session, reg))


routes = [
    Route("/api/officer/registrations", endpoint(queue), methods=["GET"]),
    Route("/api/officer/registrations/{id}", endpoint(detail), methods=["GET"]),
    Route("/api/officer/registrations/{id}/photo/{which}", endpoint(photo), methods=["GET"]),
    Route("/api/officer/registrations/{id}/decision", endpoint(decide), methods=["POST"]),
]
