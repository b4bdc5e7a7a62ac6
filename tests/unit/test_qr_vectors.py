"""The Python verifier against the published test vectors (tests/vectors/vectors.json), and
the vectors against a fresh run of their generator (same verdicts, new signatures)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from api.card import keys, live
from api.card.verifier import Trust, verify_any
from tests.vectors import make_vectors

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "vectors.json").read_text())


def _trust(data: dict) -> Trust:
    return Trust({k["kid"]: keys.jwk_to_public_key(k) for k in data["jwks"]["keys"]},
                 frozenset(bytes.fromhex(h) for h in data["revoked"]))


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["name"])
def test_vector(case: dict) -> None:
    verdict = verify_any(case["qr"], _trust(VECTORS), VECTORS["now"],
                         dt.date.fromisoformat(VECTORS["today"]))
    assert {"kind": verdict.kind, "ok": verdict.ok, "reason": verdict.reason,
            "holder_bound": verdict.holder_bound} == case["expect"]
    if verdict.ok:
        assert verdict.claims["code"] == "7901234567"
        assert verdict.claims["full_name"] == "Nguyễn Thị Lan"


def test_every_refusal_has_a_vector() -> None:
    reasons = {c["expect"]["reason"] for c in VECTORS["cases"]}
    assert reasons >= {None, "qr_format", "qr_unknown_key", "qr_bad_signature", "qr_expired",
                       "qr_not_yet_valid", "qr_revoked", "qr_stale", "qr_wrong_device"}
    assert {c["expect"]["kind"] for c in VECTORS["cases"] if c["expect"]["ok"]} == {
        "static", "live", "light"}


def test_the_generator_still_gives_these_verdicts() -> None:
    fresh = {c["name"]: c for c in make_vectors.cases()}
    assert {n: c["expect"] for n, c in fresh.items()} == {
        c["name"]: c["expect"] for c in VECTORS["cases"]}
    trust = Trust({k["kid"]: keys.jwk_to_public_key(k) for k in VECTORS["jwks"]["keys"]},
                  frozenset(bytes.fromhex(h) for h in make_vectors.revoked()))
    for name, case in fresh.items():
        verdict = verify_any(case["qr"], trust, make_vectors.NOW, make_vectors.TODAY)
        assert (verdict.ok, verdict.reason) == (case["expect"]["ok"],
                                                case["expect"]["reason"]), name


def test_freshness_edges() -> None:
    card = make_vectors.claims()
    trust = _trust(VECTORS)
    today = make_vectors.TODAY
    for age, ok in ((live.FRESH_SECONDS, True), (live.FRESH_SECONDS + 1, False),
                    (-live.FUTURE_SECONDS, True), (-live.FUTURE_SECONDS - 1, False)):
        text = make_vectors.live_qr(card, at=make_vectors.NOW - age)
        assert verify_any(text, trust, make_vectors.NOW, today).ok is ok, age


def test_credential_lifetime_is_capped_by_the_card() -> None:
    card = make_vectors.claims(valid_to=make_vectors.TODAY + dt.timedelta(days=3))
    signed = live.issue(card, dt.date(2026, 1, 1), make_vectors.PHONE.public_key(),
                        make_vectors.TODAY, make_vectors.ISSUER)
    cred = live.decode_credential(signed[:-64])
    assert cred.not_after == card.valid_to
    signed = live.issue(make_vectors.claims(), dt.date(2026, 1, 1),
                        make_vectors.PHONE.public_key(), make_vectors.TODAY, make_vectors.ISSUER)
    assert live.decode_credential(signed[:-64]).not_after == make_vectors.TODAY + dt.timedelta(
        days=live.CREDENTIAL_DAYS)


@pytest.mark.parametrize("junk", ["", "BVD1:", "BVD1:00", "BVI1:ZZZZ", "BV1:" + "0" * 300,
                                  "BVD1:" + "A" * 400])
def test_junk_is_a_format_refusal(junk: str) -> None:
    verdict = verify_any(junk, _trust(VECTORS), VECTORS["now"], make_vectors.TODAY)
    assert (verdict.ok, verdict.reason) == (False, "qr_format")
