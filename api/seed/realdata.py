"""Real reference data kept as files in `api/seed/data/`: the major public hospitals of
every province (central and provincial level) and real district and town names per
pre-2025 province, which the generator gives to the clinics and addresses it invents."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from api.domain import provinces

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Hospital:
    """A real hospital: its pre-2025 province, level, public name and address."""

    former: str  # pre-2025 province code
    level: str  # central / province
    name: str
    address: str

    @property
    def province(self) -> str:
        """The current province."""
        return provinces.current_code(self.former)


@cache
def hospitals() -> tuple[Hospital, ...]:
    """Every hospital of `hospitals.csv`, in file order."""
    with open(DATA / "hospitals.csv", encoding="utf-8", newline="") as handle:
        return tuple(Hospital(**row) for row in csv.DictReader(handle))


def hospital_code(province: str, index: int) -> str:
    """Facility code of a province's `index`-th real hospital (1-based): "01H01"."""
    return f"{province}H{index:02d}"


@cache
def places() -> dict[str, tuple[str, ...]]:
    """pre-2025 province code -> real district and town names in it."""
    with open(DATA / "places.csv", encoding="utf-8", newline="") as handle:
        return {row["former"]: tuple(row["places"].split(";"))
                for row in csv.DictReader(handle)}


def places_of(current: str) -> list[tuple[str, str]]:
    """(pre-2025 province code, place name) for every place of a current province."""
    olds = provinces.MERGED.get(current, (current,))
    return [(old, place) for old in olds for place in places()[old]]
