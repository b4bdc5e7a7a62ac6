"""Delta sync routes (device-proven); the protocol is in sync/protocol.py. A citizen pulls
and pushes their own records; a clinic desk only pushes, with the desk's mutation types
(api/services/clinic_desk.HANDLERS: recording a visit)."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.domain.models import Person
from api.http.base import (
    ANY_ROLE,
    authorized,
    clinic_staff,
    endpoint,
    json_object,
    person_id_of,
    request_lang,
)
from api.services import clinic_desk
from sync import protocol as sync_protocol


async def sync_pull(request: Request, session: Session) -> Response:
    """GET ?since=&limit= (device-proven): changes after the cursor, gzip-compressed."""
    person_id = await person_id_of(request, session)
    try:
        limit = int(request.query_params.get("limit") or 500)
    except ValueError:
        limit = 500
    answer = sync_protocol.pull(session, person_id, request.query_params.get("since"), limit)
    return JSONResponse(answer, headers={"Cache-Control": "no-store"})


async def sync_push(request: Request, session: Session) -> Response:
    """POST {mutations} (device-proven): apply each client mutation once."""
    row, _ = await authorized(request, session, ANY_ROLE)
    if row.staff_id is not None:
        _, _, account = await clinic_staff(request, session, proven=row)
        handlers, subject = clinic_desk.HANDLERS, account
    else:
        handlers, subject = sync_protocol.HANDLERS, None
    body = await json_object(request)
    person = session.get(Person, row.person_id)
    return JSONResponse(sync_protocol.push(session, person, body.get("mutations") or [],
                                           request_lang(request), handlers, subject))


routes = [
    Route("/api/sync/pull", endpoint(sync_pull, reads_only=True), methods=["GET"]),
    Route("/api/sync/push", endpoint(sync_push), methods=["POST"]),
]
