"""Card trust routes (roles: anyone): issuer keys and the revocation list for offline
checks, and a server-side check."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.card import keys
from api.card.verifier import Trust, verify_any
from api.clock import utcnow, vietnam_today
from api.http.base import endpoint, error, request_lang, text_fields
from api.services import revocations


async def card_keys(request: Request, session: Session) -> Response:
    """Issuer public keys (JWK set) for offline QR verification."""
    return JSONResponse(keys.jwks(), headers={"Cache-Control": "public, max-age=3600"})


async def verify_card(request: Request, session: Session) -> Response:
    """POST {qr}: verify a scanned card QR (static, live or light) on the server, against
    the issuer keys and the revocation list; 422 with the reason when it fails."""
    body = await text_fields(request)
    now = utcnow()
    verdict = verify_any(body.get("qr", ""), Trust(keys.trusted_keys(),
                                                   frozenset(revocations.active(session))),
                         int(now.timestamp()), vietnam_today())
    if not verdict.ok:
        return error(verdict.reason or "qr_format", 422, request_lang(request))
    return JSONResponse({"ok": True, "kind": verdict.kind, "holder_bound": verdict.holder_bound,
                         **(verdict.claims or {})})

async def revocation_list(request: Request, session: Session) -> Response:
    """GET ?since=<cursor>: the card revocation list in the sync protocol's pull message
    (reset: the whole list packed; else the delta), with the issuer-signed head."""
    return JSONResponse(revocations.pull(session, request.query_params.get("since")),
                        headers={"Cache-Control": "no-cache"})


routes = [
    Route("/api/card-keys", endpoint(card_keys), methods=["GET"]),
    Route("/api/card/verify", endpoint(verify_card), methods=["POST"]),
    Route("/api/revocations", endpoint(revocation_list), methods=["GET"]),
]
