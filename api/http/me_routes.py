"""The citizen's own account (role: citizen, device-proven): records, card image, photo,
language, devices and security."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.auth import device_binding
from api.card import image
from api.domain.models import Person
from api.http.base import (
    Handler,
    authorized,
    clear_session_cookie,
    client_of,
    endpoint,
    person_id_of,
    request_lang,
    text_fields,
)
from api.services import card_credentials as card_credentials_service
from api.services import language, security, wallet
from api.services.errors import UserError


async def set_language(request: Request, session: Session) -> Response:
    """POST {lang} (device-proven): the language switched on the phone, kept on the account."""
    row, _ = await authorized(request, session)
    body = await text_fields(request)
    changed = language.remember(session, row.person_id, body.get("lang", ""))
    return JSONResponse({"ok": True, "changed": changed})


# ---- devices and security ------------------------------------------------------------------
async def security_view(request: Request, session: Session) -> Response:
    """GET (device-proven): the bound device, its passkeys and recent security events."""
    row, device = await authorized(request, session)
    return JSONResponse(security.view(session, row.person_id, device, request_lang(request)))


async def sign_out_device(request: Request, session: Session) -> Response:
    """POST (device-proven): sign this device out (revokes device, sessions, passkeys)."""
    _, device = await authorized(request, session)
    device_binding.sign_out(session, device, client_of(request))
    response = JSONResponse({"ok": True})
    clear_session_cookie(response)
    return response


# ---- the citizen's own records ------------------------------------------------------------
def _own(view: Callable[[Session, int, str], object]) -> Handler:
    async def handler(request: Request, session: Session) -> Response:
        person_id = await person_id_of(request, session)
        return JSONResponse(view(session, person_id, request_lang(request)))

    return endpoint(handler)


async def card_png(request: Request, session: Session) -> Response:
    """The card image as PNG (attachment with ?download=1): drawn once per card version and
    language, then from memory (api/card/image.card_png)."""
    person_id = await person_id_of(request, session)
    lang = request_lang(request)
    found = wallet.card_source(session, person_id)
    if found is None:
        raise UserError("not_found", status=404)
    number, source = found

    def draw() -> tuple[dict[str, str], object, bytes | None]:
        fields, claims = wallet.card_fields(session, person_id, lang)
        person = session.get(Person, person_id)  # read by card_fields: no second query
        return fields, claims, person.photo if person else None

    png = image.card_png(source, lang, draw)
    headers = {"Cache-Control": "private, no-store"}
    if request.query_params.get("download"):
        headers["Content-Disposition"] = f'attachment; filename="the-bhyt-{number}.png"'
    return Response(png, media_type="image/png", headers=headers)


async def card_credentials(request: Request, session: Session) -> Response:
    """POST (device-proven): a live credential bound to this device's key (14 days) and a
    light QR (48 hours), for the card screen to show offline."""
    row, device = await authorized(request, session)
    return JSONResponse(card_credentials_service.issue(session, row.person_id, device),
                        headers={"Cache-Control": "no-store"})


async def photo(request: Request, session: Session) -> Response:
    """The holder's photo (PNG), or an SVG silhouette when none is on file."""
    person = session.get(Person, await person_id_of(request, session))
    headers = {"Cache-Control": "private, max-age=3600"}
    if person is not None and person.photo:
        return Response(person.photo, media_type="image/png", headers=headers)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 160">'
           '<rect width="120" height="160" fill="#dce4ee"/><circle cx="60" cy="62" r="30" '
           'fill="#9aabc0"/><ellipse cx="60" cy="150" rx="50" ry="42" fill="#9aabc0"/></svg>')
    return Response(svg, media_type="image/svg+xml", headers=headers)



routes = [
    Route("/api/security", endpoint(security_view), methods=["GET"]),
    Route("/api/security/sign-out", endpoint(sign_out_device), methods=["POST"]),
    Route("/api/me/language", endpoint(set_language), methods=["POST"]),
    Route("/api/me", _own(wallet.profile_view), methods=["GET"]),
    Route("/api/me/card", _own(wallet.card_view), methods=["GET"]),
    Route("/api/me/card.png", endpoint(card_png), methods=["GET"]),
    Route("/api/me/card/credentials", endpoint(card_credentials), methods=["POST"]),
    Route("/api/me/photo", endpoint(photo), methods=["GET"]),
    Route("/api/me/participation", _own(wallet.participation_view), methods=["GET"]),
    Route("/api/me/benefits", _own(wallet.benefits_view), methods=["GET"]),
    Route("/api/me/visits", _own(wallet.visits_view), methods=["GET"]),
]
