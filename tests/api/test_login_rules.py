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


def test_attempts_are_throttled_per_client_across_accounts(use_db: Engine,
                                                           monkeypatch) -> None:
    """Brute force spread over many accounts from one client is slowed down too."""
    import api.services.login as login_rules

    monkeypatch.setattr(login_rules, "CLIENT_FAILURES_PER_HOUR", 3)
    monkeypatch.setattr(login_rules, "CLIENT_SENDS_PER_HOUR", 3)
    people = ["0123456789", "7912345678", "2712345670"]
    for code in people:
        with Session(use_db) as s:
            request_code(s, code, "vi", JWK, confirm_move=True, client="203.0.113.9")
    with Session(use_db) as s, pytest.raises(UserError) as err:
        request_code(s, AN, "vi", JWK, confirm_move=True, client="203.0.113.9")
    assert reason(err) == "client_throttled" and err.value.values["seconds"] > 3000
    for code in people:
        wrong = f"{(int(sms_code(use_db, code)) + 1) % 10**6:06d}"
        with Session(use_db) as s, pytest.raises(UserError) as err:
            confirm_code(s, code, wrong, JWK, "x", client="203.0.113.9")
        assert reason(err) == "otp_wrong"
    with Session(use_db) as s, pytest.raises(UserError) as err:
        confirm_code(s, "0123456789", sms_code(use_db, AN), JWK, "x", client="203.0.113.9")
    assert reason(err) == "client_throttled"  # even the right code waits
    with Session(use_db) as s:  # another client is not affected
        assert confirm_code(s, AN, sms_code(use_db, AN), JWK, "x", client="198.51.100.7")


def test_asking_which_device_holds_an_account_is_throttled(use_db: Engine, monkeypatch) -> None:
    """The move warning names the bound device: asking code after code is limited too."""
    import api.services.login as login_rules

    monkeypatch.setattr(login_rules, "CLIENT_SENDS_PER_HOUR", 2)
    with Session(use_db) as s:  # the account is bound to a first phone
        request_code(s, AN, "vi", JWK, confirm_move=True)
        confirm_code(s, AN, sms_code(use_db, AN), JWK, "First phone")
    other = Device().jwk
    for _ in range(2):
        with Session(use_db) as s, pytest.raises(UserError) as err:
            request_code(s, AN, "vi", other, client="203.0.113.50")
        assert reason(err) == "device_in_use"
    with Session(use_db) as s, pytest.raises(UserError) as err:
        request_code(s, AN, "vi", other, client="203.0.113.50")
    assert reason(err) == "client_throttled"
