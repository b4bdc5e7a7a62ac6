"""The provinces of 1 July 2025 (Resolution 202/2025/QH15) and the old ones' labels."""

from __future__ import annotations

import datetime as dt

import pytest

from api.domain import provinces
from api.domain.directory import listing

MERGES = {  # old name -> new name, as the resolution lists them
    "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ", "Hòa Bình": "Phú Thọ", "Bắc Giang": "Bắc Ninh",
    "Thái Bình": "Hưng Yên", "Hải Dương": "Hải Phòng", "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị", "Quảng Nam": "Đà Nẵng",
    "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng", "Phú Yên": "Đắk Lắk",
    "Bình Dương": "Hồ Chí Minh", "Bà Rịa - Vũng Tàu": "Hồ Chí Minh", "Bình Phước": "Đồng Nai",
    "Long An": "Tây Ninh", "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ",
    "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long", "Tiền Giang": "Đồng Tháp",
    "Bạc Liêu": "Cà Mau", "Kiên Giang": "An Giang",
}
UNCHANGED = {"Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
             "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng"}
CODE = {name: code for code, name in provinces.BEFORE_2025.items()}


def test_34_provinces_11_unchanged_23_from_52() -> None:
    assert len(provinces.BEFORE_2025) == 63 and len(provinces.CURRENT) == 34
    assert UNCHANGED <= set(provinces.CURRENT.values())
    assert len(provinces.MERGED) == 23
    assert sum(len(olds) for olds in provinces.MERGED.values()) == 52
    assert len(provinces.retired_codes()) == 29
    for old, new in MERGES.items():
        assert provinces.CURRENT[provinces.current_code(CODE[old])] == new, old
    assert provinces.current_code("46") == "46" and provinces.name_of("46") == "Huế"


@pytest.mark.parametrize(("lang", "text"), [
    ("vi", "Bạc Liêu (nay là Cà Mau)"), ("en", "Bạc Liêu (now Cà Mau)"),
    ("zh", "Bạc Liêu（现为Cà Mau）"), ("ja", "Bạc Liêu（現Cà Mau）"),
    ("ko", "Bạc Liêu(현 Cà Mau)")])
def test_records_before_the_reform_keep_the_old_province(lang: str, text: str) -> None:
    assert provinces.label("95", dt.date(2024, 3, 1), lang) == text
    assert provinces.label("95", dt.date(2025, 7, 1), lang) == "Cà Mau"
    assert provinces.label("96", dt.date(2024, 3, 1), lang) == "Cà Mau"
    assert provinces.of_entry("96", "95", dt.date(2025, 6, 30), lang) == text
    assert provinces.of_entry("96", None, dt.date(2020, 1, 1), lang) == "Cà Mau"


def test_an_entry_is_found_by_every_name_of_its_province() -> None:
    columns = listing("Trạm Y tế xã Tân Lập", "5 Lê Lợi, Giá Rai, Cà Mau", "96")
    assert "bac lieu" in columns["search_text"] and "ca mau" in columns["search_text"]
    assert isinstance(columns["sort_key"], bytes)
    assert provinces.unit_name("79") == "thành phố Hồ Chí Minh"
    assert provinces.unit_name("96") == "tỉnh Cà Mau"
