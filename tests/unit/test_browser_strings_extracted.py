"""Every message the browser code translates with a literal (`t("…")`, `tn("…", "…")`) is
in the catalogs with a translation in each language. Babel's JavaScript extractor only reads
the files locales/babel.cfg names, and skips a call inside a template literal; a message it
missed would show in English to every reader."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("vi", "en", "zh", "ja", "ko")
STRING = r'"((?:[^"\\]|\\.)*)"'
CALLS = (re.compile(rf"\bt\(\s*{STRING}\s*[,)]"),
         re.compile(rf"\btn\(\s*{STRING}\s*,"))


def browser_messages() -> dict[str, str]:
    """msgid -> where it is used, for every literal message in the browser code."""
    found: dict[str, str] = {}
    for folder in ("assets", "sync/browser"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".js", ".jsx") or "external" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            for pattern in CALLS:
                for match in pattern.finditer(text):
                    msgid = match.group(1).encode().decode("unicode_escape").encode(
                        "latin-1").decode("utf-8")
                    line = text.count("\n", 0, match.start()) + 1
                    found.setdefault(msgid, f"{path.relative_to(ROOT)}:{line}")
    return found


def test_every_browser_message_is_translated() -> None:
    messages = browser_messages()
    assert len(messages) > 100  # the scan finds the screens' messages at all
    for lang in LANGS:
        with (ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
            catalog = read_po(f, locale=lang)
        missing = [f"{where}: {msgid!r}" for msgid, where in messages.items()
                   if not (catalog.get(msgid) and catalog.get(msgid).string)]
        assert not missing, f"{lang}: not in the catalog or untranslated:\n" + \
            "\n".join(missing)
