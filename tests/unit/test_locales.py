"""Catalogs: complete, placeholders intact; formatting with babel per language."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from babel.messages.pofile import read_po

from locales import (
    ENABLED,
    LOCALE_DIR,
    format_money,
    format_month,
    format_months,
    format_short_day,
    pick_lang,
    tr,
)

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def catalog(lang: str):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def singular(msgid: str | tuple[str, ...]) -> str:
    """A message's id: its singular form for a message with a plural."""
    return msgid if isinstance(msgid, str) else msgid[0]


def forms(message) -> tuple[str, ...]:
    """The translations of a message: one, or one per plural form."""
    return message.string if isinstance(message.string, tuple) else (message.string,)


def template_ids() -> set[str]:
    with (LOCALE_DIR / "messages.pot").open("rb") as handle:
        return {singular(m.id) for m in read_po(handle) if m.id}


@pytest.mark.parametrize("lang", ENABLED)
def test_every_message_is_translated_and_not_fuzzy(lang: str) -> None:
    cat = catalog(lang)
    missing = sorted(singular(m.id) for m in cat
                     if m.id and (not all(forms(m)) or m.fuzzy))
    assert not missing, f"{lang}: untranslated or fuzzy: {missing}"
    absent = template_ids() - {singular(m.id) for m in cat if m.id}
    assert not absent, f"{lang}: not merged from messages.pot (make locales-update): {absent}"


@pytest.mark.parametrize("lang", ENABLED)
def test_placeholders_match(lang: str) -> None:
    for m in catalog(lang):
        if not m.id:
            continue
        wanted = set(PLACEHOLDER.findall(singular(m.id)))
        for text in forms(m):
            if text:
                assert set(PLACEHOLDER.findall(text)) == wanted, m.id


def test_template_is_current() -> None:
    """messages.pot holds every string the code marks (run `make locales-update`)."""
    from babel.messages.extract import extract_from_dir

    keywords = {"t": None, "N_": None, "tr": (2,), "tn": (1, 2), "Nn_": (1, 2), "trn": (2, 3)}
    # Keep in step with I18N_KEYWORDS in the Makefile and locales/babel.cfg.
    found: set[str] = set()
    root = LOCALE_DIR.parent
    method_map = [("pwa/**.py", "python"), ("api/**.py", "python"),
                  ("locales/__init__.py", "python"), ("locales/build.py", "python"),
                  ("locales/labels.py", "python"),
                  ("assets/*.js", "javascript"),
                  ("assets/*.jsx", "javascript"), ("assets/screens/*.jsx", "javascript"),
                  ("assets/clinic/*.js", "javascript"), ("assets/clinic/*.jsx", "javascript")]
    for _file, _line, message, _comments, _ctx in extract_from_dir(
            str(root), method_map=method_map, keywords=keywords):
        found.add(message if isinstance(message, str) else message[0])
    assert found - template_ids() == set()


def test_money_dates_months_per_language() -> None:
    assert format_money(1_250_000, "vi") == "1.250.000\u00a0₫"
    assert format_money(1_250_000, "en") == "₫1,250,000"
    day = dt.date(1990, 2, 15)
    assert format_short_day(day, "vi") == "15/02/1990"
    assert format_short_day(day, "en") == "02/15/1990"
    assert format_month(day, "vi") == "02/1990"
    assert format_month(day, "en") == "Feb 1990"
    assert format_months(147, "vi") == "12 năm 3 tháng"
    assert format_months(147, "en") == "12 yrs 3 mo"
    assert format_months(12, "en") == "1 yr"


def test_chinese_japanese_korean_read_naturally() -> None:
    day = dt.date(1990, 2, 15)
    assert format_short_day(day, "zh") == format_short_day(day, "ja") == "1990/02/15"
    assert format_short_day(day, "ko") == "1990. 02. 15."
    assert format_month(dt.date(2024, 3, 1), "ja") == "2024年3月"
    assert format_month(dt.date(2024, 3, 1), "ko") == "2024년 3월"
    assert format_months(147, "zh") == "12年3个月"
    assert format_months(147, "ja") == "12年3か月"
    assert format_months(147, "ko") == "12년 3개월"
    for lang in ("zh", "ja", "ko"):
        assert format_money(1_250_000, lang) == "₫1,250,000"


def test_language_choice_falls_back_to_vietnamese() -> None:
    assert pick_lang("en-US,en;q=0.9") == "en"
    assert pick_lang("fr-FR, de") == "vi"
    assert pick_lang(None) == "vi"
    assert tr("en", "Valid") == "Valid" and tr("vi", "Valid") != "Valid"


def test_card_early_paint_strings_are_in_the_template() -> None:
    """The card's early paint (assets/card_boot.js) shows these before the app's catalogs
    load; each must be a message the catalogs translate (locales/build.py writes them)."""
    from locales.build import CARD_BOOT

    assert set(CARD_BOOT) <= template_ids()
