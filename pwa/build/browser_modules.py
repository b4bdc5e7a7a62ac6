"""Reflex plugins that ship plain browser modules with the app: the browser side of the sync
protocol, and the card's early paint bundled into one file.

The sync engine and the encrypted store live in `sync/browser/`, beside the server side of
the protocol they speak. Reflex only copies `assets/`, so this plugin writes those modules
to `public/sync/` of the web build, where `assets/screens/*.jsx` import them as
`../sync/engine.js`. (A symlink in `assets/` did the same but does not survive every checkout.)
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from reflex.utils import prerequisites
from reflex_base.plugins.base import Plugin

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "sync" / "browser"
BUNDLER = ROOT / "tools" / "bundle-browser.mjs"


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

    The prerendered card page then loses its module preloads (see `card_page`).
    """

    def post_build(self, **context) -> None:
        """Bundle public/card_boot.js over the copy the export holds; rewrite the card page."""
        # Absolute: bun runs inside the web directory, and the web directory is a relative
        # path (".web") under `reflex export` and `make run`.
        web = Path(prerequisites.get_web_dir()).resolve()
        static = Path(context["static_dir"]).resolve()
        bundle(web, "card_boot.js", static / "card_boot.js")
        card_page(static)


def bundle(web: Path, name: str, target: Path | None = None) -> str:
    """public/`name` of the web directory and its imports as one minified classic script
    (tools/bundle-browser.mjs), written to `target` if given; its text."""
    bun = shutil.which("bun")
    if bun is None:
        raise RuntimeError("bun is missing on PATH: run `make deps`")
    out = [str(target)] if target else []
    done = subprocess.run([bun, str(BUNDLER), str(web / "public" / name), *out],
                          check=True, cwd=web, capture_output=True, text=True)
    return target.read_text(encoding="utf-8") if target else done.stdout


# The card page as React Router prerenders it: each of its copies (/card/ and /card.html),
# with the gzip version the server sends.
CARD_PAGES = ("card/index.html", "card.html")
BOOT_TAG = '<script async="" fetchPriority="high" src="/card_boot.js"></script>'
# On the card page, the first frame waits for it (see `card_page`).
CARD_BOOT_TAG = BOOT_TAG.replace(' src=', ' blocking="render" src=')
MODULE_PRELOAD = re.compile(r'<link rel="modulepreload" href="[^"]*"/>')


def card_page(static: Path) -> None:
    """The card page opened offline paints the card from the store (card_boot.js) before the
    app has loaded; at 4x CPU (the offline-start benchmark) some fourteen
    <link rel=modulepreload> in its head made the service worker answer, and the phone
    compile, the whole React bundle while the head was parsed, ahead of card_boot.js and of
    the first paint. Without them the bundle's modules load as the page's module script asks
    for them, after the card is painted; the app does not take over later for it.

    (The store read is not started from an inline script here, though that comes earlier:
    React's hydration then renders the whole page anew, deleting the early paint. The service
    worker reads the records instead, assets/sw-routes.js.)

    card_boot.js is made render-blocking here (still async: the parser does not wait for
    it): as it starts it keeps the page's header, tabs and bottom bar out of layout
    (assets/card_frame.js), and a first frame drawn before it ran would lay all of them out,
    the longest task before the card can be painted on a slow phone. It is the head's first
    request and usually runs before the head's parser-blocking scripts have arrived; the
    wait costs nothing then.
    """
    for rel in CARD_PAGES:
        page = static / rel
        html = page.read_text(encoding="utf-8")
        if html.count(BOOT_TAG) != 1:
            raise RuntimeError(f"{rel}: the card_boot.js tag was not found once: {BOOT_TAG}")
        html = MODULE_PRELOAD.sub("", html).replace(BOOT_TAG, CARD_BOOT_TAG)
        page.write_text(html, encoding="utf-8")
        packed = page.with_name(page.name + ".gz")
        if packed.exists():
            packed.write_bytes(gzip.compress(html.encode(), compresslevel=9, mtime=0))
