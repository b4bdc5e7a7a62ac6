"""Operator commands: `python -m api.cli outbox CODE` prints the SMS sent to a person;
`card-replace CODE` revokes a lost card and issues it again; `revocations-sweep` drops
device revocations no live credential can need any more."""

from __future__ import annotations

import argparse

from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session, col, select

from api.auth.models import SmsOutbox
from api.db import engine
from api.domain.codes import IdentifierError, parse_identifier
from api.domain.models import Person
from api.services import card_credentials, revocations
from api.services.errors import UserError


def outbox(typed: str, limit: int) -> int:
    """Print the newest messages of the outbox gateway for a code (or personal ID)."""
    try:
        ident = parse_identifier(typed)
    except IdentifierError:
        print("Give a 10-digit social-insurance code (or 12-digit personal ID number).")
        return 2
    code = ident.value
    try:
        with Session(engine()) as session:
            if ident.kind == "citizen_id":
                person = session.exec(select(Person).where(Person.citizen_id == code)).first()
                code = person.code if person else code
            rows = session.exec(select(SmsOutbox).where(SmsOutbox.person_code == code)
                                .order_by(col(SmsOutbox.id).desc()).limit(limit)).all()
    except (OperationalError, ProgrammingError):
        print("The database has no tables yet (or DB_URL points elsewhere): run `make migrate`.")
        return 2
    if not rows:
        print(f"No messages for {code}.")
        return 1
    for row in rows:
        print(f"{row.created_at:%Y-%m-%d %H:%M:%S} UTC  to {row.phone}: {row.body}")
    return 0


def replace_card(code: str, reason: str) -> int:
    """Revoke a lost or replaced card and issue it again today."""
    try:
        with Session(engine()) as session:
            card = card_credentials.replace_card(session, code, reason)
    except UserError as exc:
        print(exc.message("en"))
        return 1
    except (OperationalError, ProgrammingError):
        print("The database has no tables yet (or DB_URL points elsewhere): run `make migrate`.")
        return 2
    print(f"Card {card.number} revoked as issued before; new issue date {card.issued_at}. "
          "Clinics refuse the old one after their next sync.")
    return 0


def sweep_revocations() -> int:
    """Drop device entries no live credential can need any more."""
    with Session(engine()) as session:
        dropped = revocations.sweep(session)
        session.commit()
    print(f"{dropped} revocation entries dropped.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(prog="python -m api.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    out = sub.add_parser("outbox", help="print SMS messages sent to a person (newest first)")
    out.add_argument("code")
    out.add_argument("--limit", type=int, default=5)
    card = sub.add_parser("card-replace",
                          help="revoke a lost or replaced card and issue it again today")
    card.add_argument("code", help="the 10-digit social-insurance code")
    card.add_argument("--reason", choices=["lost", "replaced"], default="lost")
    sub.add_parser("revocations-sweep", help="drop device revocations no longer needed")
    args = parser.parse_args(argv)
    if args.command == "card-replace":
        return replace_card(args.code, args.reason)
    if args.command == "revocations-sweep":
        return sweep_revocations()
    return outbox(args.code, args.limit)


if __name__ == "__main__":
    raise SystemExit(main())
