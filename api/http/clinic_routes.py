"""Clinic staff routes (role: clinic, device-proven): a desk's own account, typed look-ups,
online scans, the holder's photo and today's visits (api/services/clinic_desk.py; a visit
itself is recorded through the sync push). A citizen session gets 403 "wrong_role"."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.domain.models import Facility, Province
from api.http.base import client_of, clinic_staff, endpoint, error, request_lang, text_fields
from api.services import clinic_desk


async def me(request: Request, session: Session) -> Response:
    """GET (device-proven, clinic): who is at this desk and for which facility."""
    _, _, account = await clinic_staff(request, session)
    facility = session.get(Facility, account.facility_id) if account.facility_id else None
    province = session.get(Province, facility.province_code) if facility else None
    return JSONResponse({
        "staff_code": account.staff_code, "full_name": account.full_name,
        "role": account.role,
        "facility": {"code": facility.code, "name": facility.name,
                     "province": province.name if province else facility.province_code}
        if facility else None})


async def lookup(request: Request, session: Session) -> Response:
    """POST {query} (device-proven, clinic): one card by its whole code, card number or
    personal ID (no partial search); logged as "typed". Slowed down, never shut, past a
    number of look-ups an hour."""
    _, _, account = await clinic_staff(request, session)
    body = await text_fields(request)
    session.commit()  # the proof is spent whatever follows
    await clinic_desk.wait_before_lookup(session, account, client_of(request))
    return JSONResponse(clinic_desk.lookup(session, account, body.get("query", ""),
                                           client_of(request)),
                        headers={"Cache-Control": "no-store"})


async def scan(request: Request, session: Session) -> Response:
    """POST {qr} (device-proven, clinic): a QR scanned while online, verified on the server
    too and logged as "scan"; the verdict and whether the holder's photo can be shown."""
    _, _, account = await clinic_staff(request, session)
    body = await text_fields(request)
    verdict, answer = clinic_desk.scan(session, account, body.get("qr", ""))
    if not verdict.ok:
        return error(verdict.reason or "qr_format", 422, request_lang(request))
    return JSONResponse(answer, headers={"Cache-Control": "no-store"})


async def photo(request: Request, session: Session) -> Response:
    """GET (device-proven, clinic): the holder's photo, only for a card this facility
    scanned or typed in the last 12 hours (else 403); logged as "photo"."""
    _, _, account = await clinic_staff(request, session)
    data = clinic_desk.photo(session, account, request.path_params.get("code", ""))
    return Response(data, media_type="image/png",
                    headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"})


async def visits(request: Request, session: Session) -> Response:
    """GET (device-proven, clinic): this facility's check-ins of today, newest first."""
    _, _, account = await clinic_staff(request, session)
    return JSONResponse(clinic_desk.visits_today(session, account),
                        headers={"Cache-Control": "no-store"})


routes = [
    Route("/api/clinic/me", endpoint(me), methods=["GET"]),
    Route("/api/clinic/lookup", endpoint(lookup), methods=["POST"]),
    Route("/api/clinic/scan", endpoint(scan), methods=["POST"]),
    Route("/api/clinic/photo/{code}", endpoint(photo), methods=["GET"]),
    Route("/api/clinic/visits", endpoint(visits), methods=["GET"]),
]
