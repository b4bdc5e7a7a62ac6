"""The glossary (locales/GLOSSARY.md) held by a test: wherever an English msgid names a
glossary term, every language's msgstr uses that language's term, so drift fails `make test`.

TERMS is the part of the glossary that can be checked by text; each of its renderings must
also appear in GLOSSARY.md, so the document and the test cannot disagree. ALLOWED lists the
entries that rightly use another wording, each with its reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("vi", "zh", "ja", "ko")

# English pattern (searched in the msgid, case-insensitive) -> the term per language; a tuple
# gives accepted forms (e.g. a short form); matching ignores case.
TERMS: dict[str, dict[str, str | tuple[str, ...]]] = {
    r"\bBHXH wallet\b": {"vi": "BHXH số", "zh": "社保钱包",
                         "ja": ("社会保険ウォレット", "社保ウォレット"), "ko": "사회보험 지갑"},
    r"\bpasskeys?\b": {"vi": "khóa truy cập", "zh": "通行密钥", "ja": "パスキー", "ko": "패스키"},
    r"\blogin code\b": {"vi": "mã đăng nhập", "zh": "登录验证码", "ja": "ログインコード",
                        "ko": "로그인 인증번호"},
    r"\bQR code\b": {"vi": "mã QR", "zh": "二维码", "ja": "QRコード", "ko": "QR 코드"},
    r"\bhealth[- ]insurance card\b": {"vi": ("thẻ bảo hiểm y tế", "thẻ BHYT"), "zh": "医保卡",
                                      "ja": "医療保険証", "ko": "의료보험증"},
    r"\bsocial-insurance code\b": {"vi": "mã số BHXH", "zh": "社保编号", "ja": "社会保険番号",
                                   "ko": "사회보험 번호"},
    r"\bold card number\b": {"vi": "mã thẻ cũ", "zh": "旧卡号", "ja": "旧保険証番号",
                             "ko": "구 보험증 번호"},
    r"\bfive consecutive years\b": {"vi": "thời điểm đủ 5 năm liên tục", "zh": "连续参保满5年日期",
                                    "ja": "連続加入5年の達成日", "ko": "5년 연속 가입 시점"},
    r"\bprimary-care facility\b": {"vi": "nơi đăng ký KCB ban đầu", "zh": "首诊医疗机构",
                                   "ja": "かかりつけ医療機関", "ko": "최초 진료 등록기관"},
    r"\bbenefit level\b": {"vi": "mức hưởng", "zh": "报销比例", "ja": "給付率", "ko": "보장률"},
    r"\bcentral hospital\b": {"vi": "bệnh viện trung ương", "zh": "中央级医院",
                              "ja": "中央レベルの病院", "ko": "중앙급 병원"},
    r"\bdevices?\b": {"vi": "thiết bị", "zh": "设备", "ja": "端末", "ko": "기기"},
    r"\bhotline\b(?!\})": {"vi": "tổng đài", "zh": "热线", "ja": "ホットライン", "ko": "상담전화"},
    r"\barrears\b": {"vi": "nợ đóng", "zh": "欠缴", "ja": "未納", "ko": "체납"},
    r"\bbase salary\b": {"vi": "lương cơ sở", "zh": "基本工资", "ja": "基本給", "ko": "기본급"},
    r"\brural poverty line\b": {"vi": "chuẩn nghèo khu vực nông thôn", "zh": "农村贫困线",
                                "ja": "農村部の貧困線", "ko": "농촌 빈곤선"},
    r"\bstate support\b": {"vi": "Nhà nước hỗ trợ", "zh": "国家补贴", "ja": "国の支援",
                           "ko": "국가 지원"},
    r"\bbenefits\b": {"vi": "chế độ", "zh": "待遇", "ja": "給付", "ko": "보험급여"},
}

# (language, msgid, English pattern) -> why the entry rightly uses another wording.
ALLOWED: dict[tuple[str, str, str], str] = {
    ("vi", "BHXH wallet: your account was just moved to a new device; the old one is signed "
           "out. Not you? Call 1900 9068.", r"\bdevices?\b"):
        "SMS: Vietnamese is UCS-2, one segment is 70 characters; máy (phone) for thiết bị",
    ("vi", "BHXH clinic: staff account {staff} was just bound to a new desk device; the least "
           "recently used one is signed out. Not you? Call 1900 9068.", r"\bdevices?\b"):
        "SMS: Vietnamese is UCS-2, one segment is 70 characters; máy quầy (desk machine)",
}

# Words a language must not use any more (the review of 2026-11 replaced them).
RETIRED: dict[str, tuple[str, ...]] = {
    "vi": ("Ví BHXH",),
    "zh": ("QR码",),
    "ko": ("구 카드 번호", "1차 진료기관", "급여율"),
}


def _catalog(lang: str):
    with open(ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f)


def _entries(lang: str):
    for m in _catalog(lang):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        yield ids[0], " ".join(ids), " ".join(s for s in strings if s)


def _forms(term: str | tuple[str, ...]) -> tuple[str, ...]:
    return term if isinstance(term, tuple) else (term,)


@pytest.mark.parametrize("lang", LANGS)
def test_every_glossary_term_is_translated_with_the_glossary_word(lang: str) -> None:
    drift = []
    for key, english, translated in _entries(lang):
        for pattern, terms in TERMS.items():
            if not re.search(pattern, english, re.IGNORECASE):
                continue
            if (lang, key, pattern) in ALLOWED:
                continue
            if not any(f.casefold() in translated.casefold() for f in _forms(terms[lang])):
                drift.append(f"{pattern} -> {terms[lang]!r}: {key!r} = {translated!r}")
    assert not drift, f"{lang}: entries that leave the glossary:\n" + "\n".join(drift)


@pytest.mark.parametrize("lang", RETIRED)
def test_retired_words_are_gone(lang: str) -> None:
    found = [(key, word) for key, _, translated in _entries(lang)
             for word in RETIRED[lang] if word in translated]
    assert not found, found


def test_the_glossary_document_lists_every_term_the_test_holds() -> None:
    doc = (ROOT / "locales" / "GLOSSARY.md").read_text(encoding="utf-8").casefold()
    missing = [f for terms in TERMS.values() for lang in LANGS for f in _forms(terms[lang])
               if f.casefold() not in doc]
    assert not missing, f"in the test but not in GLOSSARY.md: {missing}"


def test_the_allow_list_names_real_entries() -> None:
    for lang, key, pattern in ALLOWED:
        assert pattern in TERMS, pattern
        assert any(k == key for k, _, _ in _entries(lang)), (lang, key)
