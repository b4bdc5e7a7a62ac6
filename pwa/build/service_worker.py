"""A Reflex plugin that writes the service worker after the pages are prerendered.

Workbox's workbox-build (from the npm registry, tools/node_modules) precaches every page and
compiled asset with a content revision. It must run after React Router has written the
prerendered pages, which is what `post_build` is for (vite-plugin-pwa's hook runs too early
with React Router's prerendering; see the project's Reflex notes).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from reflex_base.plugins.base import Plugin

from pwa.build.browser_modules import bundle

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "build-sw.mjs"


def build_id(static_dir: Path) -> str:
    """A short hash of the export's files: changes whenever a deployment changes."""
    digest = hashlib.sha256()
    for path in sorted(static_dir.rglob("*")):
        if path.is_file() and path.name not in ("sw.js",):
            digest.update(path.relative_to(static_dir).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]


def bundle_push_handlers(static_dir: Path) -> None:
    """Bundle the worker's push and notification handlers (assets/sw_push.js, with the
    formats and labels it words notices with) into one classic script, /sw-push.js, which
    the generated worker imports (`importScripts`: a worker's imported scripts are kept with
    it, so they work offline)."""
    # The web directory is the export's grandparent (<web>/build/client), whether a build
    # runs this or a test writes the worker again (tests/browser/test_sw_update.py).
    bundle(static_dir.parents[1], "sw_push.js", static_dir / "sw-push.js")


class ServiceWorkerPlugin(Plugin):
    """Generates /sw.js with Workbox once the production export exists."""

    def post_build(self, **context) -> None:
        """Bundle the push handlers, then run tools/build-sw.mjs over the static export."""
        static_dir = Path(context["static_dir"]).resolve()
        bundle_push_handlers(static_dir)
        node = shutil.which("node")
        if node is None or not (ROOT / "tools" / "node_modules" / "workbox-build").exists():
            raise RuntimeError("workbox-build is missing: run `make deps` (npm ci in tools/)")
        subprocess.run([node, str(SCRIPT), str(static_dir), build_id(static_dir)], check=True,
                       cwd=ROOT / "tools")
