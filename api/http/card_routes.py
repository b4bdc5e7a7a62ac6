"""Card trust routes (roles: anyone): issuer keys for offline checks, server-side check."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.card import keys
from api.card import qr as card_qr
from api.http.base import endpoint, error, request_lang, text_fields


async def card_keys(request: Request, session: Session) -> Response:
    """Issuer public keys (JWK set) for offline QR verification."""
    return JSONResponse(keys.jwks(), headers={"Cache-Control": "public, max-age=3600"})


async def verify_card(request: Request, session: Session) -> Response:
    """POST {qr}: verify a scanned card QR on the server."""
    body = await text_fields(request)
    lang = request_lang(request)
    try:
        claims = card_qr.verify(body.get("qr", ""))
    except card_qr.QrError as exc:
        return error(exc.reason, 422, lang)
    return JSONResponse({"ok": True, "code": claims.code, "full_name": claims.full_name,
                         "dob": claims.dob.isoformat(), "group": claims.group_code,
                         "level": claims.benefit_level, "facility": claims.facility_code,
                         "valid_to": claims.valid_to.isoformat(), "kid": claims.kid})



routes = [
    Route("/api/card-keys", endpoint(card_keys), methods=["GET"]),
    Route("/api/card/verify", endpoint(verify_card), methods=["POST"]),
]
