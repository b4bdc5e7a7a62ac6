"""Identifiers a person may type: the 10-digit code, a legacy 15-character card number,
or the 12-digit personal ID number (citizen ID, the personal ID since the 2025 reform).

All of them map to one person; `parse_identifier` says which kind was typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from locales import labels

# Legacy card (before 1 April 2021): group (2 letters), benefit-level digit, province (2
# digits), then the 10-digit social-insurance code. E.g. "DN4790123456789".
_LEGACY = re.compile(r"^([A-Z]{2})([1-5])(\d{2})(\d{10})$")
_CODE = re.compile(r"^\d{10}$")
_CITIZEN_ID = re.compile(r"^\d{12}$")

# Benefit-level digit of a legacy card -> percent of costs the fund pays.
LEGACY_LEVEL_PERCENT = {1: 100, 2: 100, 3: 95, 4: 80, 5: 100}
PERCENT_LEGACY_LEVEL = {100: 1, 95: 3, 80: 4}

# Beneficiary groups (message ids; translated where shown).
BENEFICIARY_GROUPS = labels.BENEFICIARY_GROUPS


class IdentifierError(ValueError):
    """The typed text is not a code, a legacy card number nor a personal ID number."""


@dataclass(frozen=True)
class Identifier:
    """A normalised identifier and what it is."""

    kind: str  # "code", "legacy_card" or "citizen_id"
    value: str  # the 10-digit code for code/legacy_card, the 12 digits for citizen_id
    group_code: str | None = None
    benefit_level: int | None = None
    province_code: str | None = None


def parse_identifier(text: str) -> Identifier:
    """Normalise what a user typed (spaces, dashes, case) and say what it is."""
    cleaned = re.sub(r"[\s.\-]", "", text or "").upper()
    if not cleaned:
        raise IdentifierError("empty")
    if _CODE.match(cleaned):
        return Identifier("code", cleaned)
    if _CITIZEN_ID.match(cleaned):
        return Identifier("citizen_id", cleaned)
    match = _LEGACY.match(cleaned)
    if match:
        group, level, province, code = match.groups()
        return Identifier(
            "legacy_card",
            code,
            group_code=group,
            benefit_level=LEGACY_LEVEL_PERCENT[int(level)],
            province_code=province,
        )
    raise IdentifierError("format")


def legacy_card_number(code: str, group_code: str, benefit_level: int, province: str) -> str:
    """The 15-character card number a card had before 2021."""
    return f"{group_code}{PERCENT_LEGACY_LEVEL.get(benefit_level, 4)}{province}{code}"


def fold(text: str) -> str:
    """Accent- and case-insensitive form for search ("Hà Nội" -> "ha noi").

    Vietnamese đ is a separate letter, not d plus a mark, so it is mapped by hand. Other
    scripts (Chinese, Japanese, Korean) pass through unchanged apart from case folding.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    kept: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        # Drop marks on Latin letters only: Japanese kana keep their voicing marks
        # (ガ is not カ), and Hangul and Han characters have none.
        if unicodedata.combining(ch) and kept and kept[-1] <= "\u024f":
            continue
        kept.append(ch)
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).casefold().split())


def mask_phone(phone: str) -> str:
    """Show only the last three digits of a phone number."""
    return "*" * max(len(phone) - 3, 0) + phone[-3:]
