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


class ServiceWorkerPlugin(Plugin):
    """Generates /sw.js with Workbox once the production export exists."""

    def post_build(self, **context) -> None:
        """Run tools/build-sw.mjs over the static export."""
        static_dir = Path(context["static_dir"]).resolve()
        node = shutil.which("node")
        if node is None or not (ROOT / "tools" / "node_modules" / "workbox-build").exists():
            raise RuntimeError("workbox-build is missing: run `make deps` (npm ci in tools/)")
        subprocess.run([node, str(SCRIPT), str(static_dir), build_id(static_dir)], check=True,
                       cwd=ROOT / "tools")
