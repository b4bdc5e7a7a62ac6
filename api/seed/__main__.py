"""Command line: `python -m api.seed --people N --seed S [--reset | --if-empty]`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

from api.db import engine
from api.seed import generator


def _bar(done: int, total: int, started: float) -> None:
    width = 30
    filled = int(width * done / max(total, 1))
    rate = done / max(time.perf_counter() - started, 1e-9)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} people "
                     f"({rate:,.0f} people/s)")
    sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    """Seed the database named by DB_URL."""
    parser = argparse.ArgumentParser(prog="python -m api.seed", description=__doc__)
    parser.add_argument("--people", type=int, default=2000, help="generated people (plus demo)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    parser.add_argument("--batch", type=int, default=2000, help="people per insert batch")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="reference date, YYYY-MM-DD (default: today)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--reset", action="store_true", help="delete existing data first")
    group.add_argument("--if-empty", action="store_true", help="do nothing if people exist")
    args = parser.parse_args(argv)
    if args.people < 0:
        parser.error("--people must be 0 or more")
    eng = engine()
    if generator.is_seeded(eng):
        if args.if_empty:
            print("Database already has people; nothing to do (use --reset to start over).")
            return 0
        if not args.reset:
            print("Database already has people. Run with --reset to replace them, "
                  "or --if-empty to keep them.", file=sys.stderr)
            return 2
    started = time.perf_counter()
    written = generator.run(eng, args.people, args.seed, today=args.today,
                            batch_size=args.batch, reset=args.reset,
                            progress=lambda d, t: _bar(d, t, started))
    elapsed = time.perf_counter() - started
    sys.stderr.write("\n")
    print(f"Seeded {written:,} people in {elapsed:.1f} s ({written / elapsed:,.0f} people/s).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
