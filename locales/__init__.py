"""Translations (gettext catalogs managed with babel) and locale-aware formatting.

Message ids are English. Python code marks strings with `N_` (mark only) or translates them
with `tr(lang, msgid, **values)` (or `trn(lang, singular, plural, count, **values)` for
a message whose words depend on a number); the Reflex pages use `pwa.i18n.t`, which looks the same
catalogs up in the browser (compiled to JSON by `locales.build`).
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
from functools import lru_cache
from pathlib import Path

from locales import formats

LOCALE_DIR = Path(__file__).resolve().parent
DOMAIN = "messages"
DEFAULT_LANG = "vi"
# The five languages of the real app, in the order the switcher shows them.
LANGUAGES: dict[str, str] = {
    "vi": "Tiếng Việt",
    "en": "English",
    "zh": "中文",
    "ja": "日本語",
    "ko": "한국어",
}
# Languages whose catalogs are complete and selectable (tests fail on a gap in any).
ENABLED = tuple(LANGUAGES)


def N_(msgid: str) -> str:  # noqa: N802  (the gettext convention)
    """Mark a string for extraction; it is translated later, where the language is known."""
    return msgid


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802
    """Mark a message with a plural form for extraction; translated with `trn` later."""
    return singular, plural


def pick_lang(value: str | None) -> str:
    """A supported language from a cookie value or an Accept-Language header."""
    for part in (value or "").replace(";", ",").split(","):
        tag = part.strip().lower()[:2]
        if tag in ENABLED:
            return tag
    return DEFAULT_LANG


@lru_cache(maxsize=8)
def _translations(lang: str) -> _gettext.NullTranslations:
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def tr(lang: str, msgid: str, **values: object) -> str:
    """Translate `msgid` into `lang` and fill `{name}` placeholders."""
    text = _translations(lang).gettext(msgid)
    return text.format(**values) if values else text


def trn(lang: str, singular: str, plural: str, count: int, **values: object) -> str:
    """The form of a message for `count` ("1 try left", "3 tries left") in `lang`, by the
    catalog's Plural-Forms rule, with `{name}` placeholders filled by `values`."""
    text = _translations(lang).ngettext(singular, plural, count)
    return text.format(**values) if values else text


# Dates, numbers and money: the shared patterns of locales/formats.py (the browser reads
# the same ones from assets/i18n/formats.json).
TIME_ZONE = formats.TIME_ZONE
format_money = formats.money
format_number = formats.number
format_datetime = formats.moment


def format_day(day: dt.date | None, lang: str) -> str:
    """A date in the language's medium form ("15 thg 2, 1990", "Feb 15, 1990")."""
    return formats.date_as("medium", day, lang)


def format_short_day(day: dt.date | None, lang: str) -> str:
    """A date in numeric form with four-digit years: "15/02/1990" in Vietnamese."""
    return formats.date_as("day", day, lang)


def format_month(day: dt.date | None, lang: str) -> str:
    """A month and year ("02/2024" in Vietnamese, "Feb 2024" in English)."""
    return formats.date_as("month", day, lang)


def format_months(count: int, lang: str) -> str:
    """A duration in months, read naturally: "12 năm 3 tháng", "12 yrs 3 mo"."""
    years, months = divmod(count, 12)
    parts = []
    if years:
        parts.append(trn(lang, "{n} yr", "{n} yrs", years, n=years))
    if months or not years:
        parts.append(trn(lang, "{n} mo", "{n} mo", months, n=months))
    # Chinese and Japanese write "12年3个月" with no space; the others space the parts.
    return ("" if lang in ("zh", "ja") else " ").join(parts)
