"""Login by code + SMS OTP, on SQLite and PostgreSQL: the NIST SP 800-63B rules."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from api.auth import otp, sessions
from api.clock import utcnow
from api.services.errors import UserError
from api.services.login import confirm_code, find_person, request_code
from tests.conftest import last_sms, sms_code
from tests.devicekit import Device

AN = "0123456789"
JWK = Device().jwk


def shift_clock(monkeypatch: pytest.MonkeyPatch, **delta: float) -> None:
    """Move the OTP module's clock forward."""
    later = utcnow() + dt.timedelta(**delta)
    monkeypatch.setattr(otp, "utcnow", lambda: later)


def reason(exc: pytest.ExceptionInfo[UserError]) -> str:
    return exc.value.reason


def test_code_is_sent_to_registered_phone_in_person_language(use_db: Engine) -> None:
    with Session(use_db) as s:
        sent = request_code(s, AN, "en", JWK, confirm_move=True)
    assert sent.masked_phone == "*******678" and sent.resend_after == 60
    body = last_sms(use_db, AN)
    assert "mã đăng nhập" in body  # An's account language is Vietnamese
    with Session(use_db) as s:
        request_code(s, "2712345670", "vi", JWK, confirm_move=True)
    assert "login code" in last_sms(use_db, "2712345670")  # Kim's is English


@pytest.mark.parametrize("typed", ["0123456789", "DN4010123456789", "001072012345",
                                   " 0123 456 789 "])
def test_every_identifier_form_finds_the_person(use_db: Engine, typed: str) -> None:
    with Session(use_db) as s:
        assert find_person(s, typed).code == AN


@pytest.mark.parametrize("typed, why", [("", "empty"), ("12ab", "format"),
                                        ("0000000001", "unknown_person")])
def test_bad_identifiers(use_db: Engine, typed: str, why: str) -> None:
    with Session(use_db) as s, pytest.raises(UserError) as err:
        request_code(s, typed, "vi", JWK, confirm_move=True)
    assert reason(err) == why


def test_right_code_gives_a_ticket_once(use_db: Engine) -> None:
    with Session(use_db) as s:
        request_code(s, AN, "vi", JWK, confirm_move=True)
    code = sms_code(use_db, AN)
    with Session(use_db) as s:
        ticket = confirm_code(s, AN, code, JWK, "Test browser")
    with Session(use_db) as s, pytest.raises(UserError) as err:
        confirm_code(s, AN, code, JWK, "Test browser")
    assert reason(err) == "otp_used"
    with Session(use_db) as s:
        token = sessions.redeem_ticket(s, ticket)
        s.commit()
        assert token and sessions.redeem_ticket(s, ticket) is None  # ticket single use
        assert sessions.person_for_token(s, token) == find_person(s, AN).id
        sessions.revoke(s, token)
        s.commit()
        assert sessions.person_for_token(s, token) is None


def test_five_wrong_tries_kill_the_code(use_db: Engine) -> None:
    with Session(use_db) as s:
        request_code(s, AN, "vi", JWK, confirm_move=True)
    good = sms_code(use_db, AN)
    wrong = f"{(int(good) + 1) % 10**6:06d}"
    left = []
    for _ in range(4):
        with Session(use_db) as s, pytest.raises(UserError) as err:
            confirm_code(s, AN, wrong, JWK, "Test browser")
        assert reason(err) == "otp_wrong"
        left.append(err.value.values["tries"])
    assert left == [4, 3, 2, 1]
    with Session(use_db) as s, pytest.raises(UserError) as err:
        confirm_code(s, AN, wrong, JWK, "Test browser")
    assert reason(err) == "otp_locked"
    with Session(use_db) as s, pytest.raises(UserError) as err:
        confirm_code(s, AN, good, JWK, "Test browser")  # even the right code is refused now
    assert reason(err) == "otp_locked"


def test_code_expires_after_five_minutes(use_db: Engine, monkeypatch) -> None:
    with Session(use_db) as s:
        request_code(s, AN, "vi", JWK, confirm_move=True)
    code = sms_code(use_db, AN)
    shift_clock(monkeypatch, minutes=5, seconds=1)
    with Session(use_db) as s, pytest.raises(UserError) as err:
        confirm_code(s, AN, code, JWK, "Test browser")
    assert reason(err) == "otp_expired"


def test_resend_is_throttled_and_says_when(use_db: Engine, monkeypatch) -> None:
    with Session(use_db) as s:
        request_code(s, AN, "vi", JWK, confirm_move=True)
    with Session(use_db) as s, pytest.raises(UserError) as err:
        request_code(s, AN, "vi", JWK, confirm_move=True)
    assert reason(err) == "resend_too_soon" and 50 <= err.value.values["seconds"] <= 61
    assert "60 s" in err.value.message("en") or "61 s" in err.value.message("en")
    shift_clock(monkeypatch, seconds=61)
    with Session(use_db) as s:
        request_code(s, AN, "vi", JWK, confirm_move=True)  # allowed again


def test_daily_cap(use_db: Engine, monkeypatch) -> None:
    for n in range(otp.DAILY_CAP):
        shift_clock(monkeypatch, minutes=2 * n)
        with Session(use_db) as s:
            request_code(s, AN, "vi", JWK, confirm_move=True)
    shift_clock(monkeypatch, minutes=2 * otp.DAILY_CAP)
    with Session(use_db) as s, pytest.raises(UserError) as err:
        request_code(s, AN, "vi", JWK, confirm_move=True)
    assert reason(err) == "daily_cap"


@pytest.mark.parametrize("typed_code", ["", "12345", "abcdef", "1234567"])
def test_malformed_codes(use_db: Engine, typed_code: str) -> None:
    with Session(use_db) as s:
        request_code(s, AN, "vi", JWK, confirm_move=True)
    with Session(use_db) as s, pytest.raises(UserError) as err:
        confirm_code(s, AN, typed_code, JWK, "Test browser")
    assert reason(err) == "otp_format"


def test_only_a_digest_of_the_code_is_stored(use_db: Engine) -> None:
    from sqlalchemy import text

    with Session(use_db) as s:
        request_code(s, AN, "vi", JWK, confirm_move=True)
    code = sms_code(use_db, AN)
    with use_db.connect() as conn:
        stored = conn.execute(text("SELECT code_digest FROM otpchallenge")).scalar_one()
    assert code not in stored and len(stored) >= 32


def test_a_shared_address_slows_down_but_never_refuses(use_db: Engine, monkeypatch) -> None:
    """Many subscribers share one carrier address: one person's mistakes slow the address
    down gently, and a second person with the right code still gets in."""
    from api.auth import throttle as limits

    monkeypatch.setattr(limits, "ADDRESS_SOFT_LIMIT", {"send": 2, "verify": 2})
    shared = "203.0.113.9"
    people = ["0123456789", "7912345678", "2712345670"]
    for code in people:
        with Session(use_db) as s:
            assert limits.address_pause(s, "send", shared) <= limits.PAUSE_STEP
            request_code(s, code, "vi", JWK, confirm_move=True, client=shared)
    with Session(use_db) as s:
        first_pause = limits.address_pause(s, "send", shared)
    assert 0 < first_pause <= limits.PAUSE_CAP
    # Someone behind the same address types wrong codes for two accounts, over and over.
    for code in people[1:]:
        wrong = f"{(int(sms_code(use_db, code)) + 1) % 10**6:06d}"
        for _ in range(3):
            with Session(use_db) as s, pytest.raises(UserError) as err:
                confirm_code(s, code, wrong, JWK, "x", client=shared)
            assert reason(err) in ("otp_wrong", "otp_locked")
    with Session(use_db) as s:
        slowed = limits.address_pause(s, "verify", shared)
        assert 0 < slowed <= limits.PAUSE_CAP
        assert limits.address_pause(s, "verify", "198.51.100.7") == 0  # others: no wait
    # The right code from the same address is accepted.
    with Session(use_db) as s:
        assert confirm_code(s, AN, sms_code(use_db, AN), JWK, "x", client=shared)
    # However many attempts, the wait is capped: slower, never shut.
    with Session(use_db) as s:
        for _ in range(100):
            limits.count_address(s, "verify", shared)
        s.commit()
        assert limits.address_pause(s, "verify", shared) == limits.PAUSE_CAP


def test_the_move_warning_names_no_device(use_db: Engine) -> None:
    """Until the code is proven, nobody learns which device holds an account."""
    with Session(use_db) as s:  # the account is bound to a first phone
        request_code(s, AN, "vi", JWK, confirm_move=True)
        confirm_code(s, AN, sms_code(use_db, AN), JWK, "Chrome · Android")
    with Session(use_db) as s, pytest.raises(UserError) as err:
        request_code(s, AN, "vi", Device().jwk, client="203.0.113.50")
    assert reason(err) == "device_in_use" and not err.value.values
    for lang in ("vi", "en", "zh", "ja", "ko"):
        assert "Android" not in err.value.message(lang)
