"""The OpenAPI 3.1 document of /api, served at /api/openapi.json and kept in the repository
as api/openapi.json (`python -m api.http.openapi` rewrites it; a test fails when it is
stale). Each operation names the roles that may call it (`x-roles`). `make test` runs
schemathesis against the running app with this document: no input may cause a 5xx."""

from __future__ import annotations

import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.http.web_surface import API_BODY_LIMIT, API_BODY_LIMITS

FILE = Path(__file__).resolve().parent.parent / "openapi.json"
# x-roles: "anyone", "citizen" (a session without a staff account), "clinic" (a clinic staff
# login, api/auth/staff.py), "officer" (an agency officer's staff login).
ANYONE, CITIZEN, CLINIC, OFFICER = ["anyone"], ["citizen"], ["clinic"], ["officer"]
LOGGED_IN = ["citizen", "clinic", "officer"]
# The sync push: a citizen's changes, or a clinic desk's visits (an officer has neither).
PUSHERS = ["citizen", "clinic"]

_ERROR = {"type": "object", "required": ["error", "message"],
          "properties": {"error": {"type": "string"}, "message": {"type": "string"}}}
_JWK = {"type": "object", "description": "public P-256 JWK of the browser's device key",
        "properties": {"kty": {"const": "EC"}, "crv": {"const": "P-256"},
                       "x": {"type": "string"}, "y": {"type": "string"}}}
_ANY = {"type": "object"}


def _text(max_length: int = 100, **extra: object) -> dict:
    return {"type": "string", "maxLength": max_length, **extra}


def _query(name: str, schema: dict, required: bool = False) -> dict:
    return {"name": name, "in": "query", "required": required, "schema": schema}


def _path(name: str, schema: dict) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": schema}


def _op(summary: str, roles: list[str], ok: dict | None = None, body: dict | None = None,
        params: list[dict] | None = None, errors: tuple[int, ...] = (400,),
        ok_status: str = "200", media: str = "application/json") -> dict:
    """One operation: its roles, parameters, JSON body, success and error answers."""
    responses: dict[str, dict] = {ok_status: {"description": "done", "content": {
        media: {"schema": ok or _ANY}}} if ok_status != "303" else {"description": "redirect"}}
    if roles != ANYONE and 403 not in errors:
        errors = (*errors, 403)  # "wrong_role": a session of another role
    for status in sorted(errors):
        responses[str(status)] = {"description": "refused, with the reason and a message in "
                                                 "the user's language",
                                  "content": {"application/json": {"schema": _ERROR}}}
    operation: dict = {"summary": summary, "x-roles": roles, "responses": responses}
    if roles != ANYONE:
        operation["security"] = [{"session": [], "deviceProof": []}]
    if params:
        operation["parameters"] = params
    if body is not None:
        operation["requestBody"] = {"required": True, "content": {
            "application/json": {"schema": {"type": "object", "properties": body}}}}
    return operation


_PROVEN = (400, 401, 413, 415)
# A card as a clinic desk sees it: the card QR's claim names, nothing more.
_DESK_CARD = {"type": "object", "properties": {
        k: {"type": t} for k, t in (("code", "string"), ("fullName", "string"),
                                    ("dob", "string"), ("sex", "string"),
                                    ("group", "string"), ("level", "integer"),
                                    ("facility", "string"), ("validTo", "string"),
                                    ("issuedAt", "string"))}}

_REG_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
_SENT = {"type": "object", "properties": {"ok": {"type": "boolean"}, "phone": {"type": "string"},
                                          "resend_after": {"type": "integer"}}}
# The identity fields of a registration, as the chip ID card's QR holds them.
_REG_FORM = {"citizen_id": _text(12), "old_id": _text(9), "full_name": _text(80),
             "dob": _text(10, format="date"), "sex": {"enum": ["M", "F"]},
             "address": _text(200), "id_issued": _text(10), "email": _text(120),
             "photo": {"type": "string", "description": "JPEG or PNG as a data URL, at most "
                                                        "150 KB"},
             "scanned": {"type": "boolean"}}
_REG_STATUS = {"type": "object", "properties": {
    "receipt": {"type": "string"}, "id": {"type": "integer"}, "status": {"type": "string"},
    "reason": {"type": "string"}, "timeline": {"type": "array"}}}

_EXPLAINED = {"type": "object", "properties": {
    "message": {"type": "string", "description": "message id (English), for the catalogs"},
    "params": {"type": "object"}, "text": {"type": "string"},
    "monthly": {"type": "integer"}, "months": {"type": "integer"},
    "amount": {"type": "integer", "description": "đồng for the period"},
    "full_monthly": {"type": "integer"}}}
_HOUSEHOLD = {"type": "object", "properties": {
    "household": {"type": "object"}, "months": {"type": "array", "items": {"type": "integer"}},
    "members": {"type": "array", "items": {"type": "object", "properties": {
        "code": {"type": "string"}, "full_name": {"type": "string"},
        "position": {"type": "integer"}, "group": {"type": "string"},
        "valid_to": {"type": ["string", "null"], "format": "date"},
        "state": {"enum": ["valid", "expiring", "expired"]},
        "renewable": {"type": "boolean"}}}}}}
_ORDER = {"type": "object", "properties": {
    "id": {"type": "string"}, "kind": {"type": "string"}, "status": {"type": "string"},
    "amount": {"type": "integer"}, "expires_at": {"type": "string"},
    "paid_at": {"type": ["string", "null"]}, "receipt_number": {"type": ["string", "null"]},
    "pay_url": {"type": ["string", "null"]}}}
_QUOTE = {"type": "object", "properties": {
    "day": {"type": "string", "format": "date"}, "months": {"type": "integer"},
    "basis": _EXPLAINED, "lines": {"type": "array", "items": _EXPLAINED},
    "total": {"type": "integer", "description": "đồng"}, "total_text": {"type": "string"}}}


def document() -> dict:
    """The whole document."""
    code = _text(20, description="10-digit code, old 15-character card number or 12-digit ID")
    staff_code = _text(20, description="clinic staff code instead of `code`: facility code, "
                                       "'-', two digits (01H01-01)")
    paths = {
        "/api/auth/otp": {"post": _op(
            "Send a login code by SMS to the registered phone", ANYONE,
            {"type": "object", "properties": {"ok": {"type": "boolean"},
                                              "phone": {"type": "string"},
                                              "resend_after": {"type": "integer"}}},
            {"code": code, "staff_code": staff_code, "device_key": _JWK,
             "confirm_move": {"type": "boolean"}},
            errors=(400, 403, 404, 409, 413, 415, 429, 502))},
        "/api/auth/verify": {"post": _op(
            "Check the SMS code, bind this device, set the session cookie", ANYONE,
            {"type": "object", "properties": {"ok": {"type": "boolean"},
                                              "home": {"type": "string"}}},
            {"code": code, "staff_code": staff_code, "otp": _text(6), "device_key": _JWK,
             "device_name": _text(80)},
            errors=(400, 403, 404, 409, 413, 415, 429))},
        "/api/auth/session": {"get": _op(
            "Swap a single-use login ticket for the session cookie", ANYONE,
            params=[_query("ticket", _text(100))], errors=(), ok_status="303")},
        "/api/auth/logout": {"post": _op("End this session", LOGGED_IN, None, {},
                                         errors=_PROVEN)},
        "/api/auth/passkey/options": {"post": _op(
            "WebAuthn request options for a passkey login", ANYONE, None,
            {"device_key": _JWK}, errors=(400, 413, 415, 429))},
        "/api/auth/passkey": {"post": _op(
            "Log in with a passkey on the bound device", ANYONE, None,
            {"credential": _ANY, "device_key": _JWK, "device_signature": _text(200)},
            errors=(400, 404, 409, 413, 415))},
        "/api/passkeys/options": {"post": _op("WebAuthn creation options", LOGGED_IN, None,
                                              {}, errors=_PROVEN)},
        "/api/passkeys": {"post": _op("Store a new passkey", LOGGED_IN, None,
                                      {"credential": _ANY}, errors=_PROVEN)},
        "/api/security": {"get": _op("The bound device, passkeys and security events",
                                     CITIZEN, errors=(401,))},
        "/api/security/sign-out": {"post": _op("Sign this device out", CITIZEN, None, {},
                                               errors=_PROVEN)},
        "/api/me/language": {"post": _op("Keep the phone's language on the account", CITIZEN,
                                         None, {"lang": _text(5)}, errors=_PROVEN)},
        "/api/me": {"get": _op("Profile", CITIZEN, errors=(401,))},
        "/api/me/card": {"get": _op("Health-insurance card", CITIZEN, errors=(401, 404))},
        "/api/me/card.png": {"get": _op(
            "Card image", CITIZEN, {"type": "string", "format": "binary"},
            params=[_query("download", _text(1))], errors=(401, 404), media="image/png")},
        "/api/me/card/credentials": {"post": _op(
            "A live credential bound to this device (14 days) and a light QR (48 hours)",
            CITIZEN, None, {}, errors=_PROVEN + (404,))},
        "/api/me/photo": {"get": _op("The holder's photo", CITIZEN,
                                     {"type": "string", "format": "binary"}, errors=(401,),
                                     media="image/png")},
        "/api/me/participation": {"get": _op("Participation history", CITIZEN,
                                             errors=(401,))},
        "/api/me/benefits": {"get": _op("Benefits received", CITIZEN, errors=(401,))},
        "/api/me/visits": {"get": _op("Medical history", CITIZEN, errors=(401,))},
        "/api/me/household": {"get": _op(
            "The household the citizen heads (BHYT hộ gia đình): its members in order, each "
            "with their card's group and validity", CITIZEN, _HOUSEHOLD, errors=(401,))},
        "/api/me/household/quote": {"post": _op(
            "The price of renewing the members chosen for 3, 6 or 12 months: a line per "
            "member (figures, message id and values, text in the user's language) and the "
            "total, by the rules of api/domain/contribution_rules.py", CITIZEN, _QUOTE,
            {"members": {"type": "array", "maxItems": 30, "items": _text(10)},
             "months": {"type": "integer", "enum": [3, 6, 12]}}, errors=_PROVEN + (422,))},
        "/api/me/voluntary/quote": {"post": _op(
            "The price of voluntary social insurance: 22 % of the income chosen for 1, 3, 6 "
            "or 12 months, less the state's support for the person's category (from their "
            "record), each line explained, and the total", CITIZEN, _QUOTE,
            {"income": {"type": "integer", "minimum": 0},
             "months": {"type": "integer", "enum": [1, 3, 6, 12]}}, errors=_PROVEN + (422,))},
        "/api/me/payments": {"post": _op(
            "Start paying: an order made from a household renewal quote ({kind: "
            "household_bhyt, members, months}) or a voluntary social-insurance quote ({kind: "
            "voluntary_bhxh, income, months}), the quote frozen in it, and the provider's "
            "link where the payer confirms it (15 minutes)", CITIZEN, _ORDER,
            {"kind": {"type": "string", "enum": ["household_bhyt", "voluntary_bhxh"]},
             "members": {"type": "array", "maxItems": 30, "items": _text(10)},
             "months": {"type": "integer", "enum": [1, 3, 6, 12]},
             "income": {"type": "integer", "minimum": 0}},
            errors=_PROVEN + (422,), ok_status="201")},
        "/api/me/payments/{order_id}": {"get": _op(
            "One of the citizen's payment orders and where it stands (created, paid, "
            "failed, cancelled, expired)", CITIZEN, _ORDER,
            params=[_path("order_id", _text(64))], errors=(401, 404))},
        "/api/me/payments/{order_id}/receipt": {"get": _op(
            "The electronic receipt of a paid order: a printable page in the reader's "
            "language (own orders only)", CITIZEN, {"type": "string"},
            params=[_path("order_id", _text(64))], errors=(401, 404, 409),
            media="text/html")},
        "/api/payments/callback": {"post": _op(
            "The payment provider's signed callback (the simulated provider: HMAC-SHA256 "
            "over order_id|amount|result|provider_ref|timestamp|nonce). 200 {outcome: "
            "applied | duplicate}; refused and logged: 401 bad_signature, 404 "
            "unknown_order, 409 replay, wrong_amount or expired", ANYONE,
            {"type": "object", "properties": {"outcome": {"type": "string"}}},
            {"order_id": _text(64), "amount": {"type": "integer"},
             "result": {"type": "string", "enum": ["success", "failure", "cancel"]},
             "provider_ref": _text(64), "timestamp": {"type": "integer"},
             "nonce": _text(64), "signature": _text(64)},
            errors=(400, 401, 404, 409, 413, 415))},
        "/api/officer/announcements": {
            "get": _op("The newest announcements and how many people each reached", OFFICER,
                       errors=(401,)),
            "post": _op("Announce to everyone, a province or a beneficiary group (sent by "
                        "`make notify`)", OFFICER, None,
                        {"texts": {"type": "object"}, "audience": {
                            "type": "string", "enum": ["all", "province", "group"]},
                         "code": _text(4)}, errors=_PROVEN, ok_status="201")},
        "/api/officer/news": {
            "get": _op("The newest news and guides, every language written", OFFICER,
                       errors=(401,)),
            "post": _op("Publish news or a guide on the public news screen", OFFICER, None,
                        {"kind": {"type": "string", "enum": ["news", "guide"]},
                         "texts": {"type": "object"}}, errors=_PROVEN, ok_status="201")},
        "/api/officer/requests": {"get": _op(
            "A page of the officer's province's service requests, oldest first (the first "
            "page with the count per status)", OFFICER,
            params=[_query("status", _text(80, description="comma-separated statuses")),
                    _query("kind", _text(24)), _query("q", _text(20)),
                    _query("after", _text(80))], errors=(400, 401, 422))},
        "/api/officer/requests/{id}": {"get": _op(
            "One request of the officer's province beside the person's record, with its "
            "steps (who did what)", OFFICER, params=[_path("id", _text(40))],
            errors=(401, 404))},
        "/api/officer/requests/{id}/photos/{photo}": {"get": _op(
            "One photo attached to a request", OFFICER,
            {"type": "string", "format": "binary"},
            params=[_path("id", _text(40)), _path("photo", {"type": "integer"})],
            errors=(401, 404), media="image/jpeg")},
        "/api/officer/requests/{id}/decide": {"post": _op(
            "Receive, ask for more information, approve (applied to the records) or reject "
            "a request; the citizen is told", OFFICER, None,
            {"action": {"type": "string", "enum": ["receive", "ask", "approve", "reject"]},
             "note": _text(1000)}, params=[_path("id", _text(40))],
            errors=_PROVEN + (404, 409, 422))},
        "/api/officer/registrations": {"get": _op(
            "One page of the officer's province's account registrations, oldest first, with "
            "where each differs from the record", OFFICER,
            params=[_query("status", {"enum": ["open", "submitted", "needs_info", "done",
                                               "rejected"]}),
                    _query("source", {"enum": ["", "scanned", "typed"]}),
                    _query("q", _text(80)), _query("page", {"type": "integer", "minimum": 1})],
            errors=(400, 401))},
        "/api/officer/registrations/{id}": {"get": _op(
            "A registration beside the person's record, the differences field by field and "
            "the audit trail", OFFICER, params=[_REG_ID], errors=(401, 403, 404))},
        "/api/officer/registrations/{id}/photo/{which}": {"get": _op(
            "The applicant's face photo or the record's photo", OFFICER,
            {"type": "string", "format": "binary"},
            params=[_REG_ID, {"name": "which", "in": "path", "required": True,
                              "schema": {"enum": ["applicant", "record"]}}],
            errors=(401, 403, 404), media="image/jpeg")},
        "/api/officer/registrations/{id}/decision": {"post": _op(
            "Approve (opens the account), refuse with a reason or ask for more; the applicant "
            "is told by SMS and in the inbox", OFFICER, None,
            {"action": {"type": "string", "enum": ["approve", "reject", "ask"]},
             "note": _text(500), "confirmed": {"type": "boolean"}},
            params=[_REG_ID], errors=_PROVEN + (403, 404, 409))},
        "/api/register/code": {"post": _op(
            "Registration: send an SMS code to the applicant's phone to prove it", ANYONE,
            _SENT, {"code": code, "phone": _text(20)},
            errors=(400, 404, 409, 413, 415, 429, 502))},
        "/api/register": {"post": _op(
            "Registration: submit the form (filled from the ID card's QR or typed) with the "
            "SMS code and a face photo; answers the receipt to follow it with", ANYONE,
            _REG_STATUS, {"code": code, "phone": _text(20), "otp": _text(6),
                          **_REG_FORM}, errors=(400, 404, 409, 413, 415, 429),
            ok_status="201")},
        "/api/register/status": {"post": _op(
            "Registration: its status and timeline, for the receipt's holder", ANYONE,
            _REG_STATUS, {"receipt": _text(80)}, errors=(400, 404, 413, 415))},
        "/api/register/answer": {"post": _op(
            "Registration: answer an officer's question (a note, the corrected form)", ANYONE,
            _REG_STATUS, {"receipt": _text(80), "note": _text(500), **_REG_FORM},
            errors=(400, 404, 409, 413, 415))},
        "/api/news": {"get": _op(
            "The newest news and guides from the agency, in the reader's language or the "
            "nearest one written", ANYONE, errors=())},
        "/api/push/key": {"get": _op("The VAPID public key phones subscribe to pushes with",
                                     ANYONE, errors=())},
        "/api/push/subscribe": {"post": _op(
            "Receive notices as pushes on this device", CITIZEN, None,
            {"subscription": {"type": "object"}}, errors=_PROVEN, ok_status="201")},
        "/api/push/unsubscribe": {"post": _op(
            "Stop pushes to this device", CITIZEN, None, {"endpoint": _text(1024)},
            errors=_PROVEN)},
        "/api/sync/pull": {"get": _op(
            "Changes after a cursor (sync)", CITIZEN,
            params=[_query("since", _text(40)),
                    _query("limit", {"type": "integer", "minimum": 1, "maximum": 1000})],
            errors=(400, 401))},
        "/api/sync/push": {"post": _op(
            "Apply queued changes once each, in one transaction (sync): a citizen's "
            "(notice.read, draft.save, draft.delete, request.submit, request.answer, "
            "request.withdraw) or a clinic desk's (visit.checkin). The "
            "body may be sent with Content-Encoding: gzip (the request proof hashes the "
            "compressed bytes; at most 1 MB once inflated)", PUSHERS, None,
            {"mutations": {"type": "array", "maxItems": 200, "items": {
                "type": "object", "properties": {"id": _text(40), "type": _text(24),
                                                 "data": _ANY}}}},
            errors=_PROVEN)},
        "/api/clinic/me": {"get": _op(
            "This desk's staff account and facility", CLINIC,
            {"type": "object", "properties": {
                "staff_code": {"type": "string"}, "full_name": {"type": "string"},
                "role": {"type": "string"},
                "facility": {"type": ["object", "null"], "properties": {
                    "code": {"type": "string"}, "name": {"type": "string"},
                    "province": {"type": "string"}}}}},
            errors=(401, 403))},
        "/api/clinic/lookup": {"post": _op(
            "One card by its whole code, card number or personal ID (no partial search; "
            "logged, slowed down past a number an hour)", CLINIC,
            {"type": "object", "properties": {"card": _DESK_CARD,
                                              "primary_here": {"type": "boolean"},
                                              "revoked": {"type": "boolean"}}},
            {"query": code}, errors=_PROVEN + (404,))},
        "/api/clinic/scan": {"post": _op(
            "Verify a QR scanned online, log the scan; the verdict and whether a photo "
            "exists", CLINIC,
            {"type": "object", "properties": {
                "ok": {"type": "boolean"}, "kind": {"type": "string"},
                "holderBound": {"type": "boolean"}, "claims": _DESK_CARD,
                "primary_here": {"type": "boolean"}, "photo": {"type": "boolean"}}},
            {"qr": _text(600)}, errors=_PROVEN + (422,))},
        "/api/clinic/photo/{code}": {"get": _op(
            "The holder's photo, for a card this facility scanned or typed in the last 12 "
            "hours (logged)", CLINIC, {"type": "string", "format": "binary"},
            params=[{"name": "code", "in": "path", "required": True, "schema": _text(10)}],
            errors=(401, 403, 404), media="image/png")},
        "/api/clinic/visits": {"get": _op(
            "This facility's visits recorded today, newest first", CLINIC,
            {"type": "object", "properties": {
                "facility": {"type": "string"},
                "visits": {"type": "array", "items": {"type": "object", "properties": {
                    k: {"type": t} for k, t in (
                        ("id", "string"), ("code", "string"), ("full_name", "string"),
                        ("at", "string"), ("reason", "string"),
                        ("checked_offline", "boolean"), ("how", "string"),
                        ("mine", "boolean"))}}}}},
            errors=(401,))},
        "/api/health": {"get": _op(
            "Whether this server can answer: its database (and Redis when used)", ANYONE,
            {"type": "object", "properties": {k: {"type": "string"} for k in (
                "status", "database", "redis")}}, errors=(503,))},
        "/api/card-keys": {"get": _op("Issuer public keys (JWK set) for offline QR checks",
                                      ANYONE, errors=())},
        "/api/card/verify": {"post": _op("Verify a card QR (static, live or light) on the "
                                         "server", ANYONE, None, {"qr": _text(600)},
                                         errors=(400, 413, 415, 422))},
        "/api/revocations": {"get": _op(
            "The card revocation list: everything packed, or the changes after a cursor, "
            "with the issuer-signed head (docs/qr-format.md)", ANYONE,
            params=[_query("since", _text(40))], errors=(400,))},
        "/api/provinces": {"get": _op(
            "The 34 provinces in Vietnamese order (with the former ones), or those matching "
            "a name, old names included", ANYONE, params=[_query("q", _text())],
            errors=(400,))},
        "/api/lookup/code": {"get": _op(
            "Find one's own code: a masked answer; the code itself goes by SMS to the "
            "registered phone", ANYONE,
            params=[_query("name", _text()), _query("dob", _text(10, format="date")),
                    _query("province", _text(10))], errors=(400, 404, 429))},
        "/api/lookup/{kind}": {"get": _op(
            "Facilities, agencies, employers or collection agents", ANYONE,
            params=[{"name": "kind", "in": "path", "required": True, "schema": {
                "enum": ["facilities", "agencies", "employers", "agents"]}},
                _query("q", _text()), _query("province", _text(10)),
                _query("page", {"type": "integer", "minimum": 1}),
                _query("contracted", _text(1)), _query("sick_leave", _text(1))],
            errors=(400, 404))},
        "/api/help/ask": {"get": _op(
            "The help assistant: the FAQ entry that answers a question, in the reader's "
            "language, with the screen that helps; or 'I do not know' with the hotline",
            ANYONE, params=[_query("q", _text(300))], errors=(400,))},
        "/api/openapi.json": {"get": _op("This document", ANYONE, errors=())},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "BHXH số wallet API", "version": "1",
                 "description": "Errors are {error, message} with the message in the user's "
                                "language (?lang=, the lang cookie or Accept-Language). "
                                "Writes take JSON from the app's own origin only; bodies "
                                f"are limited to {API_BODY_LIMIT // 1024} KB "
                                f"({API_BODY_LIMITS['/api/sync/push'] // 1024} KB for a "
                                "sync push)."},
        "paths": paths,
        "components": {"securitySchemes": {
            "session": {"type": "apiKey", "in": "cookie", "name": "wallet_session"},
            "deviceProof": {"type": "apiKey", "in": "header", "name": "Device-Proof",
                            "description": "single-use ES256 request proof, see README"}}},
    }


async def serve(request: Request) -> Response:
    """GET /api/openapi.json (roles: anyone)."""
    return JSONResponse(document(), headers={"Cache-Control": "public, max-age=300"})


routes = [Route("/api/openapi.json", serve, methods=["GET"])]


def write() -> None:
    """Rewrite the repository's copy."""
    FILE.write_text(json.dumps(document(), indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write()
