"""Security events the owner sees under "Devices and security" (logins, bindings, failures).

Seeing every login helps people notice fraud: scammers impersonating the agency ask for
login codes, and a "new device bound" line the owner did not expect is the alarm.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from api.auth.models import SecurityEvent
from api.clock import utcnow
from locales import N_

# kind -> message id shown in the list.
KINDS: dict[str, str] = {
    "login_otp": N_("Logged in with a code sent by SMS"),
    "login_passkey": N_("Logged in with a passkey"),
    "device_bound": N_("This account was bound to a device"),
    "device_moved_away": N_("Signed out: the account moved to another device"),
    "device_signed_out": N_("Device signed out"),
    "otp_failed": N_("Wrong login code typed"),
    "otp_locked": N_("Login code blocked after too many wrong tries"),
    "passkey_created": N_("Passkey created"),
    "passkey_refused": N_("Passkey refused"),
    "sign_count_regression": N_("Passkey counter went backwards: possible copy, passkey "
                                "switched off"),
    "foreign_session": N_("Your session was used from another browser and refused"),
    "logout": N_("Logged out"),
}


def record(session: Session, person_id: int, kind: str, device_name: str = "",
           client: str = "", staff_id: int | None = None) -> None:
    """Add an event (committed with the caller's transaction); `staff_id` for an event of a
    staff login, which the person's own (citizen) list leaves out."""
    session.add(SecurityEvent(person_id=person_id, kind=kind, device_name=device_name[:80],
                              client=client[:64], at=utcnow(), staff_id=staff_id))


# What the owner did (logins, bindings, moves, passkeys): always listed one by one, so a flood
# of refused attempts can never push them out of sight.
OWN = ("login_otp", "login_passkey", "device_bound", "device_moved_away",
       "device_signed_out", "passkey_created", "logout", "sign_count_regression")


@dataclass
class EventGroup:
    """One line of the owner's list: an event, or a run of the same refused attempt from
    the same address ("27 refused attempts from …, 10:01–10:03")."""

    kind: str
    first: dt.datetime
    last: dt.datetime
    count: int
    device_name: str
    client: str


def _query(session: Session, person_id: int, own: bool, limit: int,
           staff_id: int | None = None) -> list[SecurityEvent]:
    kind = col(SecurityEvent.kind)
    staff = col(SecurityEvent.staff_id)
    return list(session.exec(
        select(SecurityEvent).where(SecurityEvent.person_id == person_id,
                                    staff.is_(None) if staff_id is None else staff == staff_id,
                                    kind.in_(OWN) if own else kind.not_in(OWN))
        .order_by(col(SecurityEvent.id).desc()).limit(limit)).all())


def timeline(session: Session, person_id: int, own_limit: int = 20,
             refused_limit: int = 500, lines: int = 30,
             staff_id: int | None = None) -> list[EventGroup]:
    """Newest first: the owner's own events one by one, and refused attempts grouped by
    kind and address while they follow each other. The citizen login's events, or with
    `staff_id` those of that staff login."""
    groups = [EventGroup(e.kind, e.at, e.at, 1, e.device_name, e.client)
              for e in _query(session, person_id, True, own_limit, staff_id)]
    runs: list[EventGroup] = []
    for e in _query(session, person_id, False, refused_limit, staff_id):  # newest first
        last = runs[-1] if runs else None
        if last is not None and (last.kind, last.client) == (e.kind, e.client):
            last.first, last.count = e.at, last.count + 1
        else:
            runs.append(EventGroup(e.kind, e.at, e.at, 1, e.device_name, e.client))
    return sorted(groups + runs, key=lambda g: g.last, reverse=True)[:lines]
