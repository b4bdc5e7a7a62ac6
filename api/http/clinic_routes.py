"""Clinic staff routes (role: clinic, device-proven): a desk's own account; the card checks
and visits come with the clinic page. A citizen session gets 403 "wrong_role"."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.domain.models import Facility, Province
from api.http.base import clinic_staff, endpoint


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


routes = [
    Route("/api/clinic/me", endpoint(me), methods=["GET"]),
]
