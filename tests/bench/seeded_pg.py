"""Large seeded PostgreSQL databases for the benchmarks, kept between runs.

Seeding a million people takes ~6 minutes (COPY, ~2,700 people/s), so a database is reused
when it already holds the expected number of people at the current alembic head, and built
again otherwise (an interrupted seed, a new migration). Names: `<BENCH_PG_PREFIX>_people_<n>`
(default prefix "bench"), so several checkouts on one server keep apart.

    python -m tests.bench.seeded_pg 100000 1000000   # build them ahead of a bench run
"""

from __future__ import annotations

import os
import sys
import time

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from api.db import engine_for
from api.seed import generator
from api.seed.demo import DEMO_CHILDREN, DEMO_PEOPLE
from tests.conftest import PG_ADMIN_URL, ROOT, migrate


def _head() -> str:
    return ScriptDirectory.from_config(Config(str(ROOT / "alembic.ini"))).get_current_head()


def database_url(people: int) -> str:
    prefix = os.environ.get("BENCH_PG_PREFIX", "bench")
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{prefix}_people_{people}"


def _ready(url: str, people: int) -> bool:
    """Whether `url` holds exactly the seed of `people` at the current migration head."""
    eng = create_engine(url)
    try:
        with eng.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            count = conn.execute(text("SELECT count(*) FROM person")).scalar()
    except (OperationalError, ProgrammingError):  # no such database, or half made
        return False
    finally:
        eng.dispose()
    return version == _head() and count == people + len(DEMO_PEOPLE) + len(DEMO_CHILDREN)


def seeded(people: int, report=print) -> str:
    """The URL of a PostgreSQL database seeded with `people` (plus the demo people)."""
    url = database_url(people)
    if _ready(url, people):
        return url
    name = url.rsplit("/", 1)[1]
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    eng = migrate(url)
    start = time.perf_counter()
    written = generator.run(eng, people=people, seed=1)
    report(f"seeded {name}: {written:,} people in {time.perf_counter() - start:,.0f} s")
    with eng.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))  # plans for the sizes just written
    engine_for(url).dispose()
    return url


if __name__ == "__main__":
    for size in sys.argv[1:]:
        print(seeded(int(size)), flush=True)
