"""The production server: the built app (pages, Reflex websocket, JSON API) on one port,
one Granian worker per core.

    python -m deploy.serve [--host 127.0.0.1] [--port 3000] [--workers N]

- Listens on loopback by default: TLS and the public address belong to the reverse proxy
  in front (deploy/Caddyfile or deploy/nginx.conf).
- Several workers need shared state: Reflex page state in Redis (`REDIS_URL`) and the data
  in PostgreSQL (`DB_URL`); the command refuses to start more than one worker without them.
- A worker that dies (crash, OOM kill, kill -9) is replaced by the supervisor; the others
  keep answering meanwhile. Workers are forked from a supervisor that has already imported
  the app, so a replacement is ready in well under a second.
- Expects the frontend built (`make build`); `make serve` builds, migrates and starts it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFLEX_ENV = {"REFLEX_ENV_MODE": "prod", "REFLEX_TELEMETRY_ENABLED": "false"}


def reflex_production_mode() -> None:
    """Reflex's production mode with the compiled frontend mounted into the backend and no
    compile at start (the build did it; each worker would otherwise write .web again).
    The last two are Reflex-internal variables, set through its own `environment`."""
    os.environ.update(REFLEX_ENV)
    from reflex_base.environment import environment

    environment.REFLEX_MOUNT_FRONTEND_COMPILED_APP.set(True)
    environment.REFLEX_SKIP_COMPILE.set(True)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options, defaulting to HOST, PORT and WORKERS from the environment."""
    parser = argparse.ArgumentParser(prog="python -m deploy.serve", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"),
                        help="address to listen on (default 127.0.0.1: behind a proxy)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "3000")))
    parser.add_argument("--workers", type=int,
                        default=int(os.environ.get("WORKERS") or os.cpu_count() or 1),
                        help="backend worker processes (default: one per core)")
    return parser.parse_args(argv)


def shared_state_problem(workers: int) -> str | None:
    """Why `workers` processes cannot run with this environment, or None."""
    if workers <= 1:
        return None
    missing = [name for name in ("REDIS_URL", "DB_URL") if not os.environ.get(name)]
    if missing:
        return (f"{workers} workers need shared state: set {' and '.join(missing)} "
                "(Reflex state in Redis, data in PostgreSQL), or run with --workers 1.")
    if os.environ["DB_URL"].startswith("sqlite"):
        return (f"{workers} workers need a database server: DB_URL points at SQLite; "
                "use PostgreSQL (postgresql+psycopg2://...) or --workers 1.")
    return None


def check_built() -> str | None:
    """Why the frontend cannot be served (not built), or None."""
    from reflex.utils import prerequisites
    from reflex_base.constants import Dirs

    index = prerequisites.get_web_dir() / Dirs.STATIC / "index.html"
    if not index.exists():
        return f"the frontend is not built ({index} missing): run `make build` first."
    return None


# Granian exits altogether when a respawned worker dies again within 5.5 s (a crash loop):
# right for a build that cannot start, wrong for a few unlucky kills in a row (the kernel's
# out-of-memory killer can take two quickly), which would drop every user. Only this many
# quick deaths in a row of one worker count as a crash loop here.
CRASH_LOOP_DEATHS = 5
QUICK_DEATH_SECONDS = 5.5


def supervisor_class() -> type:
    """Granian's server with the crash-loop rule above."""
    import time

    from granian.server import Server

    class Supervisor(Server):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.quick_deaths: dict[int, int] = {}  # worker index -> quick deaths in a row
            self.born: dict[int, float] = {}  # worker index -> when it was last respawned

        def _respawn_workers(self, workers, spawn_target, target_loader, delay: float = 0):
            now = time.monotonic()
            for idx in workers:
                quick = now - self.born.get(idx, 0) <= QUICK_DEATH_SECONDS
                self.quick_deaths[idx] = self.quick_deaths.get(idx, 0) + 1 if quick else 0
            result = super()._respawn_workers(workers, spawn_target, target_loader, delay)
            for idx in workers:
                self.born[idx] = time.monotonic()
                if self.quick_deaths[idx] < CRASH_LOOP_DEATHS - 1:
                    # Granian's own check reads this: without it, the next death of this
                    # worker is not taken for a crash loop.
                    self.respawned_wrks.pop(idx, None)
            return result

    return Supervisor


def main(argv: list[str] | None = None) -> int:
    """Start the supervisor and its workers; returns when they stop (SIGTERM, SIGINT)."""
    args = parse(argv)
    # Refuse before changing anything in this process's environment.
    if problem := shared_state_problem(args.workers):
        print(f"deploy.serve: {problem}", file=sys.stderr)
        return 2
    os.environ["PORT"] = str(args.port)  # rxconfig and the default origins read it
    reflex_production_mode()
    if problem := check_built():
        print(f"deploy.serve: {problem}", file=sys.stderr)
        return 2
    import multiprocessing

    from granian.constants import Interfaces
    from granian.log import LogLevels
    from reflex.utils import exec as reflex_exec
    from reflex.utils import prerequisites

    # Fork workers from a supervisor that has the app imported (fast respawn, shared pages).
    multiprocessing.set_start_method("fork", force=True)
    prerequisites.get_app()
    reflex_exec._preload_for_fork(None)
    server = supervisor_class()(
        target=reflex_exec.get_app_instance(), factory=True, interface=Interfaces.ASGI,
        address=args.host, port=args.port, workers=args.workers,
        # A dead worker is replaced at once; the respawn pause only spaces out a crash loop.
        respawn_failed_workers=True, respawn_interval=0.5, workers_kill_timeout=5,
        log_level=LogLevels(os.environ.get("GRANIAN_LOG_LEVEL", "warning")),
        log_dictconfig=reflex_exec._granian_log_dictconfig(),
    )
    server.serve()
    return 0


if __name__ == "__main__":
    sys.exit(main())
