"""Tables of the sync protocol."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Column, Identity, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel


class Change(SQLModel, table=True):
    """One change to one document of one person. `seq` is the cursor: it only grows, and
    per person it becomes visible in order (see changes.record)."""

    # A pull reads one person's changes after a seq: one index range scan.
    __table_args__ = (Index("ix_change_person_seq", "person_id", "seq"),)

    # SQLite: INTEGER PRIMARY KEY is the 64-bit rowid; PostgreSQL: a BIGINT identity.
    seq: int | None = Field(default=None, sa_column=Column(
        Integer().with_variant(BigInteger(), "postgresql"), Identity(), primary_key=True))
    person_id: int = Field(foreign_key="person.id")
    entity: str = Field(max_length=24)  # document type: card, visit, notice, ...
    entity_id: str = Field(max_length=40)
    op: str = Field(max_length=6)  # "put" or "delete" (a tombstone)
    payload: str | None = None  # the document as JSON for "put"
    at: dt.datetime


class AppliedMutation(SQLModel, table=True):
    """A client mutation applied once: its client-made id, so a retry is only acknowledged."""

    __table_args__ = (UniqueConstraint("person_id", "mutation_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    mutation_id: str = Field(max_length=40)
    kind: str = Field(max_length=24)
    applied_at: dt.datetime
