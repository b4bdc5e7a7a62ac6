"""Delta sync routes (device-proven); the protocol is in sync/protocol.py. A citizen pulls
and pushes their own records; a clinic desk only pushes, with the desk's mutation types
(api/services/clinic_desk.HANDLERS: recording a visit)."""

from __future__ import annotations

import json
import zlib

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
    person_id_of,
    request_lang,
)
from api.services import clinic_desk
from api.services.errors import UserError
from sync import protocol as sync_protocol

# The most a push body may inflate to: what an uncompressed one may be (web_surface's limit
# for this path), so compressing changes how many bytes travel, never what is accepted.
MAX_INFLATED = 1024 * 1024


async def sync_pull(request: Request, session: Session) -> Response:
    """GET ?since=&limit= (device-proven): changes after the cursor, gzip-compressed."""
    person_id = await person_id_of(request, session)
    try:
        limit = int(request.query_params.get("limit") or 500)
    except ValueError:
        limit = 500
    answer = sync_protocol.pull(session, person_id, request.query_params.get("since"), limit)
    return JSONResponse(answer, headers={"Cache-Control": "no-store"})


def inflate(body: bytes, encoding: str | None) -> bytes:
    """The JSON text of a push body sent with `Content-Encoding: gzip` (or none). Inflated
    at most MAX_INFLATED + 1 bytes, whatever the header or the gzip trailer claim: a zip
    bomb costs the server one megabyte, then 413 "too_large". Damaged or unfinished gzip,
    or a second member after the first: 400 "bad_encoding"; another coding: 415."""
    coding = (encoding or "identity").strip().lower()
    if coding == "identity":
        return body
    if coding != "gzip":
        raise UserError("bad_encoding", status=415)
    stream = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip header and trailer
    try:
        text = stream.decompress(body, MAX_INFLATED + 1)
    except zlib.error as exc:
        raise UserError("bad_encoding") from exc
    if len(text) > MAX_INFLATED:
        raise UserError("too_large", status=413, limit=MAX_INFLATED // 1024)
    if not stream.eof or stream.unused_data:
        raise UserError("bad_encoding")
    return text


async def sync_push(request: Request, session: Session) -> Response:
    """POST {mutations} (device-proven): apply each client mutation once, all in one
    transaction. The body may be gzip-compressed (`Content-Encoding: gzip`); the request
    proof covers the bytes as sent, so the proof is checked before anything is inflated."""
    row, _ = await authorized(request, session, ANY_ROLE)
    if row.staff_id is not None:
        _, _, account = await clinic_staff(request, session, proven=row)
        handlers, subject = clinic_desk.HANDLERS, account
    else:
        handlers, subject = sync_protocol.HANDLERS, None
    body = json.loads(inflate(await request.body(), request.headers.get("content-encoding")))
    if not isinstance(body, dict):
        raise ValueError("JSON object expected")  # 400 "bad_request", as for any route
    person = session.get(Person, row.person_id)
    return JSONResponse(sync_protocol.push(session, person, body.get("mutations") or [],
                                           request_lang(request), handlers, subject))


routes = [
    Route("/api/sync/pull", endpoint(sync_pull, reads_only=True), methods=["GET"]),
    Route("/api/sync/push", endpoint(sync_push), methods=["POST"]),
]
