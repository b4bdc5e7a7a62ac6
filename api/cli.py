"""Operator commands:

- `python -m api.cli outbox CODE` prints the SMS sent to a person (or to a staff code);
- `python -m api.cli staff add --person CODE --facility FACILITYCODE --name NAME --phone PHONE
  [--role clinic]` creates a clinic staff account and prints its staff code (an officer:
  `--role officer --province 79`, no facility);
- `python -m api.cli staff list` lists the staff accounts;
- `python -m api.cli staff revoke STAFFCODE` closes one, signing out its devices;
- `python -m api.cli card-replace CODE` revokes a lost card and issues it again today;
- `python -m api.cli revocations-sweep` drops device revocations no live credential can
  need any more (run it daily);
- `python -m api.cli notify [--today YYYY-MM-DD] [--no-send]` makes the notices due (once
  per occasion, api/services/notice_schedule.py), takes the cards of children who turned six
  off their parents' phones (api/services/family_cards.py) and sends the queued web pushes
  (api/push/sender.py): `make notify`, from cron or a systemd timer every few minutes."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
from collections.abc import Callable

from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session, col, select

from api.auth import staff
from api.auth.models import STAFF_ROLES, SmsOutbox
from api.clock import vietnam_today
from api.db import engine
from api.domain.codes import IdentifierError, parse_identifier
from api.domain.models import Person
from api.push import sender
from api.services import card_credentials, family_cards, notice_schedule, revocations
from api.services.errors import UserError

NO_TABLES = "The database has no tables yet (or DB_URL points elsewhere): run `make migrate`."


def outbox(typed: str, limit: int) -> int:
    """Print the newest messages of the outbox gateway for a code (or personal ID, or staff
    code)."""
    try:
        ident = parse_identifier(typed)
    except IdentifierError:
        try:
            ident = None
            code = staff.parse_staff_code(typed)
        except UserError:
            print("Give a 10-digit social-insurance code (or 12-digit personal ID number, "
                  "or a staff code such as 01H01-01).")
            return 2
    if ident is not None:
        code = ident.value
    try:
        with Session(engine()) as session:
            if ident is not None and ident.kind == "citizen_id":
                person = session.exec(select(Person).where(Person.citizen_id == code)).first()
                code = person.code if person else code
            rows = session.exec(select(SmsOutbox).where(SmsOutbox.person_code == code)
                                .order_by(col(SmsOutbox.id).desc()).limit(limit)).all()
    except (OperationalError, ProgrammingError):
        print(NO_TABLES)
        return 2
    if not rows:
        print(f"No messages for {code}.")
        return 1
    for row in rows:
        print(f"{row.created_at:%Y-%m-%d %H:%M:%S} UTC  to {row.phone}: {row.body}")
    return 0


def _command(work: Callable[[Session], int]) -> int:
    """Run an operator command: refusals as one line in English, never a traceback."""
    try:
        with Session(engine(), expire_on_commit=False) as session:
            return work(session)
    except UserError as exc:
        print(f"Refused: {exc.message('en')}")
        return 2
    except (OperationalError, ProgrammingError):
        print(NO_TABLES)
        return 2


def staff_add(args: argparse.Namespace) -> int:
    """Create a staff account; prints its staff code."""

    def work(session: Session) -> int:
        account = staff.add(session, args.person, args.facility, args.name, args.phone,
                            args.role, args.province)
        print(account.staff_code)
        return 0

    return _command(work)


def staff_list(args: argparse.Namespace) -> int:
    """Print every staff account, one a line."""

    def work(session: Session) -> int:
        rows = staff.listing(session)
        if not rows:
            print("No staff accounts.")
            return 0
        for account, person, facility, devices in rows:
            state = (f"revoked {account.revoked_at:%Y-%m-%d}" if account.revoked_at
                     else f"{devices}/{staff.DESK_DEVICES} devices")
            where = f"{facility.code} {facility.name}" if facility else "-"
            print(f"{account.staff_code}  {account.role:<7}  {account.full_name}  "
                  f"person {person.code if person else '?'}  phone {account.phone}  "
                  f"{where}  {state}")
        return 0

    return _command(work)


def staff_revoke(args: argparse.Namespace) -> int:
    """Close a staff account with its devices, sessions and passkeys."""

    def work(session: Session) -> int:
        account = staff.revoke(session, args.staff_code)
        print(f"{account.staff_code} revoked; its devices and sessions are signed out.")
        return 0

    return _command(work)


def replace_card(args: argparse.Namespace) -> int:
    """Revoke a lost or replaced card and issue it again today."""

    def work(session: Session) -> int:
        card = card_credentials.replace_card(session, args.code, args.reason)
        print(f"Card {card.number} revoked as issued before; new issue date "
              f"{card.issued_at}. Clinics refuse the old one after their next sync.")
        return 0

    return _command(work)


def sweep_revocations(args: argparse.Namespace) -> int:
    """Drop device entries no live credential can need any more."""

    def work(session: Session) -> int:
        dropped = revocations.sweep(session)
        session.commit()
        print(f"{dropped} revocation entries dropped.")
        return 0

    return _command(work)


def notify(args: argparse.Namespace) -> int:
    """Make the notices due today (once per occasion) and push what is queued."""

    def work(session: Session) -> int:
        today = dt.date.fromisoformat(args.today) if args.today else vietnam_today()
        made = notice_schedule.run(session, today)
        # Children who turned six: their cards leave their parents' phones.
        retired = family_cards.retire(session, today)
        print(f"notices made for {today}: " + (", ".join(
            f"{kind} {count}" for kind, count in sorted(made.items())) or "none")
              + f"; children's cards ended: {retired}")
        if args.no_send:
            return 0
        report = asyncio.run(sender.send_due(session))
        print(f"pushes: {report.sent} sent, {report.gone} subscriptions gone, "
              f"{report.retrying} to try again, {report.given_up} given up")
        return 0

    return _command(work)


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(prog="python -m api.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    out = sub.add_parser("outbox", help="print SMS messages sent to a person or staff code "
                                        "(newest first)")
    out.add_argument("code")
    out.add_argument("--limit", type=int, default=5)
    staff_parser = sub.add_parser("staff", help="staff accounts (clinic staff and officers)")
    staff_sub = staff_parser.add_subparsers(dest="action", required=True)
    add = staff_sub.add_parser("add", help="create a staff account; prints its staff code")
    add.add_argument("--person", required=True, help="the staff member's 10-digit code")
    add.add_argument("--facility", help="facility code, e.g. 01H01 (clinic staff)")
    add.add_argument("--name", required=True, help="full name shown to citizens")
    add.add_argument("--phone", required=True, help="staff phone for the login codes")
    add.add_argument("--role", choices=STAFF_ROLES, default="clinic",
                     help="clinic (needs --facility) or officer (the agency console)")
    add.add_argument("--province", help="an officer's two-digit province code, e.g. 79: "
                                        "they handle that province's cases")
    add.set_defaults(run=staff_add)
    staff_sub.add_parser("list", help="list staff accounts").set_defaults(run=staff_list)
    revoke = staff_sub.add_parser("revoke", help="close a staff account, signing out its "
                                                 "devices")
    revoke.add_argument("staff_code")
    revoke.set_defaults(run=staff_revoke)
    card = sub.add_parser("card-replace",
                          help="revoke a lost or replaced card and issue it again today")
    card.add_argument("code", help="the 10-digit social-insurance code")
    card.add_argument("--reason", choices=["lost", "replaced"], default="lost")
    card.set_defaults(run=replace_card)
    sweep = sub.add_parser("revocations-sweep", help="drop device revocations no longer needed")
    sweep.set_defaults(run=sweep_revocations)
    note = sub.add_parser("notify", help="make the notices due today and send queued pushes "
                                         "(run every few minutes from cron or a timer)")
    note.add_argument("--today", help="the day to make notices for (YYYY-MM-DD; default: "
                                      "today in Vietnam)")
    note.add_argument("--no-send", action="store_true", help="make notices, push nothing")
    note.set_defaults(run=notify)
    args = parser.parse_args(argv)
    if args.command != "outbox":
        return args.run(args)
    return outbox(args.code, args.limit)


if __name__ == "__main__":
    raise SystemExit(main())
