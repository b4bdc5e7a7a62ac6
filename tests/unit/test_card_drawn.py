"""The per-worker store of what is drawn from a card (api/card/drawn.py)."""

from __future__ import annotations

from api.card.drawn import Drawn


def test_drawn_once_then_kept_least_recent_first_out_past_the_budget() -> None:
    kept: Drawn[bytes] = Drawn(10, weight=len)
    calls: list[str] = []

    def draw(name: str, size: int):
        return lambda: calls.append(name) or b"x" * size

    assert kept.get("a", draw("a", 4)) == b"xxxx"
    assert kept.get("a", draw("a", 4)) == b"xxxx" and calls == ["a"]  # not drawn again
    kept.get("b", draw("b", 4))
    kept.get("a", draw("a", 4))  # "a" is now the most recent
    kept.get("c", draw("c", 4))  # 12 > 10: the least recent ("b") goes
    assert (len(kept), kept.size, kept.draws) == (2, 8, 3)
    kept.get("a", draw("a", 4))
    kept.get("b", draw("b", 4))
    assert calls == ["a", "b", "c", "b"]


def test_an_entry_heavier_than_the_budget_is_still_served() -> None:
    kept: Drawn[bytes] = Drawn(2, weight=len)
    assert kept.get("big", lambda: b"12345") == b"12345"
    assert len(kept) == 1
