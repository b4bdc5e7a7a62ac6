"""The "Devices and security" view: the bound device, its passkeys, recent security events."""

from __future__ import annotations

from sqlmodel import Session, col, select

from api.auth import events
from api.auth.models import Device, Passkey
from locales import format_datetime, tr


def view(session: Session, person_id: int, device: Device, lang: str) -> dict[str, object]:
    """Everything the page shows, formatted in `lang`."""
    keys = session.exec(select(Passkey).where(Passkey.device_id == device.id,
                                              col(Passkey.revoked_at).is_(None))).all()
    return {
        "device": {"name": device.name, "bound": format_datetime(device.bound_at, lang),
                   "last_seen": format_datetime(device.last_seen, lang)},
        "passkeys": [{"created": format_datetime(k.created_at, lang),
                      "last_used": format_datetime(k.last_used, lang) if k.last_used
                      else tr(lang, "not used yet")} for k in keys],
        "events": [_line(g, lang) for g in events.timeline(session, person_id)],
    }



def _line(group: events.EventGroup, lang: str) -> dict[str, object]:
    """One line of the list; a run of refused attempts says how many and from when to when."""
    when = format_datetime(group.last, lang)
    first = format_datetime(group.first, lang)
    if group.count > 1 and first == when:  # within one minute
        when = tr(lang, "{count} times, {when}", count=group.count, when=when)
    elif group.count > 1:
        when = tr(lang, "{count} times, {first} – {last}", count=group.count, first=first,
                  last=when)
    return {"when": when, "what": tr(lang, events.KINDS.get(group.kind, group.kind)),
            "device": group.device_name, "client": group.client, "kind": group.kind,
            "count": str(group.count)}
