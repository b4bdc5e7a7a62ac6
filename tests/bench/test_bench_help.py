"""The help assistant's hit rate on held-out phrasings (tests/help_phrasings.py), and how
fast it answers."""

from __future__ import annotations

import time

import pytest

from api.services import assistant
from tests.bench.conftest import report
from tests.help_phrasings import EN, EN_FRESH, UNKNOWN, VI, VI_FRESH


@pytest.mark.bench
def test_bench_assistant_hit_rate() -> None:
    for name, lang, rows in (("first set", "vi", VI), ("first set", "en", EN),
                             ("fresh set", "vi", VI_FRESH), ("fresh set", "en", EN_FRESH)):
        got = [assistant.match(q, lang)[0] for q, _ in rows]
        hits = sum(g == want for g, (_, want) in zip(got, rows, strict=True))
        wrong = sum(g is not None and g != want for g, (_, want) in zip(got, rows, strict=True))
        report(f"help assistant hit rate, {lang}, {name} of {len(rows)} held-out phrasings",
               100 * hits / len(rows), "%")
        report(f"help assistant wrong answers (not 'do not know'), {lang}, {name}",
               100 * wrong / len(rows), "%")
    refused = sum(assistant.match(q, lang)[0] is None for q, lang in UNKNOWN)
    report(f"help assistant 'do not know' on {len(UNKNOWN)} questions outside the FAQ",
           100 * refused / len(UNKNOWN), "%")
    questions = [(q, "vi") for q, _ in VI] + [(q, "en") for q, _ in EN]
    start = time.perf_counter()
    for q, lang in questions * 10:
        assistant.match(q, lang)
    report("help assistant answer time", (time.perf_counter() - start) / len(questions) / 10
           * 1000, "ms")
