"""Translations (gettext catalogs managed with babel) and locale-aware formatting.

Message ids are English. Python code marks strings with `N_` (mark only) or translates them
with `tr(lang, msgid, **values)`; the Reflex pages use `pwa.i18n.t`, which looks the same
catalogs up in the browser (compiled to JSON by `locales.build`).
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_datetime as _format_datetime
from babel.dates import get_timezone
from babel.numbers import format_currency, format_decimal

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
_BABEL_LOCALE = {"vi": "vi_VN", "en": "en", "zh": "zh_Hans_CN", "ja": "ja_JP", "ko": "ko_KR"}


def N_(msgid: str) -> str:
    """Mark a string for extraction; it is translated later, where the language is known."""
    return msgid


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


def format_money(amount: int, lang: str) -> str:
    """Integer đồng as currency, e.g. "1.250.000 ₫" in Vietnamese."""
    return format_currency(amount, "VND", locale=_BABEL_LOCALE[lang])


def format_number(value: float, lang: str) -> str:
    """A plain number with the language's separators."""
    return format_decimal(value, locale=_BABEL_LOCALE[lang])


def format_day(day: dt.date | None, lang: str) -> str:
    """A date in the language's medium form ("15 thg 2, 1990", "Feb 15, 1990")."""
    if day is None:
        return ""
    return _format_date(day, format="medium", locale=_BABEL_LOCALE[lang])


def format_short_day(day: dt.date | None, lang: str) -> str:
    """A date in numeric form: "15/02/1990" in Vietnamese, the locale's own order elsewhere."""
    if day is None:
        return ""
    pattern = _NUMERIC_DAY.get(lang)
    return _format_date(day, format=pattern or "short", locale=_BABEL_LOCALE[lang])


# Times are shown in Vietnam's time zone, whatever the phone's setting: events happen there.
TIME_ZONE = "Asia/Ho_Chi_Minh"
_NUMERIC_DATETIME = {"vi": "HH:mm dd/MM/yyyy", "en": "MM/dd/yyyy, h:mm a",
                     "zh": "yyyy/MM/dd HH:mm", "ja": "yyyy/MM/dd H:mm",
                     "ko": "yyyy. MM. dd. a h:mm"}


def format_datetime(moment: dt.datetime | None, lang: str) -> str:
    """Date and time in Vietnam's time zone ("18:30 23/11/2026" in Vietnamese)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)  # stored in UTC
    return _format_datetime(moment, format=_NUMERIC_DATETIME.get(lang, "short"),
                            tzinfo=get_timezone(TIME_ZONE), locale=_BABEL_LOCALE[lang])


def format_month(day: dt.date | None, lang: str) -> str:
    """A month and year ("02/2024" in Vietnamese, "Feb 2024" in English)."""
    if day is None:
        return ""
    if lang == "vi":
        return _format_date(day, format="MM/yyyy", locale="vi_VN")
    pattern = Locale.parse(_BABEL_LOCALE[lang]).datetime_skeletons["yMMM"]
    return _format_date(day, format=pattern, locale=_BABEL_LOCALE[lang])


# Four-digit years read better than the CLDR "short" two-digit ones on a card.
_NUMERIC_DAY = {"vi": "dd/MM/yyyy", "en": "MM/dd/yyyy", "zh": "yyyy/MM/dd", "ja": "yyyy/MM/dd",
                "ko": "yyyy. MM. dd."}


def format_months(count: int, lang: str) -> str:
    """A duration in months, read naturally: "12 năm 3 tháng", "12 years 3 months"."""
    years, months = divmod(count, 12)
    parts = []
    if years:
        parts.append(tr(lang, "{n} yr", n=years) if years == 1 else tr(lang, "{n} yrs", n=years))
    if months or not years:
        parts.append(tr(lang, "{n} mo", n=months))
    # Chinese and Japanese write "12年3个月" with no space; the others space the parts.
    return ("" if lang in ("zh", "ja") else " ").join(parts)
