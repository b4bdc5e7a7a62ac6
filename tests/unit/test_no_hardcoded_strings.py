"""No user-visible text in `pwa/` outside the translation function `t()`.

Every string literal given to a Reflex component as a child, or as an attribute people read
or hear (placeholder, title, alt, aria-label, label), must come through `t()`; this test reads
the page code and fails on any that does not, so a later feature cannot slip English (or
Vietnamese) past the translators.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VISIBLE_ATTRIBUTES = {"placeholder", "title", "alt", "aria_label", "label", "aria_description"}
# Text that is the same in every language: the agency's abbreviations and symbols.
SAME_IN_EVERY_LANGUAGE = {"BHXH", "BHYT", "QR", "₫", "%", "·", "–", "—", "/", "×", "✓", "✕"}
LETTER = re.compile(r"[^\W\d_]")


# rx helpers that are not components: their strings are scripts, URLs or class names.
NOT_COMPONENTS = {"call_script", "redirect", "script", "console_log", "set_value", "set_focus",
                  "Var", "create", "remove_cookie", "clear_local_storage", "download", "event"}


def _rx_name(node: ast.Call) -> str | None:
    """"button" for rx.el.button(...), "cond" for rx.cond(...); None for other calls."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else None
    while isinstance(func, ast.Attribute):
        func = func.value
    return name if isinstance(func, ast.Name) and func.id == "rx" else None


def _visible(value: ast.expr) -> str | None:
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        text = value.value.strip()
        if LETTER.search(text) and text not in SAME_IN_EVERY_LANGUAGE:
            return text
    if isinstance(value, ast.JoinedStr):
        return ast.unparse(value)
    return None


def hardcoded(path: Path) -> list[str]:
    """`file:line: text` for each untranslated visible string in one module."""
    found: list[str] = []

    def value(node: ast.expr, visible: bool) -> None:
        text = _visible(node) if visible else None
        if text is not None:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
        else:
            walk(node, visible)

    def walk(node: ast.AST, visible: bool) -> None:
        name = _rx_name(node) if isinstance(node, ast.Call) else None
        if name is None:
            for child in ast.iter_child_nodes(node):
                walk(child, visible)
        elif name in ("cond", "match"):
            # Its branches are shown only where the cond itself is (a child, not a class).
            for arg in node.args[1:]:
                value(arg, visible)
        elif name not in NOT_COMPONENTS:
            for arg in node.args:
                value(arg, True)
            for keyword in node.keywords:
                value(keyword.value, keyword.arg in VISIBLE_ATTRIBUTES)

    walk(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def test_the_scanner_catches_a_bare_string(tmp_path: Path) -> None:
    sample = ROOT / "pwa" / "_scanner_sample.py"
    try:
        sample.write_text('import reflex as rx\nrx.el.button("Save", title=t("Save"))\n'
                          'rx.el.input(placeholder="Name")\nrx.text(t("Fine"), " · ")\n'
                          'rx.el.p(rx.cond(x, "Yes", t("No")), class_name=rx.cond(x, "a", "b"))\n')
        assert [line.split(": ", 1)[1] for line in hardcoded(sample)] == [
            "'Save'", "'Name'", "'Yes'"]
    finally:
        sample.unlink()


def test_no_hardcoded_user_visible_strings_in_pwa() -> None:
    found = [hit for path in sorted((ROOT / "pwa").rglob("*.py")) for hit in hardcoded(path)]
    assert not found, "wrap these in t() and run `make locales-update`:\n" + "\n".join(found)
