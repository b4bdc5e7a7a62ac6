"""The demo-data generator: deterministic, realistic, consistent with itself."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from api.domain.codes import parse_identifier
from api.seed import generator
from api.seed.demo import DEMO_CHILDREN, DEMO_PEOPLE
from tests.conftest import TODAY, migrate

VIETNAMESE_MARKS = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)


def seeded(tmp_path: Path, name: str, people: int = 120, seed: int = 3) -> Engine:
    eng = migrate(f"sqlite:///{tmp_path / name}")
    generator.run(eng, people=people, seed=seed, today=TODAY, batch_size=50)
    return eng


def fingerprint(eng: Engine) -> str:
    digest = hashlib.sha256()
    with eng.connect() as conn:
        for table in ("person", "healthcard", "participation", "benefit", "medicalvisit",
                      "visitdocument", "facility", "employer"):
            for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY id")):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    a, b = seeded(tmp_path, "a.db"), seeded(tmp_path, "b.db")
    c = seeded(tmp_path, "c.db", seed=4)
    assert fingerprint(a) == fingerprint(b)
    assert fingerprint(a) != fingerprint(c)


def test_people_look_real(tmp_path: Path) -> None:
    eng = seeded(tmp_path, "p.db", people=300)
    with eng.connect() as conn:
        people = conn.execute(text("SELECT code, full_name, citizen_id, phone, province_code, dob "
                                   "FROM person")).all()
        provinces = dict(conn.execute(text("SELECT code, name FROM province")).all())
    assert len(people) == 300 + len(DEMO_PEOPLE) + len(DEMO_CHILDREN)
    assert len({p.code for p in people}) == len(people)
    assert len({p.citizen_id for p in people}) == len(people)
    assert len(provinces) == 63 and provinces["01"] == "Hà Nội"
    for p in people:
        assert parse_identifier(p.code).kind == "code"
        assert parse_identifier(p.citizen_id).kind == "citizen_id"
        assert re.fullmatch(r"0[35789]\d{8}", p.phone), p.phone
        assert p.province_code in provinces
    with_marks = sum(bool(VIETNAMESE_MARKS.search(p.full_name)) for p in people)
    assert with_marks / len(people) > 0.9
    assert len({p.full_name.split()[0] for p in people}) >= 10  # many surnames


def test_histories_are_consistent(tmp_path: Path) -> None:
    eng = seeded(tmp_path, "h.db", people=300)
    with eng.connect() as conn:
        rows = conn.execute(text(
            "SELECT p.person_id, p.from_month, p.to_month, p.salary_basis, p.contribution, "
            "p.unpaid_months, q.dob FROM participation p JOIN person q ON q.id = p.person_id "
            "WHERE p.scheme = 'BHXH' ORDER BY p.person_id, p.from_month")).all()
        lengths = conn.execute(text(
            "SELECT person_id, COUNT(DISTINCT employer_id) FROM participation "
            "GROUP BY person_id")).all()
        visits = conn.execute(text(
            "SELECT admitted, discharged, total_cost, insurance_paid, patient_paid "
            "FROM medicalvisit")).all()
        cards = conn.execute(text("SELECT benefit_level, group_code FROM healthcard")).all()
    by_person: dict[int, list] = {}
    for r in rows:
        by_person.setdefault(r.person_id, []).append(r)
        start = dt.date.fromisoformat(str(r.from_month))
        dob = dt.date.fromisoformat(str(r.dob))
        assert (start - dob).days >= 17 * 365, "nobody contributes before working age"
        assert 0 < r.contribution < r.salary_basis
        assert 0 <= r.unpaid_months <= 6
    for spells in by_person.values():  # no overlapping job spells
        for before, after in zip(spells, spells[1:], strict=False):
            assert before.to_month is not None and str(before.to_month) < str(after.from_month)
    assert any(n >= 3 for _, n in lengths), "some people change jobs"
    assert visits and all(v.insurance_paid + v.patient_paid == v.total_cost for v in visits)
    assert all(str(v.discharged) >= str(v.admitted) for v in visits)
    assert {c.benefit_level for c in cards} <= {80, 95, 100}
    assert {"DN", "HT", "TE"} <= {c.group_code for c in cards}


def test_demo_people_are_present_with_full_history(tmp_path: Path) -> None:
    eng = seeded(tmp_path, "d.db", people=5)
    with eng.connect() as conn:
        an = conn.execute(text("SELECT id, full_name FROM person WHERE code = '0123456789'")).one()
        first, unpaid = conn.execute(text(
            "SELECT MIN(from_month), MAX(unpaid_months) FROM participation "
            "WHERE person_id = :p AND scheme = 'BHXH'"), {"p": an.id}).one()
        kim = conn.execute(text("SELECT full_name, lang FROM person WHERE code = '2712345670'"
                                )).one()
    assert an.full_name == "Nguyễn Văn An"
    assert dt.date.fromisoformat(str(first)).year <= TODAY.year - 34  # 35 years of history
    assert unpaid == 2  # the demo shows arrears
    assert kim.full_name.startswith("김민준") and kim.lang == "en"


def test_seed_cli_refuses_to_mix_and_if_empty_is_a_no_op(tmp_path: Path, monkeypatch,
                                                          capsys) -> None:
    from api.seed.__main__ import main

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    migrate(url)
    monkeypatch.setenv("DB_URL", url)
    assert main(["--people", "10", "--seed", "1"]) == 0
    assert main(["--people", "10"]) == 2
    assert "--reset" in capsys.readouterr().err
    assert main(["--people", "10", "--if-empty"]) == 0
    assert main(["--people", "3", "--reset"]) == 0
    with migrate(url).connect() as conn:
        people = conn.execute(text("SELECT COUNT(*) FROM person")).scalar()
        assert people == 3 + len(DEMO_PEOPLE) + len(DEMO_CHILDREN)


def test_postgresql_copy_writes_the_same_rows_as_sqlite(tmp_path: Path) -> None:
    """PostgreSQL is loaded with COPY; the data must be identical to SQLite's inserts."""
    from tests.conftest import postgres_database

    gen = postgres_database()
    pg_url = next(gen)
    try:
        lite = seeded(tmp_path, "same.db", people=80, seed=5)
        pg = migrate(pg_url)
        generator.run(pg, people=80, seed=5, today=TODAY, batch_size=50)
        query = ("SELECT p.code, p.full_name, p.photo, c.benefit_level, "
                 "(SELECT SUM(salary_basis) FROM participation x WHERE x.person_id = p.id), "
                 "(SELECT COUNT(*) FROM medicalvisit m WHERE m.person_id = p.id), "
                 "(SELECT COUNT(*) FROM facility f WHERE f.bhyt_contracted = :yes) "
                 "FROM person p JOIN healthcard c ON c.person_id = p.id ORDER BY p.code")
        results = []
        for eng in (lite, pg):
            with eng.connect() as conn:
                results.append([tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
                                for r in conn.execute(text(query), {"yes": True})])
        assert results[0] == results[1]
        assert any(r[2] for r in results[1])  # demo photos survived COPY as bytea
    finally:
        gen.close()


def test_households_group_the_household_members_by_province(tmp_path: Path) -> None:
    """Everyone whose card is GD is in one household of 1 to 6 of their province (the demo
    household aside), the first member its head; the demo household is as the README says."""
    from api.seed.demo import HOUSEHOLD_HEAD

    eng = seeded(tmp_path, "h.db", people=400)
    with eng.connect() as conn:
        rows = conn.execute(text(
            "SELECT h.id, h.head_id, h.province_code, m.person_id, m.position, p.code, "
            "p.province_code, c.group_code FROM household h JOIN householdmember m ON "
            "m.household_id = h.id JOIN person p ON p.id = m.person_id JOIN healthcard c ON "
            "c.person_id = p.id ORDER BY h.id, m.position")).all()
        gd = {r[0] for r in conn.execute(text(
            "SELECT person_id FROM healthcard WHERE group_code = 'GD'"))}
        head = conn.execute(text("SELECT id FROM person WHERE code = :c"),
                            {"c": HOUSEHOLD_HEAD}).scalar()
    households: dict[int, list] = {}
    for row in rows:
        households.setdefault(row[0], []).append(row)
    demo = [h for h in households.values() if h[0][1] == head]
    assert len(demo) == 1
    assert [r[5] for r in demo[0]] == [d.code for d in DEMO_PEOPLE
                                       if d.household_head == HOUSEHOLD_HEAD]
    generated = [h for h in households.values() if h[0][1] != head]
    assert generated
    for members in generated:
        assert 1 <= len(members) <= 6
        assert [r[4] for r in members] == list(range(1, len(members) + 1))
        assert members[0][1] == members[0][3]  # the first member heads it
        assert {r[2] for r in members} == {r[6] for r in members}  # one province
        assert {r[7] for r in members} == {"GD"}
    members_of = [r[3] for h in generated for r in h]
    assert len(members_of) == len(set(members_of))
    assert set(members_of) == gd - {r[3] for r in demo[0]}
