"""The owner's security list cannot be flooded: refused attempts are grouped, the owner's
own logins and moves stay visible (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from api.auth import events
from api.auth.models import Device
from api.clock import utcnow
from api.services import security
from api.services.login import confirm_code, request_code
from tests.conftest import sms_code
from tests.devicekit import Device as Phone

AN = "0123456789"


def test_a_flood_of_refused_attempts_is_one_line_and_logins_stay(use_db: Engine) -> None:
    jwk = Phone().jwk
    with Session(use_db) as s:
        request_code(s, AN, "en", jwk, confirm_move=True)
        confirm_code(s, AN, sms_code(use_db, AN), jwk, "Chrome · Android", "198.51.100.1")
        device = s.exec(select(Device).where(Device.revoked_at.is_(None))).one()
        start = utcnow()
        for n in range(300):  # an attacker with a copied cookie, over two minutes
            s.add(events.SecurityEvent(person_id=device.person_id, kind="foreign_session",
                                       device_name="", client="203.0.113.66",
                                       at=start + dt.timedelta(seconds=n * 0.4)))
        s.commit()
        view = security.view(s, device.person_id, device, "en")
    kinds = [line["kind"] for line in view["events"]]
    assert "login_otp" in kinds and "device_bound" in kinds  # the owner's own, still there
    flood = [line for line in view["events"] if line["kind"] == "foreign_session"]
    assert len(flood) == 1 and flood[0]["count"] == "300"
    assert flood[0]["client"] == "203.0.113.66"
    assert flood[0]["when"].startswith("300 times, ")
