"""The help assistant's hit rate on held-out phrasings (tests/help_phrasings.py), and how
fast it answers."""

from __future__ import annotations

import time

import pytest

from api.services import assistant
from tests.bench.conftest import report
from tests.help_phrasings import EN, UNKNOWN, VI


@pytest.mark.bench
def test_bench_assistant_hit_rate() -> None:
    for lang, rows in (("vi", VI), ("en", EN)):
        hits = sum(assistant.match(q, lang)[0] == want for q, want in rows)
        report(f"help assistant hit rate, {lang}, {len(rows)} held-out phrasings",
               100 * hits / len(rows), "%")
    refused = sum(assistant.match(q, lang)[0] is None for q, lang in UNKNOWN)
    report(f"help assistant 'do not know' on {len(UNKNOWN)} questions outside the FAQ",
           100 * refused / len(UNKNOWN), "%")
    questions = [(q, "vi") for q, _ in VI] + [(q, "en") for q, _ in EN]
    start = time.perf_counter()
    for q, lang in questions * 10:
        assistant.match(q, lang)
    report("help assistant answer time", (time.perf_counter() - start) / len(questions) / 10
           * 1000, "ms")
