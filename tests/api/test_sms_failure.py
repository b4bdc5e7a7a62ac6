"""When the SMS provider is down, the user is told to try again and nothing is half-done."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from api.services.errors import UserError
from api.services.login import request_code
from tests.devicekit import Device

JWK = Device().jwk


def test_provider_down_gives_sms_failed_and_no_dangling_code(use_db: Engine,
                                                             monkeypatch) -> None:
    monkeypatch.setenv("SMS_GATEWAY", "http")
    monkeypatch.setenv("SMS_GATEWAY_URL", "http://127.0.0.1:9/none")
    with Session(use_db) as s, pytest.raises(UserError) as err:
        request_code(s, "0123456789", "en", JWK, confirm_move=True)
    assert err.value.reason == "sms_failed" and err.value.status == 502
    assert "Try again in a minute" in err.value.message("en")
    with use_db.connect() as conn:
        # The challenge was rolled back, so the throttle does not block a retry.
        assert conn.execute(text("SELECT COUNT(*) FROM otpchallenge")).scalar() == 0
