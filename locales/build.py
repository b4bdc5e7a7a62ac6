"""Compile the gettext catalogs: `.mo` files for Python and per-language JSON for the
browser (`assets/i18n/<lang>.json`, `default.json`, `languages.json`).

Run by `make run` and `make test` (`python -m locales.build`); the outputs are not committed.
"""

from __future__ import annotations

import json
import sys

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from locales import DEFAULT_LANG, DOMAIN, ENABLED, LANGUAGES, LOCALE_DIR

ASSETS = LOCALE_DIR.parent / "assets" / "i18n"


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
        done.append(lang)
    meta = {"default": DEFAULT_LANG, "enabled": list(ENABLED),
            "names": {code: LANGUAGES[code] for code in ENABLED}}
    (ASSETS / "languages.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return done


if __name__ == "__main__":
    written = compile_all()
    print(f"Compiled catalogs: {', '.join(written)}", file=sys.stderr)
