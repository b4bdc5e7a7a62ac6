"""How dates, numbers and money look in each language: one source for Python and the browser.

The patterns below (CLDR/LDML date patterns, always with four-digit years) and the locale
data babel holds for them (month names, day periods, number symbols, the currency pattern)
are written by `locales.build` into `assets/i18n/formats.json`, which the
browser's formatters in `assets/i18n.js` interpret. The Python formatters here use the same
patterns through babel, so a page rendered by the server and an offline screen rendered by
the phone show the same text (a browser test compares them in all five languages).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_datetime, get_timezone
from babel.numbers import format_currency, format_decimal, parse_pattern

# Times are shown in Vietnam's time zone, whatever the phone's setting: events happen there.
TIME_ZONE = "Asia/Ho_Chi_Minh"
CURRENCY = "VND"
BABEL_LOCALE = {"vi": "vi_VN", "en": "en", "zh": "zh_Hans_CN", "ja": "ja_JP", "ko": "ko_KR"}
# Four-digit years everywhere: they read better than CLDR's two-digit "short" forms.
DAY = {"vi": "dd/MM/yyyy", "en": "MM/dd/yyyy", "zh": "yyyy/MM/dd", "ja": "yyyy/MM/dd",
       "ko": "yyyy. MM. dd."}
MOMENT = {"vi": "HH:mm dd/MM/yyyy", "en": "MM/dd/yyyy, h:mm a", "zh": "yyyy/MM/dd HH:mm",
          "ja": "yyyy/MM/dd H:mm", "ko": "yyyy. MM. dd. a h:mm"}
# Month and year: Vietnamese writes "02/2024"; the others use their CLDR "yMMM" skeleton.
MONTH = {"vi": "MM/yyyy"}


def _locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALE[lang])


@lru_cache(maxsize=8)
def patterns(lang: str) -> dict[str, str]:
    """The date patterns of one language: day, month, moment (date and time), medium."""
    loc = _locale(lang)
    return {"day": DAY[lang], "month": MONTH.get(lang) or loc.datetime_skeletons["yMMM"].pattern,
            "moment": MOMENT[lang], "medium": loc.date_formats["medium"].pattern}


def _money_spec(loc: Locale) -> dict[str, str]:
    """Currency pattern pieces with the symbol filled in (đồng have no minor unit)."""
    pattern = parse_pattern(loc.currency_formats["standard"])
    symbol = loc.currency_symbols.get(CURRENCY, CURRENCY)
    pos_prefix, neg_prefix = (p.replace("¤", symbol) for p in pattern.prefix)
    pos_suffix, neg_suffix = (s.replace("¤", symbol) for s in pattern.suffix)
    return {"prefix": pos_prefix, "suffix": pos_suffix, "neg_prefix": neg_prefix,
            "neg_suffix": neg_suffix}


@lru_cache(maxsize=8)
def spec(lang: str) -> dict:
    """Everything the browser needs to format like Python in `lang` (JSON-ready)."""
    loc = _locale(lang)
    symbols = loc.number_symbols[loc.default_numbering_system]
    periods = loc.day_periods["format"]["abbreviated"]
    return {
        "time_zone": TIME_ZONE,
        "patterns": patterns(lang),
        "months": {"abbreviated": [loc.months["format"]["abbreviated"][i] for i in range(1, 13)],
                   "wide": [loc.months["format"]["wide"][i] for i in range(1, 13)]},
        "periods": {"am": periods["am"], "pm": periods["pm"]},
        "number": {"group": symbols["group"], "decimal": symbols["decimal"],
                   "minus": symbols["minusSign"], "max_fraction": 3},
        "money": _money_spec(loc),
    }


def money(amount: int, lang: str) -> str:
    """Integer đồng as currency, e.g. "1.250.000 ₫" in Vietnamese."""
    return format_currency(amount, CURRENCY, locale=BABEL_LOCALE[lang])


def number(value: float, lang: str) -> str:
    """A plain number with the language's separators (at most three decimals)."""
    return format_decimal(value, locale=BABEL_LOCALE[lang])


def date_as(kind: str, day: dt.date | None, lang: str) -> str:
    """A date in one of the shared patterns ("day", "month" or "medium"); "" for None."""
    if day is None:
        return ""
    return format_date(day, format=patterns(lang)[kind], locale=BABEL_LOCALE[lang])


def moment(value: dt.datetime | None, lang: str) -> str:
    """Date and time in Vietnam's time zone ("18:30 23/11/2026" in Vietnamese)."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)  # stored in UTC
    return format_datetime(value, format=patterns(lang)["moment"],
                           tzinfo=get_timezone(TIME_ZONE), locale=BABEL_LOCALE[lang])
