"""Reflex plugins that ship plain browser modules with the app: the browser side of the sync
protocol, and the card's early paint bundled into one file.

The sync engine and the encrypted store live in `sync/browser/`, beside the server side of
the protocol they speak. Reflex only copies `assets/`, so this plugin writes those modules
to `public/sync/` of the web build, where `assets/screens/*.jsx` import them as
`../sync/engine.js`. (A symlink in `assets/` did the same but does not survive every checkout.)
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from reflex.utils import prerequisites
from reflex_base.plugins.base import Plugin

SOURCE = Path(__file__).resolve().parents[2] / "sync" / "browser"


class SyncModulesPlugin(Plugin):
    """Adds sync/browser/*.js to the web build as public/sync/*.js."""

    def get_static_assets(self, **context) -> Sequence[tuple[Path, str | bytes]]:
        """Every browser module of the sync protocol, with its text."""
        return [(Path("public") / "sync" / path.name, path.read_text(encoding="utf-8"))
                for path in sorted(SOURCE.glob("*.js"))]



class CardBootPlugin(Plugin):
    """Publishes the card's early paint (assets/card_boot.js) as one classic script.

    That script paints the card before the React bundle has loaded. Loaded as it is written,
    its imports (the store, the device key, the QR library, ...) would be fetched one level
    after another, each waiting for the last, while the bundle keeps the phone busy: bundled
    with them (bun, qrcode-generator from the web directory's node_modules), it is one
    request, and a classic script that runs as soon as it arrives. This runs after the build
    (the package is installed into the web directory during it) and before the service
    worker is written, which precaches the result.
    """

    def post_build(self, **context) -> None:
        """Bundle public/card_boot.js over the copy the export holds."""
        # Absolute: bun runs inside the web directory, and the web directory is a relative
        # path (".web") under `reflex export` and `make run`.
        web = Path(prerequisites.get_web_dir()).resolve()
        target = Path(context["static_dir"]).resolve() / "card_boot.js"
        bun = shutil.which("bun")
        if bun is None:
            raise RuntimeError("bun is missing on PATH: run `make deps`")
        subprocess.run([bun, "build", str(web / "public" / "card_boot.js"), "--outfile",
                        str(target), "--format", "iife", "--target", "browser", "--minify"],
                       check=True, cwd=web, stdout=subprocess.DEVNULL)
