"""The help assistant: answers a typed question from the FAQ (locales/faq.py), rule-based,
with no outside service.

The question is folded (no accents, no case: "Mất điện thoại" = "mat dien thoai") and cut
into terms: for Latin script, words and pairs of neighbouring words (Vietnamese words are
syllables, so "dien thoai" is one term too); for Chinese, Japanese and Korean, pairs of
neighbouring characters. Each FAQ entry is indexed per language from its question and its
keywords (weight 2) and its answer (weight 1); a term scores its weight times its rarity
across entries (idf). A misspelt word (not in the index) counts as the nearest indexed word
when they are close enough. The best entry answers when its score is high enough and it
covers enough of the question; otherwise the assistant says it does not know and offers the
hotline. Latin questions are matched against the Vietnamese and the English index (people
type Vietnamese without accents in an English interface, and the other way round); the
answer is always in the reader's language.
"""

from __future__ import annotations

import difflib
import math
import re
from functools import cache

from api.config import settings
from api.domain.codes import fold
from api.services.errors import UserError
from locales import ENABLED, faq, tr

MAX_QUESTION = 300
HOTLINE = "1900 9068"
HOTLINE_TEL = "tel:19009068"
# An entry answers when its score reaches MIN_SCORE and the terms it matched carry at least
# MIN_COVER of the question's weight (words the index has never seen weigh as the rarest).
MIN_SCORE = 3.0
MIN_COVER = 0.34
# A term in an entry's question or keywords weighs 2; in its answer only, this much.
ANSWER_WEIGHT = 0.5

_STOP = {
    "en": set("""a an the i i'm im me my mine you your it its is are was were be been am do does
        did done doing to of at for from with by as and or but if so can could would should
        will shall may might must have has had get got getting this that these those there here
        what how where when why which who whom please help hi hello thanks thank want need know
        tell about any some into just still also not no yes very really one whether""".split()),
    "vi": set("""toi minh em anh chi ban la cua va voi cho thi ma nhu nao sao gi dau o ay a oi
        nhe nhi vay roi da dang se duoc bi can muon hay hoi giup cach lam co the phai nay do
        kia nhung cac mot vao ra len xuong ve tu tai cung rat qua lai vi nen khi""".split()),
}
# Ways of writing the same thing, made one before cutting into terms (on folded text).
_SAME = {
    "en": [(r"\b(?:sign|log|logged|logging)\s*(?:in|into|on)\b", "login"),
           (r"\b(?:sign|log|logged|logging)\s*(?:out|off)\b", "logout"),
           (r"\bmobile\b|\bcell\s*phone\b|\bsmartphone\b", "phone"),
           (r"\be-?mail\b", "email"), (r"\bapp\b", "application")],
    # Abbreviations people type in Vietnamese messages.
    "vi": [(r"\b(?:dt|dthoai|sdt)\b", "dien thoai"), (r"\b(?:ko|k|hok|kg|khg)\b", "khong"),
           (r"\bbh\b", "bao hiem"), (r"\btk\b", "tai khoan"), (r"\bbv\b", "benh vien"),
           (r"\bapp\b", "ung dung"), (r"\botp\b", "ma otp")],
}
_WORD = re.compile(r"[a-z0-9]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one inserted, deleted or changed letter, or two
    neighbouring letters swapped ("recieve", "receive")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _stem(word: str) -> str:
    """A light English stem, the same for the index and the question: "received",
    "receives" and "receive" are "receiv"; "notifications" is "notificat"."""
    if len(word) <= 4:
        return word
    for ending in ("ations", "ation", "ions", "ion", "ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[:-len(ending)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _latin_terms(text: str, lang: str) -> list[str]:
    for pattern, same in _SAME.get(lang, ()):
        text = re.sub(pattern, same, text)
    words = [w for w in _WORD.findall(text) if w not in _STOP.get(lang, _STOP["en"])]
    if lang == "en":
        words = [_stem(w) for w in words]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _cjk_terms(text: str) -> list[str]:
    terms: list[str] = []
    for run in _CJK.findall(text):
        terms += [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]
    # Latin words inside (SMS, QR, PIN) count too.
    terms += _WORD.findall(_CJK.sub(" ", text))
    return terms


def terms(text: str, lang: str) -> list[str]:
    """The search terms of `text` as indexed for `lang`."""
    folded = fold(text)
    return _cjk_terms(folded) if lang in ("zh", "ja", "ko") else _latin_terms(folded, lang)


def _texts(entry: dict[str, str], lang: str) -> tuple[str, str]:
    """An entry's question and answer in `lang`."""
    question_id, answer_id = entry["q"], entry["a"]
    return tr(lang, question_id), tr(lang, answer_id)


class _Index:
    """One language's index: entry id -> term -> weight, and each term's idf."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.weights: dict[str, dict[str, float]] = {}
        for entry in faq.FAQ:
            weights: dict[str, float] = {}
            question, answer = _texts(entry, lang)
            for term in terms(answer, lang):
                weights[term] = ANSWER_WEIGHT
            strong = question + " " + faq.KEYWORDS.get(entry["id"], {}).get(lang, "")
            for term in terms(strong, lang):
                weights[term] = 2.0
            self.weights[entry["id"]] = weights
        count = len(self.weights)
        df: dict[str, float] = {}  # an entry whose answer only has the term counts half
        for weights in self.weights.values():
            for term, weight in weights.items():
                df[term] = df.get(term, 0) + weight / 2
        self.idf = {term: math.log(1 + count / n) for term, n in df.items()}
        self.rarest = math.log(1 + count)
        self.words = sorted(t for t in self.idf if " " not in t and len(t) >= 3)
        # Longer entries match more words by chance: scores are divided by the square root
        # of the entry's size over the average size (as BM25 does, more gently).
        sizes = {entry_id: sum(weights.values()) for entry_id, weights in self.weights.items()}
        average = sum(sizes.values()) / max(len(sizes), 1)
        self.norm = {entry_id: math.sqrt(size / average) for entry_id, size in sizes.items()}

    def _nearest(self, word: str) -> str | None:
        if word in self.idf or len(word) < 5 or self.lang in ("zh", "ja", "ko"):
            return word if word in self.idf else None
        close = [w for w in difflib.get_close_matches(word, self.words, n=5, cutoff=0.75)
                 if _one_edit(word, w)]
        return close[0] if close else None

    def rank(self, question: str) -> list[tuple[float, float, str]]:
        """(score, cover, entry id) for every entry with a score, best first."""
        asked = list(dict.fromkeys(terms(question, self.lang)))
        mapped: list[tuple[str | None, float]] = []
        for term in asked:
            if " " in term:
                mapped.append((term if term in self.idf else None, 0.0))
                continue
            near = self._nearest(term)
            mapped.append((near, self.idf.get(near, self.rarest) if near else self.rarest))
        total = sum(weight for _, weight in mapped) or 1.0
        ranked = []
        for entry_id, weights in self.weights.items():
            score = covered = 0.0
            for term, weight in mapped:
                if term and term in weights:
                    score += weights[term] * self.idf[term]
                    covered += weight
            if score:
                ranked.append((score / self.norm[entry_id], covered / total, entry_id))
        ranked.sort(reverse=True)
        return ranked


@cache
def _index(lang: str) -> _Index:
    return _Index(lang)


def _indexes_for(question: str, lang: str) -> list[str]:
    """Which languages' indexes a question is matched against, by its script."""
    if _HANGUL.search(question):
        return ["ko"]
    if _KANA.search(question):
        return ["ja"]
    if _CJK.search(question):
        return ["ja"] if lang == "ja" else ["zh"]
    return ["vi", "en"]


def match(question: str, lang: str) -> tuple[str | None, list[str]]:
    """The entry that answers `question` (None: not known) and up to two runners-up."""
    ranked: list[tuple[float, float, str]] = []
    for index_lang in _indexes_for(question, lang):
        candidate = _index(index_lang).rank(question)
        # The language that explains the question best (score times cover): a strong match
        # on one word that is also a Vietnamese syllable ("in") loses to a full match.
        if candidate and (not ranked or candidate[0][0] * candidate[0][1]
                          > ranked[0][0] * ranked[0][1]):
            ranked = candidate
    if not ranked:
        return None, []
    best_score, best_cover, best = ranked[0]
    known = best_score >= MIN_SCORE and best_cover >= MIN_COVER
    # Related entries explain a fair part of the question too (not one common word).
    related = [entry_id for score, cover, entry_id in ranked
               if (entry_id != best or not known) and score >= MIN_SCORE / 2 and cover >= 0.2]
    return (best if known else None), list(dict.fromkeys(related))[:2]


_BY_ID = {entry["id"]: entry for entry in faq.FAQ}


def _entry(entry_id: str, lang: str) -> dict[str, str]:
    entry = _BY_ID[entry_id]
    question, answer = _texts(entry, lang)
    topic_id = faq.TOPICS[entry["topic"]]
    return {"id": entry_id, "question": question, "answer": answer, "screen": entry["screen"],
            "topic": tr(lang, topic_id)}


def ask(question: str, lang: str) -> dict:
    """The assistant's answer in `lang`: the matching FAQ entry with its screen, or a plain
    "I do not know" with the hotline; related entries either way."""
    if lang not in ENABLED:
        lang = "vi"
    if len(question) > MAX_QUESTION:
        raise UserError("question_too_long", max=MAX_QUESTION)
    found, related = match(question, lang) if question.strip() else (None, [])
    contact = {"hotline": HOTLINE, "tel": HOTLINE_TEL, "email": settings().support_email}
    if found is None:
        return {"known": False, "message": tr(
            lang, "I do not know the answer to that. Call the hotline {hotline}, every day, "
                  "or write to {email}.", hotline=HOTLINE, email=contact["email"]),
                "related": [_entry(i, lang) for i in related], **contact}
    return {"known": True, "entry": _entry(found, lang),
            "related": [_entry(i, lang) for i in related], **contact}
