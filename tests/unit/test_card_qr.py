"""The signed card QR: real ECDSA P-256 keys, tampering, unknown issuers, expiry, size."""

from __future__ import annotations

import datetime as dt

import pytest
import segno
from cryptography.hazmat.primitives.asymmetric import ec

from api.card import keys, qr
from api.card.base45 import b45decode, b45encode

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def issuer() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def claims_for(key: ec.EllipticCurvePrivateKey, **changes: object) -> qr.CardClaims:
    base = dict(code="0123456789", full_name="Nguyễn Văn An", dob=dt.date(1972, 5, 14),
                sex="M", group_code="DN", benefit_level=80, facility_code="01005",
                valid_to=dt.date(2026, 12, 31), issued_at=dt.date(2026, 1, 1),
                kid=keys.key_id(key.public_key()))
    base.update(changes)
    return qr.CardClaims(**base)


def trusted(key: ec.EllipticCurvePrivateKey) -> dict[str, ec.EllipticCurvePublicKey]:
    return {keys.key_id(key.public_key()): key.public_key()}


def test_sign_and_verify_round_trip(issuer: ec.EllipticCurvePrivateKey) -> None:
    claims = claims_for(issuer)
    text = qr.sign(claims, issuer)
    assert qr.verify(text, trusted(issuer), today=TODAY) == claims


def test_payload_is_small_and_qr_alphanumeric(issuer: ec.EllipticCurvePrivateKey) -> None:
    # A long name with many diacritics is the worst realistic case.
    text = qr.sign(claims_for(issuer, full_name="Nguyễn Thị Huỳnh Phượng Quỳnh Trâm"), issuer)
    assert len(text) < 300
    assert set(text) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    symbol = segno.make(text, error="m", boost_error=False)
    assert symbol.mode == "alphanumeric"
    assert symbol.version <= 10  # readable on a phone screen at arm's length


def test_tampered_payload_is_refused(issuer: ec.EllipticCurvePrivateKey) -> None:
    text = qr.sign(claims_for(issuer), issuer)
    blob = bytearray(b45decode(text[len(qr.PREFIX):]))
    blob[blob.index(b"|80|") + 1:blob.index(b"|80|") + 3] = b"95"  # 80 % -> 95 %
    forged = qr.PREFIX + b45encode(bytes(blob))
    with pytest.raises(qr.QrError) as err:
        qr.verify(forged, trusted(issuer), today=TODAY)
    assert err.value.reason == "qr_bad_signature"


def test_signature_of_another_key_with_same_kid_is_refused(
        issuer: ec.EllipticCurvePrivateKey) -> None:
    other = ec.generate_private_key(ec.SECP256R1())
    text = qr.sign(claims_for(issuer), other)  # claims name the issuer's kid
    with pytest.raises(qr.QrError) as err:
        qr.verify(text, trusted(issuer), today=TODAY)
    assert err.value.reason == "qr_bad_signature"


def test_unknown_key_id_is_refused(issuer: ec.EllipticCurvePrivateKey) -> None:
    stranger = ec.generate_private_key(ec.SECP256R1())
    text = qr.sign(claims_for(stranger), stranger)
    with pytest.raises(qr.QrError) as err:
        qr.verify(text, trusted(issuer), today=TODAY)
    assert err.value.reason == "qr_unknown_key"


def test_expired_card_is_refused(issuer: ec.EllipticCurvePrivateKey) -> None:
    text = qr.sign(claims_for(issuer, valid_to=dt.date(2026, 11, 22)), issuer)
    with pytest.raises(qr.QrError) as err:
        qr.verify(text, trusted(issuer), today=TODAY)
    assert err.value.reason == "qr_expired"
    # The last valid day still passes.
    assert qr.verify(text, trusted(issuer), today=dt.date(2026, 11, 22))


@pytest.mark.parametrize("text", ["", "hello", "BV1:", "BV1:abc", "BV2:BB8", "BV1:" + "A" * 90])
def test_garbage_is_a_format_error(issuer: ec.EllipticCurvePrivateKey, text: str) -> None:
    with pytest.raises(qr.QrError) as err:
        qr.verify(text, trusted(issuer), today=TODAY)
    assert err.value.reason == "qr_format"


def test_jwk_round_trip_and_key_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CARD_KEY_FILE", str(tmp_path / "k.pem"))
    key = keys.signing_key()
    assert (tmp_path / "k.pem").stat().st_mode & 0o777 == 0o600
    [jwk] = keys.jwks()["keys"]
    assert jwk["kid"] == keys.key_id(key.public_key()) and jwk["crv"] == "P-256"
    assert keys.jwk_to_public_key(jwk).public_numbers() == key.public_key().public_numbers()


def test_rotated_out_key_still_verifies(tmp_path, monkeypatch) -> None:
    import json

    old = ec.generate_private_key(ec.SECP256R1())
    (tmp_path / "old.json").write_text(json.dumps({"keys": [keys.public_jwk(old.public_key())]}))
    monkeypatch.setenv("CARD_KEY_FILE", str(tmp_path / "new.pem"))
    monkeypatch.setenv("CARD_TRUSTED_KEYS", str(tmp_path / "old.json"))
    text = qr.sign(claims_for(old), old)
    assert qr.verify(text, today=TODAY).code == "0123456789"
