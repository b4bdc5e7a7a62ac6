"""Check any card QR (static, live or light), offline, against a trust list: the issuer
keys and the revocation entries a clinic device keeps. One function per stage, in the
order a verdict is reached; the browser verifier (assets/card_qr.js) follows the same order
and both are tested against tests/vectors/.

Order: format -> issuer key known -> issuer signature -> revoked -> not yet valid ->
expired -> (live) device signature -> (live) freshness. The first failure is the verdict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric import ec

from api.card import light, live, qr, revocation
from api.card.envelope import QrError


@dataclass(frozen=True)
class Trust:
    """What a verifier holds: issuer keys by id and revoked entries."""

    keys: dict[str, ec.EllipticCurvePublicKey]
    revoked: frozenset[bytes] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Verdict:
    """The answer shown at the desk. `holder_bound` only for a live QR that passed."""

    kind: str  # static / live / light / unknown
    ok: bool
    reason: str | None = None
    holder_bound: bool = False
    claims: dict[str, object] | None = None


def _card_fields(c: qr.CardClaims) -> dict[str, object]:
    return {"code": c.code, "full_name": c.full_name, "dob": c.dob.isoformat(), "sex": c.sex,
            "group": c.group_code, "level": c.benefit_level, "facility": c.facility_code,
            "valid_to": c.valid_to.isoformat(), "issued_at": c.issued_at.isoformat(),
            "kid": c.kid}


def _static(text: str, trust: Trust, today: dt.date) -> Verdict:
    c = qr.open_signed(text, trust.keys)
    if revocation.card_entry(c.code, c.issued_at) in trust.revoked:
        raise QrError("qr_revoked")
    if c.issued_at > today:
        raise QrError("qr_not_yet_valid")
    if c.valid_to < today:
        raise QrError("qr_expired")
    return Verdict("static", True, claims=_card_fields(c))


def _live(text: str, trust: Trust, now: int, today: dt.date) -> Verdict:
    opened = live.open_signed(text, trust.keys)
    cred = opened.credential
    c = cred.card
    if (revocation.card_entry(c.code, c.issued_at) in trust.revoked
            or revocation.device_entry(cred.device_key) in trust.revoked):
        raise QrError("qr_revoked")
    if cred.valid_from > today or c.issued_at > today:
        raise QrError("qr_not_yet_valid")
    if c.valid_to < today or cred.not_after < today:
        raise QrError("qr_expired")
    if not opened.device_signed:
        raise QrError("qr_wrong_device")
    if not -live.FUTURE_SECONDS <= now - opened.at <= live.FRESH_SECONDS:
        raise QrError("qr_stale")
    claims = {**_card_fields(c), "valid_from": cred.valid_from.isoformat(),
              "not_after": cred.not_after.isoformat(), "at": opened.at}
    return Verdict("live", True, holder_bound=True, claims=claims)


def _light(text: str, trust: Trust, now: int, today: dt.date) -> Verdict:
    c = light.open_signed(text, trust.keys)
    if revocation.card_entry(c.code, c.issued_at) in trust.revoked:
        raise QrError("qr_revoked")
    if c.issued_at > today:
        raise QrError("qr_not_yet_valid")
    if c.valid_to < today or c.expires < now:
        raise QrError("qr_expired")
    return Verdict("light", True, claims={
        "code": c.code, "full_name": c.full_name, "dob": c.dob.isoformat(),
        "valid_to": c.valid_to.isoformat(), "issued_at": c.issued_at.isoformat(),
        "expires": c.expires, "kid": c.kid})


def kind_of(text: str) -> str:
    """Which kind a QR text claims to be, by its prefix."""
    text = (text or "").strip()
    for prefix, kind in ((qr.PREFIX, "static"), (live.PREFIX, "live"), (light.PREFIX, "light")):
        if text.startswith(prefix):
            return kind
    return "unknown"


def verify_any(text: str, trust: Trust, now: int, today: dt.date) -> Verdict:
    """The verdict on a scanned text at Unix time `now` on the verifier's date `today`."""
    kind = kind_of(text)
    try:
        if kind == "static":
            return _static(text, trust, today)
        if kind == "live":
            return _live(text, trust, now, today)
        if kind == "light":
            return _light(text, trust, now, today)
        raise QrError("qr_format")
    except QrError as exc:
        return Verdict(kind, False, reason=exc.reason)
