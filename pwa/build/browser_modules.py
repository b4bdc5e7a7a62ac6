"""A Reflex plugin that ships the browser side of the sync protocol with the app.

The sync engine and the encrypted store live in `sync/browser/`, beside the server side of
the protocol they speak. Reflex only copies `assets/`, so this plugin writes those modules
to `public/sync/` of the web build, where `assets/screens/*.jsx` import them as
`../sync/engine.js`. (A symlink in `assets/` did the same but does not survive every checkout.)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reflex_base.plugins.base import Plugin

SOURCE = Path(__file__).resolve().parents[2] / "sync" / "browser"


class SyncModulesPlugin(Plugin):
    """Adds sync/browser/*.js to the web build as public/sync/*.js."""

    def get_static_assets(self, **context) -> Sequence[tuple[Path, str | bytes]]:
        """Every browser module of the sync protocol, with its text."""
        return [(Path("public") / "sync" / path.name, path.read_text(encoding="utf-8"))
                for path in sorted(SOURCE.glob("*.js"))]
