"""Plural forms through gettext, and the one source of formats and labels (locales/formats.py,
locales/labels.py) that Python uses and `locales.build` compiles for the browser."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from api.services import errors, notices, wallet
from api.services.errors import explain
from locales import (
    ENABLED,
    LOCALE_DIR,
    build,
    format_datetime,
    format_month,
    format_months,
    format_short_day,
    formats,
    labels,
    trn,
)
from sync import protocol


def po(lang: str):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)  # no locale given: the rule must come from the file's header


@pytest.mark.parametrize("lang", ENABLED)
def test_catalog_header_carries_the_language_plural_rule(lang: str) -> None:
    cat = po(lang)
    expected = get_plural(formats.BABEL_LOCALE[lang])
    assert (cat.num_plurals, cat.plural_expr) == (expected.num_plurals, expected.plural_expr)
    assert cat.num_plurals == (2 if lang == "en" else 1)
    for m in cat:
        if isinstance(m.id, tuple):
            assert len(m.string) == cat.num_plurals and all(m.string), m.id


def test_english_says_one_try_and_several_tries() -> None:
    assert explain("otp_wrong", "en", tries=1) == "Wrong code. 1 try left for this code."
    assert explain("otp_wrong", "en", tries=3) == "Wrong code. 3 tries left for this code."
    assert trn("en", "{n} day", "{n} days", 1, n=1) == "1 day"
    assert trn("en", "{n} day", "{n} days", 0, n=0) == "0 days"
    assert format_months(13, "en") == "1 yr 1 mo"
    assert format_months(25, "en") == "2 yrs 1 mo"


@pytest.mark.parametrize("lang", ["vi", "zh", "ja", "ko"])
def test_one_form_languages_use_it_for_every_count(lang: str) -> None:
    one = explain("otp_wrong", lang, tries=1)
    three = explain("otp_wrong", lang, tries=3)
    assert one.replace("1", "3") == three and "{" not in one


def test_server_refuses_an_over_long_draft_with_a_reason_in_each_language() -> None:
    assert explain("draft_too_long", "en", over=1, max=4000) == (
        "The text is 1 character too long (at most 4000). Shorten it and save again.")
    assert "12 characters too long" in explain("draft_too_long", "en", over=12, max=4000)
    for lang in ENABLED:
        text = explain("draft_too_long", lang, over=12, max=4000)
        assert "12" in text and "4000" in text and "{" not in text
    assert protocol.DRAFT_TEXT_MAX == labels.DRAFT_TEXT_MAX == 4000


@pytest.mark.parametrize("lang", ENABLED)
def test_every_date_has_a_four_digit_year(lang: str) -> None:
    moment = dt.datetime(2026, 11, 23, 11, 30, tzinfo=dt.UTC)
    assert "2026" in format_datetime(moment, lang)
    assert "2026" in format_short_day(moment.date(), lang)
    assert "2026" in format_month(moment.date(), lang)
    for pattern in formats.patterns(lang).values():
        assert "yy" not in pattern.replace("yyyy", "") or "yyyy" in pattern, pattern


def test_times_are_in_vietnam_and_readable_per_language() -> None:
    moment = dt.datetime(2026, 11, 23, 11, 30, tzinfo=dt.UTC)  # 18:30 in Hà Nội
    assert format_datetime(moment, "vi") == "18:30 23/11/2026"
    assert format_datetime(moment, "en") == "11/23/2026, 6:30 PM"
    assert format_datetime(moment, "ja") == "2026/11/23 18:30"


def test_labels_have_one_home() -> None:
    assert wallet.SEX_LABELS is labels.SEX and wallet.BENEFIT_LABELS is labels.BENEFITS
    assert wallet.LEVEL_LABELS is labels.FACILITY_LEVELS
    assert notices.KINDS is labels.NOTICES
    assert protocol.DRAFT_KINDS == tuple(labels.REQUESTS)
    assert {s.value for s in wallet.SCHEME_LABELS} == set(labels.SCHEMES)
    assert isinstance(errors.MESSAGES["otp_wrong"], tuple)


def test_build_writes_plural_forms_formats_and_titles() -> None:
    with (LOCALE_DIR / "en" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        body = build.browser_catalog(read_po(handle, locale="en"))
    assert body["plural_forms"] == {"nplurals": 2, "expr": "(n != 1)"}
    assert body["messages"]["{n} day"] == ["{n} day", "{n} days"]
    shared = json.loads(build.formats_json())
    assert set(shared["langs"]) == set(ENABLED)
    assert shared["labels"]["sex"] == labels.SEX
    assert shared["langs"]["vi"]["money"]["suffix"] == "\u00a0₫"
    assert shared["langs"]["ko"]["patterns"]["day"] == "yyyy. MM. dd."
    titles = build.titles({"ko": {"Health-insurance card": "의료보험증"}, "vi": {}})
    assert '"/card":"의료보험증 · BHXH"' in titles and "self.BHXH_TITLES" in titles


def test_pages_ask_the_browser_for_the_plural_form() -> None:
    from pwa.i18n import t, tn

    var = tn("{n} result", "{n} results", 3, n=3)
    assert str(var) == '__tn("{n} result", "{n} results", 3, {"n": 3})'
    assert "const __tn = useTn();" in var._get_all_var_data().hooks
    assert str(t("Valid")) == '__t("Valid")'
