"""The clinic page against every published test vector, with the network off: valid static,
live and light codes are accepted (the live one as holder-bound), each bad vector gets its
own verdict, and a card revoked after the page was opened is refused offline once the
revocation list has been synced (checked against the issuer-signed head), with vectors and
with a card the real server replaced."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect
from sqlalchemy import text
from sqlmodel import Session, select

from api.card import revocation
from api.db import engine_for
from api.domain.models import HealthCard, Person
from api.services import card_credentials, revocations, wallet
from tests.browser.conftest import HYDRATED, Server, log_in_desk, shot
from tests.vectors import make_vectors

pytestmark = pytest.mark.browser
AN = "0123456789"
VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "vectors.json").read_text())
# What the clinic page shows for each vector verdict.
SHOWN = {None: "ok_not_bound", "qr_format": "qr_format"}


def expected(case: dict) -> str:
    want = case["expect"]
    if want["ok"]:
        return "ok_bound" if want["holder_bound"] else "ok_not_bound"
    return want["reason"]


def serve_trust(page: Page, revoked: list[str], seq: int) -> None:
    """The vectors' issuer as the server's: its key set and a revocation list it signed."""
    entries = [bytes.fromhex(h) for h in revoked]
    answer = {"schema": 1, "reset": True, "cursor": f"1.{seq}", "has_more": False,
              "changes": [{"op": "put", "type": "revocations", "id": "all", "doc": {
                  "entries": base64.b64encode(revocation.pack(entries)).decode()}}],
              "head": revocation.sign_head(seq, entries, make_vectors.ISSUER)}

    def keys(route: Route) -> None:
        route.fulfill(json=VECTORS["jwks"])

    def revocations(route: Route) -> None:
        route.fulfill(json=answer)

    page.unroute("**/api/card-keys")
    page.unroute("**/api/revocations*")
    page.route("**/api/card-keys", keys)
    page.route("**/api/revocations*", revocations)


def check(page: Page, text: str) -> str:
    page.locator("#typed-code").fill(text)
    page.locator("form button[type=submit]").click()
    shown = page.locator("#verdict [data-verdict]")
    shown.wait_for()
    verdict = shown.get_attribute("data-verdict") or ""
    page.locator("#scan-next").click()
    return verdict


def trust_synced(page: Page, count: int) -> None:
    """Wait until the page's own verdicts use a revocation list of `count` entries (the desk
    shows it under the scanner)."""
    expect(page.locator(f"#trust-status[data-count='{count}']")).to_be_attached(timeout=20000)


def test_every_vector_offline(page: Page, server: Server) -> None:
    log_in_desk(page, server)  # on the real clock; the vectors' time only for the checks
    page.clock.set_fixed_time(dt.datetime.fromtimestamp(VECTORS["now"], dt.UTC))
    serve_trust(page, VECTORS["revoked"][:1], 1)  # one revoked entry known so far
    page.goto("/clinic")
    page.wait_for_function(HYDRATED, arg="#typed-code")
    trust_synced(page, 1)
    # The lost phone's key is revoked later; the open page syncs when the network returns.
    serve_trust(page, VECTORS["revoked"], 2)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    trust_synced(page, 2)
    page.context.set_offline(True)
    for case in VECTORS["cases"]:
        assert check(page, case["qr"]) == expected(case), case["name"]
    page.locator("#typed-code").fill(next(c["qr"] for c in VECTORS["cases"]
                                          if c["name"] == "live_valid"))
    page.locator("form button[type=submit]").click()
    page.locator("#verdict [data-verdict=ok_bound]").wait_for()
    shot(page, "clinic-live-ok-vi")


def test_a_list_that_does_not_match_its_head_is_not_used(page: Page, server: Server) -> None:
    log_in_desk(page, server)
    page.clock.set_fixed_time(dt.datetime.fromtimestamp(VECTORS["now"], dt.UTC))
    entries = [bytes.fromhex(h) for h in VECTORS["revoked"]]
    forged = {"schema": 1, "reset": True, "cursor": "1.5", "has_more": False,
              "changes": [{"op": "put", "type": "revocations", "id": "all", "doc": {
                  "entries": base64.b64encode(revocation.pack(entries[:1])).decode()}}],
              "head": revocation.sign_head(5, entries, make_vectors.ISSUER)}
    page.route("**/api/card-keys", lambda route: route.fulfill(json=VECTORS["jwks"]))
    page.route("**/api/revocations*", lambda route: route.fulfill(json=forged))
    page.goto("/clinic")
    page.wait_for_function(HYDRATED, arg="#typed-code")
    result = page.evaluate("() => import('/clinic/trust.js').then(m => m.syncRevocations())")
    assert result == {"count": 0, "fresh": False}


def test_a_card_replaced_on_the_server_is_refused_offline(page: Page, server: Server,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """The real server revokes a lost card; the open clinic page syncs the list when the
    network returns, and with the network off refuses the old card and accepts the new."""
    monkeypatch.setenv("CARD_KEY_FILE", str(Path(server.db_url.removeprefix("sqlite:///"))
                                            .parent / "issuer.pem"))
    eng = engine_for(server.db_url)
    server.reset_logins()
    with Session(eng) as session:
        person = session.exec(select(Person).where(Person.code == AN)).one()
        card = session.exec(select(HealthCard).where(HealthCard.person_id == person.id)).one()
        issued = card.issued_at
        old_qr = wallet.card_view(session, person.id, "vi")["qr_text"]
    log_in_desk(page, server)
    page.goto("/clinic")
    page.wait_for_function(HYDRATED, arg="#typed-code")
    assert check(page, old_qr) == "ok_not_bound"
    try:
        with Session(eng) as session:
            card_credentials.replace_card(session, AN, "lost")
            new_qr = wallet.card_view(session, person.id, "vi")["qr_text"]
            # The list may hold desk devices signed out by the logins of earlier tests too.
            listed = len(revocations.active(session))
        page.evaluate("() => window.dispatchEvent(new Event('online'))")
        trust_synced(page, listed)
        page.context.set_offline(True)
        assert check(page, old_qr) == "qr_revoked"
        assert check(page, new_qr) == "ok_not_bound"
    finally:
        with eng.begin() as conn:
            conn.execute(text("UPDATE healthcard SET issued_at = :day WHERE id = :id"),
                         {"day": issued, "id": card.id})
        server.reset_logins()
