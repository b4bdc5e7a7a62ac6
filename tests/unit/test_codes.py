"""Identifiers a person types, legacy card numbers, search folding."""

import pytest

from api.domain.codes import (
    IdentifierError,
    fold,
    legacy_card_number,
    mask_phone,
    parse_identifier,
)


def test_ten_digit_code_with_spaces_and_dashes() -> None:
    ident = parse_identifier(" 01234-56 789 ")
    assert (ident.kind, ident.value) == ("code", "0123456789")


def test_twelve_digit_personal_id() -> None:
    ident = parse_identifier("001072012345")
    assert (ident.kind, ident.value) == ("citizen_id", "001072012345")


def test_legacy_card_number_maps_to_code_group_level_province() -> None:
    ident = parse_identifier("dn4790123456789")
    assert ident.kind == "legacy_card"
    assert ident.value == "0123456789"
    assert (ident.group_code, ident.benefit_level, ident.province_code) == ("DN", 80, "79")


def test_legacy_number_round_trips() -> None:
    number = legacy_card_number("0123456789", "HT", 95, "01")
    assert number == "HT3010123456789" and len(number) == 15
    back = parse_identifier(number)
    assert (back.value, back.group_code, back.benefit_level, back.province_code) == (
        "0123456789", "HT", 95, "01")


@pytest.mark.parametrize("text, reason", [
    ("", "empty"), ("   ", "empty"), ("12345", "format"), ("01234567890", "format"),
    ("DN9790123456789", "format"), ("ABCDEFGHIJ", "format"), ("0123456789012", "format"),
])
def test_bad_identifiers_say_why(text: str, reason: str) -> None:
    with pytest.raises(IdentifierError) as err:
        parse_identifier(text)
    assert str(err.value) == reason


def test_fold_is_accent_and_case_insensitive_for_vietnamese() -> None:
    assert fold("Hà Nội") == fold("ha noi") == "ha noi"
    assert fold("Đà Nẵng") == "da nang"
    assert fold("  Nguyễn   Thị  Ánh ") == "nguyen thi anh"


def test_fold_keeps_other_scripts() -> None:
    assert fold("김민준") == "김민준"
    assert fold("東京") == "東京"
    assert fold("ガルシア・ヤマダ") == "ガルシア・ヤマダ"  # voicing marks are letters here
    assert fold("李明") == "李明" and fold("Lý Minh") == "ly minh"


def test_mask_phone_shows_last_three_digits() -> None:
    assert mask_phone("0912345678") == "*******678"
