"""Migration 0004 brings a database filled with the 63 pre-2025 provinces to the 34,
on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from api.domain import provinces
from api.seed import realdata, reform
from tests.conftest import migrate, postgres_database


@pytest.fixture(params=["sqlite", "postgresql"])
def old_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database at revision 0003 holding pre-2025 reference data."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
        gen = None
    else:
        gen = postgres_database()
        url = next(gen)
    eng = migrate(url, "0003")
    with eng.begin() as conn:
        for code, name in provinces.BEFORE_2025.items():
            conn.execute(text("INSERT INTO province (code, name, name_search) "
                              "VALUES (:c, :n, :n)"), {"c": code, "n": name})
        for code, name in [("95", "Bệnh viện Đa khoa tỉnh Bạc Liêu"),
                           ("01", "Trạm Y tế xã Tân Lập")]:
            conn.execute(text(
                "INSERT INTO facility (code, name, name_search, level, province_code, "
                "address, phone, bhyt_contracted, issues_sick_leave) VALUES (:code, "
                ":name, 'x', 'province', :p, '1 Trần Phú, Bạc Liêu', '', true, true)"),
                {"code": f"{code}001", "name": name, "p": code})
        conn.execute(text(
            "INSERT INTO employer (code, name, name_search, tax_code, province_code, "
            "address) VALUES ('95000001E', 'Công ty TNHH Thủy sản Giá Rai', 'x', "
            "'1234567890', '95', 'Giá Rai, Bạc Liêu')"))
    eng.dispose()
    yield url
    if gen is not None:
        gen.close()


def test_upgrade_moves_rows_to_the_34_provinces(old_db: str) -> None:
    eng = migrate(old_db, "head")
    with eng.connect() as conn:
        successor = dict(conn.execute(text("SELECT code, successor_code FROM province")).all())
        names = dict(conn.execute(text("SELECT code, name FROM province")).all())
        facility = conn.execute(text(
            "SELECT province_code, former_province_code, search_text, sort_key FROM facility "
            "WHERE code = '95001'")).one()
        employer = conn.execute(text(
            "SELECT province_code, former_province_code FROM employer")).one()
        hanoi = conn.execute(text("SELECT former_province_code FROM facility "
                                  "WHERE code = '01001'")).scalar_one()
        real = conn.execute(text("SELECT COUNT(*) FROM facility WHERE code LIKE '%H%'")
                            ).scalar_one()
        left = reform.count_retired_rows(conn)
    assert len(successor) == 63 and sum(v is None for v in successor.values()) == 34
    assert successor["95"] == "96" and successor["96"] is None and names["46"] == "Huế"
    assert tuple(facility[:2]) == ("96", "95")
    assert "bac lieu" in facility.search_text and "ca mau" in facility.search_text
    assert bytes(facility.sort_key)
    assert tuple(employer) == ("96", "95") and hanoi is None
    assert real == len(realdata.hospitals()) and left == 0
    eng.dispose()


def test_upgrade_of_an_empty_database_leaves_it_to_the_seed(tmp_path: Path) -> None:
    eng = migrate(f"sqlite:///{tmp_path / 'empty.db'}", "head")
    with eng.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM province")).scalar_one() == 0
        assert conn.execute(text("SELECT COUNT(*) FROM facility")).scalar_one() == 0
