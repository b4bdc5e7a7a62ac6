"""Rate limits kept in the database, so they hold across workers and restarts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete
from sqlmodel import Session, col, func, select

from api import off_loop
from api.auth.models import Attempt
from api.clock import utcnow

# Per network address (login codes, wrong codes, passkey options, find-my-code), on top of
# the per-person and per-phone rules (api/auth/otp.py, api/services/lookups.py).
# Vietnamese carriers put many subscribers behind one address, so an address is never shut
# out: past a soft number of attempts in the last hour, each further attempt from it waits a
# little longer (PAUSE_STEP seconds per attempt over, at most PAUSE_CAP), and a correct code
# is never refused. Spraying guesses across many accounts from one address gets slow; the
# per-code limit (5 tries) still stops guessing one account's code.
ADDRESS_SOFT_LIMIT = {"send": 30, "verify": 30, "passkey": 60, "lookup": 20}
PAUSE_STEP = 0.5
PAUSE_CAP = 10.0
_SCOPES = {"send": "otp_send:client", "verify": "otp_fail:client",
           "passkey": "passkey_options:client", "lookup": "lookup_code:client"}
HOUR = dt.timedelta(hours=1)


def recent(session: Session, scope: str, key: str, window: dt.timedelta,
           now: dt.datetime | None = None) -> int:
    """How many attempts were counted for (scope, key) in `window`."""
    if not key:
        return 0
    since = (now or utcnow()) - window
    return session.exec(select(func.count()).select_from(Attempt).where(
        Attempt.scope == scope, Attempt.key == key, Attempt.at > since)).one()


def count(session: Session, scope: str, key: str, now: dt.datetime | None = None) -> None:
    """Count one attempt (and forget this key's attempts older than a day)."""
    if not key:
        return
    now = now or utcnow()
    session.execute(delete(Attempt).where(col(Attempt.scope) == scope, col(Attempt.key) == key,
                                       col(Attempt.at) < now - dt.timedelta(days=1)))
    session.add(Attempt(scope=scope, key=key, at=now))


def soft_pause(session: Session, limits: Iterable[tuple[str, str, int]]) -> float:
    """Seconds the next attempt waits, for (scope, key, soft limit per hour) ledgers: 0 while
    every ledger is under its limit, then PAUSE_STEP more per attempt over the most
    exceeded one, at most PAUSE_CAP. Never a refusal."""
    over = max((recent(session, scope, key, HOUR) - limit for scope, key, limit in limits),
               default=-1)
    return 0.0 if over < 0 else min(PAUSE_CAP, PAUSE_STEP * (over + 1))


async def sleep_off(session: Session, pause: float) -> float:
    """Wait `pause` seconds without holding a database connection meanwhile."""
    session.rollback()
    await off_loop.pause(pause)  # on the event loop: a waiting attacker holds no thread
    return pause


def address_pause(session: Session, step: str, client: str) -> float:
    """Seconds an attempt of `step` ("send", "verify", "passkey" or "lookup") from `client`
    waits before it is handled: 0 under the soft limit, then growing gently up to PAUSE_CAP."""
    return soft_pause(session, [(_SCOPES[step], client, ADDRESS_SOFT_LIMIT[step])])


def count_address(session: Session, step: str, client: str) -> None:
    """Count one attempt of `step` from `client` (committed with the caller)."""
    count(session, _SCOPES[step], client)


async def wait_for_address(session: Session, step: str, client: str) -> float:
    """Wait out `address_pause` (without holding a database connection meanwhile)."""
    return await sleep_off(session, address_pause(session, step, client))
