"""What makes a directory entry findable and sortable: its search text and sort key."""

from __future__ import annotations

from api.domain import provinces
from api.domain.codes import fold
from api.domain.collation import sort_key


def province_words(code: str) -> str:
    """The names a province is known by: its current name and those of the provinces it
    was formed from, so a search by an old name ("Bạc Liêu") finds the new one (Cà Mau)."""
    current = provinces.current_code(code)
    return " ".join([provinces.name_of(current), *provinces.former_names(current)])


def listing(name: str, address: str, province_code: str) -> dict[str, object]:
    """The `search_text` and `sort_key` columns of an entry (api.domain.models.Listed)."""
    return {"search_text": fold(f"{name} {address} {province_words(province_code)}"),
            "sort_key": sort_key(name)}
