"""Writes tests/vectors/vectors.json: card QR texts with the verdict every verifier must
reach (the Python one in api/card/verifier.py, the browser one in assets/card_qr.js, and a
third party's, see docs/qr-format.md).

Keys are fixed test keys (private scalars below, never used anywhere else), so anyone can
re-run this and check; ECDSA signatures are randomised, so the QR texts differ per run but
the verdicts do not. Run: `.venv/bin/python -m tests.vectors.make_vectors`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec

from api.card import keys, light, live, qr, revocation
from api.card.base45 import b45decode
from api.card.envelope import sign_raw, wrap

OUT = Path(__file__).with_name("vectors.json")
ISSUER = ec.derive_private_key(0x1B2C3D4E5F60718293A4B5C6D7E8F90112233445566778899AABBCCDDEEFF00,
                               ec.SECP256R1())
STRANGER = ec.derive_private_key(0x5EED0000000000000000000000000000000000000000000000000000C0FFEE,
                                 ec.SECP256R1())
PHONE = ec.derive_private_key(0xD1CE000000000000000000000000000000000000000000000000000000001,
                              ec.SECP256R1())
OTHER_PHONE = ec.derive_private_key(0xD1CE00000000000000000000000000000000000000000000000000002,
                                    ec.SECP256R1())
TODAY = dt.date(2026, 11, 26)
NOW = 1_795_680_000  # 2026-11-26T08:00:00Z, 15:00 in Vietnam


def claims(code: str = "7901234567", valid_to: dt.date = dt.date(2027, 12, 31),
           issued: dt.date = dt.date(2026, 1, 2), key: ec.EllipticCurvePrivateKey = ISSUER,
           name: str = "Nguyễn Thị Lan") -> qr.CardClaims:
    """Claims of a demo card signed by `key`."""
    return qr.CardClaims(code, name, dt.date(1990, 5, 17), "F", "DN", 80, "79001", valid_to,
                         issued, keys.key_id(key.public_key()))


def phone_signer(key: ec.EllipticCurvePrivateKey):
    """What the phone's WebCrypto does with its device key."""
    return lambda data: sign_raw(key, data)


def live_qr(card: qr.CardClaims, at: int = NOW - 10, phone=PHONE, holder=PHONE,
            valid_from: dt.date = dt.date(2026, 1, 1), key=ISSUER) -> str:
    """A live QR of `card` bound to `holder`'s key, made by `phone` at `at`."""
    signed = live.issue(card, valid_from, holder.public_key(), TODAY, key)
    return live.make_qr(signed, at, phone_signer(phone))


def tampered_static() -> str:
    """A static QR whose benefit level was raised after signing."""
    blob = b45decode(qr.sign(claims(), ISSUER)[len(qr.PREFIX):])
    payload, sig = blob[:-64], blob[-64:]
    return wrap(qr.PREFIX, payload.replace(b"|80|", b"|99|") + sig)


def tampered_live() -> str:
    """A live QR whose name was changed in the credential (device signature redone, so only
    the issuer's signature fails)."""
    signed = bytearray(live.issue(claims(), dt.date(2026, 1, 1), PHONE.public_key(), TODAY,
                                  ISSUER))
    i = signed.index(b"Lan")
    signed[i:i + 3] = b"Lam"
    return live.make_qr(bytes(signed), NOW - 10, phone_signer(PHONE))


def cases() -> list[dict]:
    """Every vector: name, text, and what a verifier must answer."""
    revoked_card = claims(code="7909999999")
    lost_phone = OTHER_PHONE
    rows = [
        ("static_valid", qr.sign(claims(), ISSUER), "static", True, None),
        ("static_expired", qr.sign(claims(valid_to=dt.date(2026, 11, 25)), ISSUER), "static",
         False, "qr_expired"),
        ("static_not_yet_valid", qr.sign(claims(issued=dt.date(2026, 12, 1)), ISSUER), "static",
         False, "qr_not_yet_valid"),
        ("static_tampered", tampered_static(), "static", False, "qr_bad_signature"),
        ("static_unknown_key", qr.sign(claims(key=STRANGER), STRANGER), "static", False,
         "qr_unknown_key"),
        ("static_revoked", qr.sign(revoked_card, ISSUER), "static", False, "qr_revoked"),
        ("live_valid", live_qr(claims()), "live", True, None),
        ("live_from_phone_clock_ahead", live_qr(claims(), at=NOW + 45), "live", True, None),
        ("live_stale_screenshot", live_qr(claims(), at=NOW - 150), "live", False, "qr_stale"),
        ("live_wrong_device", live_qr(claims(), phone=OTHER_PHONE), "live", False,
         "qr_wrong_device"),
        ("live_tampered", tampered_live(), "live", False, "qr_bad_signature"),
        ("live_unknown_key", live_qr(claims(key=STRANGER), key=STRANGER), "live", False,
         "qr_unknown_key"),
        ("live_revoked_card", live_qr(revoked_card), "live", False, "qr_revoked"),
        ("live_revoked_device", live_qr(claims(), phone=lost_phone, holder=lost_phone), "live",
         False, "qr_revoked"),
        ("live_not_yet_valid", live_qr(claims(), valid_from=dt.date(2026, 12, 1)), "live",
         False, "qr_not_yet_valid"),
        ("light_valid", light.issue("7901234567", "Nguyễn Thị Lan", dt.date(1990, 5, 17),
                                    dt.date(2027, 12, 31), dt.date(2026, 1, 2), NOW - 3600,
                                    ISSUER), "light", True, None),
        ("light_expired", light.issue("7901234567", "Nguyễn Thị Lan", dt.date(1990, 5, 17),
                                      dt.date(2027, 12, 31), dt.date(2026, 1, 2),
                                      NOW - 49 * 3600, ISSUER), "light", False, "qr_expired"),
        ("not_a_card", "https://example.com/not-a-card", "unknown", False, "qr_format"),
        ("broken_base45", "BV1:AB", "static", False, "qr_format"),
    ]
    return [{"name": n, "qr": text, "expect": {"kind": k, "ok": ok, "reason": reason,
                                                 "holder_bound": ok and k == "live"}}
            for n, text, k, ok, reason in rows]


def revoked() -> list[str]:
    """The revocation list of the vectors: one card, one device key."""
    return sorted([revocation.card_entry("7909999999", dt.date(2026, 1, 2)).hex(),
                   revocation.device_entry(live.compressed(OTHER_PHONE.public_key())).hex()])


def main() -> None:
    """Write the vectors file."""
    data = {
        "about": "Card QR test vectors; see docs/qr-format.md. Verify each 'qr' at Unix time "
                 "'now' on date 'today' with 'jwks' as the trusted issuer keys and 'revoked' "
                 "as the revocation list; the verdict must equal 'expect'.",
        "now": NOW, "today": TODAY.isoformat(),
        "jwks": {"keys": [keys.public_jwk(ISSUER.public_key())]},
        "revoked": revoked(),
        "cases": cases(),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['cases'])} vectors")


if __name__ == "__main__":
    main()
