"""What is drawn from a card (the signed QR, its SVG, the card image), kept per worker by
everything it is drawn from: drawing is the costly part of a card (QR masks, PNG encoding),
and it changes only when one of those inputs does, which makes a new key, never a stale
entry. The least recently used entries go past a budget."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Drawn(Generic[V]):
    """A bounded, thread-safe (API handlers run in worker threads) least-recently-used map.
    `budget`: the most the entries may weigh, each weighing `weight(value)` (1 by default:
    a budget in entries)."""

    def __init__(self, budget: int, weight: Callable[[V], int] = lambda _: 1) -> None:
        self.budget, self.weight = budget, weight
        self.entries: OrderedDict[Hashable, V] = OrderedDict()
        self.size = self.draws = 0
        self.lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: Hashable, draw: Callable[[], V]) -> V:
        """The entry for `key`, drawn by `draw` (outside the lock) when missing."""
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
                return value
        value = draw()
        with self.lock:
            self.draws += 1
            if key not in self.entries:
                self.entries[key] = value
                self.size += self.weight(value)
                while self.size > self.budget and len(self.entries) > 1:
                    self.size -= self.weight(self.entries.popitem(last=False)[1])
        return value

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = self.draws = 0
