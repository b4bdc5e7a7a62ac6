"""Every SMS the app sends fits one SMS segment in every language: 160 characters when the
text is GSM-7, 70 when it needs UCS-2 (Vietnamese with diacritics, Chinese, Japanese, Korean,
or a character such as "·" in a device name).

The texts are found in the code, not in a hand list: every `sms.send(...)` call under api/
whose text is a `tr(lang, "...")` call, directly or through a variable assigned from one.
Placeholders get the longest realistic values."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from locales import LANGUAGES, format_short_day, tr

ROOT = Path(__file__).resolve().parents[2]

# GSM 03.38: the basic set, and the extension set (each of those costs two septets).
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXTENSION = set("^{}\\[~]|€\f")

# The longest realistic values: {code} is the 6-digit login code, or the 10-digit
# social-insurance code in the text that sends it; device names come from the browser and the
# platform ("·" in them is not GSM-7); a staff code is a facility code (5 characters), "-" and
# two digits; {day} is formatted per language, with two-digit day and month.
DAY = dt.date(2026, 12, 31)
VALUES = {
    "code": "123456",
    "device": "Samsung Internet · Android",
    "old": "Samsung Internet · Android",
    "staff": "79024-01",
}
SOCIAL_INSURANCE_CODE = "0123456789"


def segment_limit(text: str) -> tuple[str, int, int]:
    """(encoding, length in that encoding's units, limit of one segment)."""
    if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text):
        return "GSM-7", sum(2 if c in GSM7_EXTENSION else 1 for c in text), 160
    # UCS-2 counts UTF-16 code units (a character outside the BMP costs two).
    return "UCS-2", len(text.encode("utf-16-le")) // 2, 70


def _tr_text(node: ast.AST) -> str | None:
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
            and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)):
        return node.args[1].value
    return None


def sms_message_ids() -> list[str]:
    found: set[str] = set()
    for path in sorted((ROOT / "api").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            assigned = {t.id: _tr_text(n.value) for n in ast.walk(func) if isinstance(n, ast.Assign)
                        for t in n.targets if isinstance(t, ast.Name) and _tr_text(n.value)}
            for call in ast.walk(func):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "send" and isinstance(call.func.value, ast.Name)
                        and call.func.value.id in ("sms", "gateway") and call.args):
                    continue
                body = call.args[-1]
                text = _tr_text(body) or (assigned.get(body.id) if isinstance(body, ast.Name)
                                          else None)
                assert text, f"{path}:{call.lineno}: an SMS whose text the test cannot read"
                found.add(text)
    return sorted(found)


MESSAGES = sms_message_ids()


def test_the_sms_texts_are_found_in_the_code() -> None:
    assert len(MESSAGES) >= 4, MESSAGES  # login code, account moved, desk device, code look-up


def render(msgid: str, lang: str) -> str:
    values = VALUES | {"day": format_short_day(DAY, lang)}
    if "social-insurance code is {code}" in msgid:
        values["code"] = SOCIAL_INSURANCE_CODE
    return tr(lang, msgid, **values)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("msgid", MESSAGES)
def test_each_sms_fits_one_segment(msgid: str, lang: str) -> None:
    text = render(msgid, lang)
    encoding, length, limit = segment_limit(text)
    assert length <= limit, f"{lang} {encoding} {length} > {limit}: {text}"


if __name__ == "__main__":  # print the lengths: python -m tests.unit.test_sms_length
    for msgid in MESSAGES:
        print(msgid[:60])
        for lang in LANGUAGES:
            text = render(msgid, lang)
            print(f"  {lang} {segment_limit(text)} {text}")
