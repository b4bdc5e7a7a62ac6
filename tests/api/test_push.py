"""Web push end to end without the internet, on SQLite and PostgreSQL: a citizen's bound
device subscribes over HTTP (device-proven), a notice is pushed to a push service on
loopback, and the test decrypts it with the subscription's private key (aes128gcm) and
checks the VAPID token against the server's public key; 404/410 delete the subscription,
429 and 5xx are tried again later, a slow push service holds up only its own pushes; a
device move or a logout removes the old device's subscriptions; bad subscriptions and
other roles are refused with a message."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.testclient import TestClient

from api.domain.models import Person
from api.http.app import build
from api.push import sender
from api.push.models import PushOutbox, PushSubscription
from api.services import notices
from tests.aio import run_apart
from tests.api.test_clinic_desk import AN, BACH_MAI, NGOC, citizen, desk
from tests.devicekit import Device
from tests.pushkit import PushService, Subscriber, vapid_claims


def _subscribe(c: TestClient, d: Device, subscriber: Subscriber, **headers: str):
    return d.post(c, "/api/push/subscribe", {"subscription": subscriber.subscription()},
                  **headers)


def _person(eng: Engine, code: str) -> int:
    with Session(eng) as s:
        return s.exec(select(Person.id).where(Person.code == code)).one()


def _publish(eng: Engine, code: str, kind: str = "card_expiring", **params: object) -> int:
    with Session(eng) as s:
        notice = notices.publish(s, _person(eng, code), kind, **(params or {"day": "2026-12-20"}))
        s.commit()
        return notice.id


def _send(eng: Engine, now: dt.datetime | None = None) -> sender.Report:
    with Session(eng) as s:
        return run_apart(sender.send_due(s, now))


def _count(eng: Engine, table: str) -> int:
    with eng.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_a_notice_reaches_the_bound_phone_encrypted_and_signed(use_db: Engine,
                                                               service: PushService) -> None:
    c, d = citizen(use_db, AN)
    key = c.get("/api/push/key").json()["key"]
    assert len(key) == 87  # an uncompressed P-256 point, base64url
    phone = Subscriber(service)
    assert _subscribe(c, d, phone).status_code == 201
    notice_id = _publish(use_db, AN, "card_expiring", day="2026-12-20")
    report = _send(use_db)
    assert (report.sent, report.gone, report.retrying) == (1, 0, 0)
    [pushed] = service.to(phone.path)
    body = phone.decrypt(pushed)
    assert dt.datetime.fromisoformat(body.pop("created")) <= dt.datetime.now(dt.UTC)
    assert body == {"id": notice_id, "kind": "card_expiring", "params": {"day": "2026-12-20"},
                    "lang": "vi", "url": "/card"}
    claims = vapid_claims(pushed, key)
    assert claims["aud"] == service.origin and claims["sub"] == "mailto:push-test@example.vn"
    assert time.time() < claims["exp"] <= time.time() + 24 * 3600
    assert pushed.headers["topic"] == f"notice-{notice_id}"
    assert int(pushed.headers["ttl"]) > 0
    assert _count(use_db, "pushoutbox") == 0
    assert _send(use_db).sent == 0  # sent once: a second run sends nothing
    assert len(service.to(phone.path)) == 1


def test_the_key_is_made_once_and_kept(use_db: Engine, service: PushService) -> None:
    first = TestClient(build()).get("/api/push/key").json()["key"]
    assert TestClient(build()).get("/api/push/key").json()["key"] == first


def test_gone_subscriptions_are_deleted_and_busy_services_tried_again(
        use_db: Engine, service: PushService) -> None:
    c, d = citizen(use_db, AN)
    gone, expired, busy, broken = (Subscriber(service) for _ in range(4))
    for sub in (gone, expired, busy, broken):
        assert _subscribe(c, d, sub).status_code == 201 or sub is broken
    # A phone holds at most three subscriptions: the fourth is refused, with a message.
    refused = _subscribe(c, d, broken, **{"accept-language": "en"})
    assert refused.status_code == 400 and refused.json()["error"] == "push_too_many"
    assert "already has 3" in refused.json()["message"]
    service.answers[gone.path] = (404, None, 0.0)
    service.answers[expired.path] = (410, None, 0.0)
    service.answers[busy.path] = (429, "120", 0.0)
    _publish(use_db, AN)
    report = _send(use_db)
    assert (report.sent, report.gone, report.retrying) == (0, 2, 1)
    with Session(use_db) as s:
        left = s.exec(select(PushSubscription.endpoint)).all()
        assert left == [busy.endpoint]
        row = s.exec(select(PushOutbox)).one()
        assert row.tries == 1
        wait = (row.next_try_at - dt.datetime.now(dt.UTC)).total_seconds()
        assert 100 < wait <= 120  # the service's Retry-After, longer than our back-off
    assert _send(use_db).sent == 0  # not due yet
    service.answers[busy.path] = (201, None, 0.0)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=121)
    assert _send(use_db, later).sent == 1
    assert len(service.to(busy.path)) == 2 and _count(use_db, "pushoutbox") == 0


def test_a_failing_service_is_given_up_after_the_last_try(use_db: Engine,
                                                          service: PushService) -> None:
    c, d = citizen(use_db, AN)
    phone = Subscriber(service)
    _subscribe(c, d, phone)
    service.answers[phone.path] = (503, None, 0.0)
    _publish(use_db, AN)
    moment = dt.datetime.now(dt.UTC)
    for tries in range(1, sender.MAX_TRIES + 1):
        report = _send(use_db, moment)
        assert report.statuses == {503: 1}
        moment += dt.timedelta(seconds=sender.BACKOFF_SECONDS * 2 ** tries + 1)
    assert report.given_up == 1 and _count(use_db, "pushoutbox") == 0
    assert _count(use_db, "pushsubscription") == 1  # the subscription itself stays


def test_one_slow_push_service_holds_up_only_its_own_pushes(
        use_db: Engine, service: PushService, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUSH_TIMEOUT", "1")
    an, an_device = citizen(use_db, AN)
    ngoc, ngoc_device = citizen(use_db, NGOC)
    slow, quick = Subscriber(service), Subscriber(service)
    _subscribe(an, an_device, slow)
    _subscribe(ngoc, ngoc_device, quick)
    service.answers[slow.path] = (201, None, 5.0)
    _publish(use_db, AN)
    _publish(use_db, NGOC)
    started = time.monotonic()
    report = _send(use_db)
    assert time.monotonic() - started < 4  # not the slow service's five seconds
    assert (report.sent, report.retrying) == (1, 1)
    assert len(service.to(quick.path)) == 1


def test_moving_the_account_or_logging_out_removes_the_old_phones_subscriptions(
        use_db: Engine, service: PushService, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("api.auth.otp.RESEND_AFTER", dt.timedelta(0))
    c, d = citizen(use_db, AN)
    _subscribe(c, d, Subscriber(service))
    _publish(use_db, AN)  # queued for the old phone, not yet sent
    new_phone, new_device = citizen(use_db, AN)  # the account moves
    assert _count(use_db, "pushsubscription") == 0 and _count(use_db, "pushoutbox") == 0
    assert _subscribe(new_phone, new_device, Subscriber(service)).status_code == 201
    assert new_device.post(new_phone, "/api/auth/logout", {}).json() == {"ok": True}
    assert _count(use_db, "pushsubscription") == 0


def test_bad_subscriptions_and_other_roles_are_refused(use_db: Engine,
                                                      service: PushService) -> None:
    c, d = citizen(use_db, AN)
    phone = Subscriber(service).subscription()
    cases = {
        "push_service": {**phone, "endpoint": "https://attacker.example/push/1"},
        "push_subscription": {**phone, "keys": {"p256dh": "AAAA", "auth": "AAAA"}},
    }
    for reason, data in cases.items():
        answer = d.post(c, "/api/push/subscribe", {"subscription": data},
                        **{"accept-language": "en"})
        assert answer.status_code == 400 and answer.json()["error"] == reason, answer.text
        assert answer.json()["message"]
    internal = {**phone, "endpoint": "http://127.0.0.1:5432/"}  # not the allowed service
    assert d.post(c, "/api/push/subscribe", {"subscription": internal}).json()["error"] \
        == "push_service"
    bare = TestClient(build(), raise_server_exceptions=False)
    assert bare.post("/api/push/subscribe", json={"subscription": phone}).status_code == 401
    clinic, desk_device = desk(use_db, BACH_MAI)
    refused = desk_device.post(clinic, "/api/push/subscribe", {"subscription": phone})
    assert refused.status_code == 403 and refused.json()["error"] == "wrong_role"
    assert _count(use_db, "pushsubscription") == 0


def test_unsubscribe_stops_pushes(use_db: Engine, service: PushService) -> None:
    c, d = citizen(use_db, AN)
    phone = Subscriber(service)
    _subscribe(c, d, phone)
    assert d.post(c, "/api/push/unsubscribe", {"endpoint": phone.endpoint}).json() == \
        {"ok": True, "removed": True}
    _publish(use_db, AN)
    assert _send(use_db).sent == 0 and service.received == []


def test_a_visit_recorded_at_a_clinic_is_pushed_to_the_person(use_db: Engine,
                                                              service: PushService) -> None:
    from tests.api.test_clinic_desk import visit

    c, d = citizen(use_db, AN)
    phone = Subscriber(service)
    _subscribe(c, d, phone)
    clinic, desk_device = desk(use_db, BACH_MAI)
    pushed = desk_device.post(clinic, "/api/sync/push", {"mutations": [visit(AN)]})
    assert pushed.json()["acked"], pushed.text
    assert _send(use_db).sent == 1
    body = phone.decrypt(service.to(phone.path)[0])
    assert body["kind"] == "visit_recorded" and body["url"] == "/medical"
    assert body["params"]["facility"] and body["params"]["day"]
