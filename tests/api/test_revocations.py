"""The live credential, the revocation list and card replacement over HTTP, on SQLite and
PostgreSQL: a phone's live QR passes the server's verifier until its device is signed out;
a replaced card's old QR is refused; the list's deltas always match its signed head."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.testclient import TestClient

from api.card import keys, live, revocation
from api.card.envelope import sign_raw
from api.clock import vietnam_today
from api.domain.models import Revocation
from api.http.app import build
from api.jose import b64url_decode
from api.services import card_credentials, revocations
from api.services.errors import UserError
from tests.api.test_http import AN, get, login
from tests.devicekit import Device

pytestmark = pytest.mark.usefixtures("use_db")


@pytest.fixture
def client() -> TestClient:
    return TestClient(build(), raise_server_exceptions=False)


def credentials(client: TestClient, device: Device) -> dict:
    answer = device.post(client, "/api/me/card/credentials", {})
    assert answer.status_code == 200, answer.text
    return answer.json()


def live_qr(device: Device, creds: dict, at: int | None = None) -> str:
    at = at if at is not None else int(dt.datetime.now(dt.UTC).timestamp())
    return live.make_qr(b64url_decode(creds["live"]), at, lambda b: sign_raw(device.key, b))


def verify(client: TestClient, text: str) -> dict:
    answer = client.post("/api/card/verify", json={"qr": text})
    return answer.json() | {"status": answer.status_code}


def apply(entries: set[str], answer: dict) -> set[str]:
    """What a verifier does with a pull: a reset replaces, a delta adds and removes."""
    if answer["reset"]:
        packed = base64.b64decode(answer["changes"][0]["doc"]["entries"])
        return {e.hex() for e in revocation.unpack(packed)}
    for change in answer["changes"]:
        (entries.add if change["op"] == "put" else entries.discard)(change["id"])
    return entries


def head_holds(answer: dict, entries: set[str]) -> bool:
    return revocation.check_head(answer["head"], [bytes.fromhex(e) for e in entries],
                                 keys.trusted_keys())


def test_live_qr_from_the_bound_device_passes_then_is_revoked(client: TestClient,
                                                              use_db: Engine) -> None:
    phone = Device("Phone")
    login(client, use_db, phone)
    creds = credentials(client, phone)
    assert dt.date.fromisoformat(creds["live_not_after"]) <= dt.date.today() + dt.timedelta(
        days=live.CREDENTIAL_DAYS)
    ok = verify(client, live_qr(phone, creds))
    assert (ok["status"], ok["kind"], ok["holder_bound"], ok["code"]) == (200, "live", True, AN)
    assert verify(client, creds["light"])["kind"] == "light"
    # A copy on another phone cannot sign for the bound key.
    assert verify(client, live_qr(Device("Copy"), creds))["error"] == "qr_wrong_device"
    # A screenshot replayed three minutes later is stale.
    old = int(dt.datetime.now(dt.UTC).timestamp()) - 180
    assert verify(client, live_qr(phone, creds, at=old))["error"] == "qr_stale"
    # Signed out: the key goes on the list, the live QR is refused.
    assert phone.post(client, "/api/security/sign-out", {}).status_code == 200
    assert verify(client, live_qr(phone, creds))["error"] == "qr_revoked"


def test_moving_to_a_new_phone_revokes_the_old_key(client: TestClient, use_db: Engine) -> None:
    old, new = Device("Old"), Device("New")
    login(client, use_db, old)
    creds = credentials(client, old)
    with use_db.begin() as conn:  # the new phone asks for its code at once
        conn.execute(text("DELETE FROM otpchallenge"))
    login(client, use_db, new)
    assert verify(client, live_qr(old, creds))["error"] == "qr_revoked"
    assert verify(client, live_qr(new, credentials(client, new)))["holder_bound"] is True


@pytest.fixture
def card_restored(use_db: Engine) -> Iterator[None]:
    """The seeded card's issue date back as it was (the database is shared by the tests)."""
    with use_db.connect() as conn:
        issued = conn.execute(text("SELECT c.issued_at FROM healthcard c JOIN person p "
                                   "ON p.id = c.person_id WHERE p.code = :code"),
                              {"code": AN}).scalar_one()
    yield
    with use_db.begin() as conn:
        conn.execute(text("UPDATE healthcard SET issued_at = :day WHERE person_id = "
                          "(SELECT id FROM person WHERE code = :code)"),
                     {"day": issued, "code": AN})


@pytest.mark.usefixtures("card_restored")
def test_a_replaced_card_is_refused_and_the_new_one_accepted(client: TestClient,
                                                             use_db: Engine) -> None:
    phone = Device()
    login(client, use_db, phone)
    old_qr = get(client, phone, "/api/me/card").json()["qr_text"]
    assert verify(client, old_qr)["ok"] is True
    with Session(use_db) as session:
        card = card_credentials.replace_card(session, AN, "lost")
        assert card.issued_at == vietnam_today()  # the card's calendar is Vietnam's
        with pytest.raises(UserError) as again:
            card_credentials.replace_card(session, AN, "lost")
        assert again.value.reason == "card_replaced_today"
    assert verify(client, old_qr)["error"] == "qr_revoked"
    assert verify(client, get(client, phone, "/api/me/card").json()["qr_text"])["ok"] is True
    # The phone learns of its new card by the ordinary sync.
    pulled = get(client, phone, "/api/sync/pull?since=").json()
    card_doc = next(c["doc"] for c in pulled["changes"] if c["type"] == "card")
    assert verify(client, card_doc["qr_text"])["ok"] is True


def test_deltas_always_match_the_signed_head(client: TestClient, use_db: Engine) -> None:
    first = client.get("/api/revocations").json()
    assert first["reset"] is True
    held = apply(set(), first)
    assert head_holds(first, held)
    cursor = first["cursor"]
    with Session(use_db) as session:
        for i in range(7):
            revocations.add(session, revocation.card_entry(f"79000000{i:02d}",
                                                           dt.date(2026, 1, 1)), "card", "lost")
        revocations.add(session, bytes(8), "device", "moved", dt.date.today())
        session.commit()
    delta = client.get(f"/api/revocations?since={cursor}").json()
    assert delta["reset"] is False and len(delta["changes"]) == 8
    held = apply(held, delta)
    assert head_holds(delta, held) and len(held) == len(first_entries(first)) + 8
    # The device entry is dropped when no credential can need it; the delta removes it.
    with Session(use_db) as session:
        assert revocations.sweep(session, dt.date.today() + dt.timedelta(days=1)) == 1
        session.commit()
    after = client.get(f"/api/revocations?since={delta['cursor']}").json()
    assert after["changes"] == [{"op": "delete", "type": "revoked", "id": bytes(8).hex()}]
    held = apply(held, after)
    assert head_holds(after, held)
    # A tampered copy does not match the head; nothing new is an empty delta with the head.
    assert not head_holds(after, held | {"00" * 7 + "01"})
    idle = client.get(f"/api/revocations?since={after['cursor']}").json()
    assert idle["changes"] == [] and head_holds(idle, held)
    # Small pages: has_more until the end, the head only on the last page.
    with Session(use_db) as session:
        pages = [revocations.pull(session, cursor, limit=3)]
        while pages[-1]["has_more"]:
            assert "head" not in pages[-1]
            pages.append(revocations.pull(session, pages[-1]["cursor"], limit=3))
    assert len(pages) == 3 and "head" in pages[-1]
    paged = set(first_entries(first))
    for page in pages:
        paged = apply(paged, page)
    assert paged == held and head_holds(pages[-1], paged)


def first_entries(answer: dict) -> set[str]:
    return apply(set(), answer)


def test_credentials_need_the_device_proof(client: TestClient, use_db: Engine) -> None:
    phone = Device()
    login(client, use_db, phone)
    assert client.post("/api/me/card/credentials", json={}).status_code == 401


def test_old_tombstones_are_forgotten_and_a_late_clinic_heals(client: TestClient,
                                                               use_db: Engine) -> None:
    """A clinic that held a device entry, then did not sync for over a month: the removal it
    missed is gone from the server, its delta leaves it with a list the head does not sign,
    and a fresh download gives it the list again."""
    today = dt.date.today()
    with Session(use_db) as session:
        revocations.add(session, bytes(8), "device", "moved", today)
        revocations.add(session, revocation.card_entry("7900000001", dt.date(2026, 1, 1)),
                        "card", "lost")
        session.commit()
    first = client.get("/api/revocations").json()
    held = apply(set(), first)
    assert head_holds(first, held) and bytes(8).hex() in held
    with Session(use_db) as session:  # dropped tomorrow, forgotten a month later
        assert revocations.sweep(session, today + dt.timedelta(days=1)) == 1
        session.commit()
        assert session.get(Revocation, bytes(8).hex()).gone
        revocations.add(session, revocation.card_entry("7900000002", dt.date(2026, 1, 1)),
                        "card", "lost")
        revocations.sweep(session, today + dt.timedelta(days=revocations.TOMBSTONE_DAYS + 2))
        session.commit()
    with Session(use_db) as session:
        assert session.get(Revocation, bytes(8).hex()) is None
    late = client.get(f"/api/revocations?since={first['cursor']}").json()
    stale = apply(set(held), late)
    assert bytes(8).hex() in stale and not head_holds(late, stale)
    again = client.get("/api/revocations").json()
    healed = apply(set(), again)
    assert head_holds(again, healed) and bytes(8).hex() not in healed and len(healed) == 2
