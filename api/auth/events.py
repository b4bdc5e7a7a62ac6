"""Security events the owner sees under "Devices and security" (logins, bindings, failures).

Seeing every login helps people notice fraud: scammers impersonating the agency ask for
login codes, and a "new device bound" line the owner did not expect is the alarm.
"""

from __future__ import annotations

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
           client: str = "") -> None:
    """Add an event (committed with the caller's transaction)."""
    session.add(SecurityEvent(person_id=person_id, kind=kind, device_name=device_name[:80],
                              client=client[:64], at=utcnow()))


def recent(session: Session, person_id: int, limit: int = 20) -> list[SecurityEvent]:
    """Newest first."""
    return list(session.exec(select(SecurityEvent).where(SecurityEvent.person_id == person_id)
                             .order_by(col(SecurityEvent.id).desc()).limit(limit)).all())
