"""Bring a database filled before the 2025 province reform to the 34 provinces.

Used by migration 0004 (and safe to run again): every entry in a merged-away province moves
to the new province and remembers the old one, old provinces stay as rows that point to
their successor, the real hospitals are added, and the search text and Vietnamese sort key
of every directory entry are (re)computed.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.engine import Connection

from api.domain import provinces
from api.domain.codes import fold
from api.domain.directory import listing
from api.domain.models import (
    Agency,
    CollectionAgent,
    Employer,
    Facility,
    HealthCard,
    Person,
    Province,
)
from api.seed import realdata

LISTED = (Facility, Agency, Employer, CollectionAgent)


def apply(conn: Connection) -> None:
    """Run every step on a database that holds data (an empty one is left to the seed);
    each step leaves already-converted rows as they are."""
    if not conn.execute(select(func.count()).select_from(Province.__table__)).scalar_one():
        return
    update_provinces(conn)
    move_rows(conn)
    add_hospitals(conn)
    refresh_listings(conn)


def update_provinces(conn: Connection) -> None:
    """Current names and successor links for the 63 province rows (missing ones added;
    current provinces first, since the others point at them)."""
    table = Province.__table__
    known = set(conn.execute(select(table.c.code)).scalars())
    rows = [*provinces.CURRENT.items(),
            *[(code, provinces.BEFORE_2025[code]) for code in provinces.retired_codes()]]
    for code, name in rows:
        values = {"name": name, "name_search": fold(name),
                  "successor_code": None if code in provinces.CURRENT
                  else provinces.current_code(code)}
        if code in known:
            conn.execute(update(table).where(table.c.code == code).values(**values))
        else:
            conn.execute(insert(table).values(code=code, **values))


def move_rows(conn: Connection) -> None:
    """Entries, people and cards of merged-away provinces move to the new province;
    facilities and employers keep the old one in `former_province_code`."""
    for old in provinces.retired_codes():
        new = provinces.current_code(old)
        for model in (*LISTED, Person, HealthCard):
            table = model.__table__
            values = {"province_code": new}
            if "former_province_code" in table.c:
                values["former_province_code"] = old
            conn.execute(update(table).where(table.c.province_code == old).values(**values))


def add_hospitals(conn: Connection) -> None:
    """The real hospitals of `api/seed/data/hospitals.csv` not yet in the directory."""
    table = Facility.__table__
    known = set(conn.execute(select(table.c.code)).scalars())
    counters: dict[str, int] = {}
    rows = []
    for hospital in realdata.hospitals():
        counters[hospital.province] = counters.get(hospital.province, 0) + 1
        code = realdata.hospital_code(hospital.province, counters[hospital.province])
        if code in known:
            continue
        former = hospital.former if hospital.former != hospital.province else None
        rows.append({"code": code, "name": hospital.name, "name_search": fold(hospital.name),
                     "level": hospital.level, "province_code": hospital.province,
                     "former_province_code": former, "address": hospital.address,
                     "phone": "", "bhyt_contracted": True, "issues_sick_leave": True,
                     **listing(hospital.name, hospital.address, hospital.province)})
    if rows:
        conn.execute(insert(table), rows)


def refresh_listings(conn: Connection, batch: int = 2000) -> int:
    """Recompute search text and sort key of every entry (after an ICU upgrade too);
    returns the number of rows updated."""
    done = 0
    for model in LISTED:
        table = model.__table__
        statement = (update(table).where(table.c.id == bindparam("row_id"))
                     .values(search_text=bindparam("text"), sort_key=bindparam("key")))
        last = 0
        while True:
            rows = conn.execute(select(table.c.id, table.c.name, table.c.address,
                                       table.c.province_code)
                                .where(table.c.id > last).order_by(table.c.id)
                                .limit(batch)).all()
            if not rows:
                break
            params = []
            for row in rows:
                columns = listing(row.name, row.address, row.province_code)
                params.append({"row_id": row.id, "text": columns["search_text"],
                               "key": columns["sort_key"]})
            conn.execute(statement, params)
            done += len(rows)
            last = rows[-1].id
    return done


def count_retired_rows(conn: Connection) -> int:
    """Entries, people and cards still in a merged-away province (0 after `apply`)."""
    retired = provinces.retired_codes()
    return sum(conn.execute(select(func.count()).select_from(model.__table__)
                            .where(model.__table__.c.province_code.in_(retired))).scalar_one()
               for model in (*LISTED, Person, HealthCard))
