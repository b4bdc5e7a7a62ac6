"""Vietnamese alphabetical order from ICU's collator (CLDR's Vietnamese tailoring).

Vietnamese orders letters as a, ă, â, b, c, d, đ, e, ê, …, o, ô, ơ, …, u, ư, … with the
tones compared after the letters, so "Bạc Liêu" comes before "Bình Định" and "Đà Nẵng" after
every "D…". The directory tables keep ICU's binary sort key in a `sort_key` column, so the
database orders and pages them correctly (byte order, the same on SQLite and PostgreSQL);
short lists are sorted here. Keys depend on the ICU version: `refresh_sort_keys` rebuilds
them after an upgrade of libicu.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

import icu

T = TypeVar("T")
_local = threading.local()


def collator() -> icu.Collator:
    """This thread's Vietnamese collator (ICU collators are not shared between threads)."""
    found = getattr(_local, "collator", None)
    if found is None:
        found = icu.Collator.createInstance(icu.Locale("vi"))
        _local.collator = found
    return found


def sort_key(text: str) -> bytes:
    """ICU's binary sort key: comparing keys byte by byte is comparing texts in Vietnamese."""
    return bytes(collator().getSortKey(text))


def sorted_vi(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """The items in Vietnamese alphabetical order of `key`."""
    return sorted(items, key=lambda item: sort_key(key(item)))


def icu_version() -> str:
    """The ICU library version the keys come from."""
    return icu.ICU_VERSION
