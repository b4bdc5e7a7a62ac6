"""Vietnamese alphabetical order comes from ICU's collator, not from code points."""

from __future__ import annotations

from api.domain.collation import sort_key, sorted_vi

NAMES = ["Đà Nẵng", "Bình Định", "Dương", "Bạc Liêu", "Ăn", "An Giang", "Âu", "Cà Mau",
         "Ơn", "Ô Môn", "Ốc", "Ưng", "Uông Bí", "Tây Ninh"]


def test_vietnamese_letters_and_tones() -> None:
    assert sorted_vi(NAMES) == ["An Giang", "Ăn", "Âu", "Bạc Liêu", "Bình Định", "Cà Mau",
                                "Dương", "Đà Nẵng", "Ô Môn", "Ốc", "Ơn", "Tây Ninh",
                                "Uông Bí", "Ưng"]
    # Code-point order gets it wrong: Đ (U+0110) after every Latin letter.
    assert sorted(NAMES).index("Đà Nẵng") > sorted(NAMES).index("Tây Ninh")


def test_keys_compare_as_bytes() -> None:
    assert sort_key("Bạc Liêu") < sort_key("Bình Định") < sort_key("Đà Nẵng")
    assert isinstance(sort_key("Huế"), bytes)
