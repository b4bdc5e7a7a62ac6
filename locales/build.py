"""Compile the gettext catalogs: `.mo` files for Python, per-language JSON for the browser
(`assets/i18n/<lang>.json`, `default.json`, `languages.json`) and a web app manifest per
language (`assets/i18n/manifest.<lang>.webmanifest`: the name and description people see
when they install the app).

Run by `make run` and `make test` (`python -m locales.build`); the outputs are not committed.
"""

from __future__ import annotations

import json
import sys

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from locales import DEFAULT_LANG, DOMAIN, ENABLED, LANGUAGES, LOCALE_DIR, N_

ASSETS = LOCALE_DIR.parent / "assets" / "i18n"
NAME = N_("Social insurance wallet")
SHORT_NAME = N_("BHXH wallet")  # under the icon on a home screen: keep it short
DESCRIPTION = N_("Your health-insurance card, contribution history and benefits, on your phone.")
MANIFEST = {
    "start_url": "/", "scope": "/", "display": "standalone", "orientation": "portrait",
    "background_color": "#f3f6fa", "theme_color": "#0b2545",
    "icons": [
        {"src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
        {"src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
        {"src": "/icons/maskable-512.png", "sizes": "512x512", "type": "image/png",
         "purpose": "maskable"},
    ],
}


def manifest(lang: str, messages: dict[str, str]) -> str:
    """The web app manifest in one language."""
    def text(msgid: str) -> str:
        return messages.get(msgid, msgid)

    body = {"name": text(NAME), "short_name": text(SHORT_NAME),
            "description": text(DESCRIPTION), "lang": lang, "id": "/", **MANIFEST}
    return json.dumps(body, ensure_ascii=False, indent=1)


def compile_all() -> list[str]:
    """Compile every enabled language; returns the languages written."""
    ASSETS.mkdir(parents=True, exist_ok=True)
    done = []
    for lang in ENABLED:
        po_path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        with po_path.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)
        messages = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
        text = json.dumps(messages, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        (ASSETS / f"{lang}.json").write_text(text, encoding="utf-8")
        if lang == DEFAULT_LANG:
            (ASSETS / "default.json").write_text(text, encoding="utf-8")
        (ASSETS / f"manifest.{lang}.webmanifest").write_text(manifest(lang, messages),
                                                             encoding="utf-8")
        done.append(lang)
    meta = {"default": DEFAULT_LANG, "enabled": list(ENABLED),
            "names": {code: LANGUAGES[code] for code in ENABLED}}
    (ASSETS / "languages.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return done


if __name__ == "__main__":
    written = compile_all()
    print(f"Compiled catalogs: {', '.join(written)}", file=sys.stderr)
