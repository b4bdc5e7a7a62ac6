"""Deterministic, realistic demo data, generated and inserted in batches.

The same `seed`, `people` and `today` always give the same rows. Rows are built as plain
dicts with ids assigned here (no round trips) and written in batches (executemany, or COPY
on PostgreSQL), so memory stays flat whatever the number of people.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, SQLModel

from api.clock import utcnow
from api.domain import provinces
from api.domain.codes import fold
from api.domain.directory import listing
from api.domain.family import FamilyLink, Household, HouseholdMember, child_card_ends
from api.domain.models import (
    Agency,
    Benefit,
    CollectionAgent,
    Employer,
    Facility,
    HealthCard,
    MedicalVisit,
    Participation,
    PensionAdjustment,
    Person,
    Province,
    VisitDocument,
)
from api.seed import realdata
from api.seed import vocabulary as v
from api.seed.demo import DEMO_CHILDREN, DEMO_PEOPLE, DEMO_STAFF, DemoPerson, demo_photo

# Monthly contribution rates (employer + employee) of the salary basis, per scheme.
RATES = {"BHXH": 0.25, "BHTN": 0.02, "BHTNLD": 0.005, "BHYT": 0.045}
# Contribution years before 1995 (state sector) count towards BHXH; BHYT began in 1992.
SCHEME_START = {"BHXH": dt.date(1990, 1, 1), "BHTN": dt.date(2009, 1, 1),
                "BHTNLD": dt.date(2016, 7, 1), "BHYT": dt.date(1992, 9, 1)}
MAX_YEARS = 35
# Birth registration: a parent is 18 to 45 years older than the child (mother) or 18 to 50
# (father); a few children (BIRTH_UNLINKED) have no link, as where the registration is
# missing; the parents remembered per province and surname (the most recent few: memory
# stays flat).
PARENT_AGES = {"F": (18, 45), "M": (18, 50)}
BIRTH_UNLINKED = 0.1
PARENTS_KEPT = 8

HOUSEHOLD_SIZES = (1, 6)  # people insured as a household (group GD), per household

TABLES = [FamilyLink, HouseholdMember, Household, VisitDocument, MedicalVisit,
          PensionAdjustment, Benefit, Participation, HealthCard, Person, CollectionAgent,
          Employer, Agency, Facility, Province]


def month_add(day: dt.date, months: int) -> dt.date:
    """First day of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(start: dt.date, end: dt.date) -> int:
    """Months from start's month to end's month, both included."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def minimum_wage(year: int) -> int:
    """A rough regional minimum wage for the year (đồng), for plausible salaries."""
    return int(350_000 + max(0, year - 1995) * 165_000)


@dataclass
class Ids:
    """Next id per table: assigned here so related rows need no round trip."""

    next: dict[str, int] = field(default_factory=dict)

    def take(self, table: str) -> int:
        """The next id for `table`."""
        value = self.next.get(table, 1)
        self.next[table] = value + 1
        return value


@dataclass
class Reference:
    """Reference rows the people's records point at."""

    provinces: list[tuple[str, str]]
    province_weights: list[float]
    facilities: dict[str, list[tuple[int, str, str]]]  # province -> (id, code, level)
    agencies: dict[str, int]  # province -> provincial agency id
    employers: dict[str, list[int]]  # province -> employer ids
    all_employers: list[int]


@dataclass
class Batch:
    """Rows of one batch, per table."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: {t.__tablename__: [] for t in
                                                                   TABLES})

    def add(self, table: type, row: dict) -> None:
        """Queue a row."""
        self.rows[table.__tablename__].append(row)

    def size(self) -> int:
        """Number of people queued."""
        return len(self.rows[Person.__tablename__])


class Generator:
    """Builds the rows; `people()` yields batches ready to insert."""

    def __init__(self, seed: int, today: dt.date, employers: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today
        self.ids = Ids()
        self.employer_count = employers
        # Households draw from a generator of their own, so every other row stays as it was.
        self.household_rng = random.Random(f"households:{seed}")
        # Province -> the household forming there: its size, members and (head's) address.
        self.forming: dict[str, tuple[int, list[int], str]] = {}
        self.demo_rows: dict[str, dict] = {}  # demo code -> its person row
        # (province, surname) -> the latest adults (id, date of birth, sex): the parents a
        # child born later in the stream may be registered to (`birth_registration`).
        self.adults: dict[tuple[str, str], list[tuple[int, dt.date, str]]] = {}
        self.demo_ids: dict[str, int] = {}  # demo code -> person id

    # ---- reference data -------------------------------------------------------------
    def reference_rows(self) -> tuple[Reference, Batch]:
        """Provinces (the 34 current ones and the 29 merged away), facilities (real
        hospitals, then invented clinics named after real places of the province),
        agencies, employers and collection agents."""
        rng, batch = self.rng, Batch()
        facilities: dict[str, list[tuple[int, str, str]]] = {}
        agencies: dict[str, int] = {}
        for code, name in self.province_rows():
            batch.add(Province, {"code": code, "name": name, "name_search": fold(name),
                                 "successor_code": None if code in provinces.CURRENT
                                 else provinces.current_code(code)})
        for code in provinces.CURRENT:
            facilities[code] = self.facilities(batch, code)
            agency_places = rng.sample(realdata.places_of(code), 4)
            for n, (former, place) in enumerate([("", ""), *agency_places]):
                aid = self.ids.take("agency")
                aname = (f"Bảo hiểm xã hội khu vực {place}" if place
                         else f"Bảo hiểm xã hội {provinces.unit_name(code)}")
                self.listed(batch, Agency, aname, code, former or code, {
                    "id": aid, "code": f"{code}{n:02d}", "phone": self.phone(True)})
                if not place:
                    agencies[code] = aid
            for n in range(1, 11):
                ward = rng.choice(v.PLACES)
                cname = rng.choice([f"Đại lý thu BHXH xã {ward}", f"Bưu điện {ward}",
                                    f"Điểm thu UBND phường {ward}"])
                self.listed(batch, CollectionAgent, cname, code, None, {
                    "id": self.ids.take("collectionagent"), "code": f"{code}T{n:03d}",
                    "phone": self.phone()})
        current = list(provinces.CURRENT.items())
        weights = [float(v.PROVINCE_WEIGHT.get(code, 1)) for code, _ in current]
        employers: dict[str, list[int]] = {code: [] for code, _ in current}
        all_employers = []
        for n in range(self.employer_count):
            eid = self.ids.take("employer")
            code = rng.choices(current, weights)[0][0]
            ename = (f"{rng.choice(v.EMPLOYER_FORMS)} {rng.choice(v.EMPLOYER_TRADES)} "
                     f"{rng.choice(v.EMPLOYER_BRANDS)}")
            self.listed(batch, Employer, ename, code, None, {
                "id": eid, "code": f"{code}{n + 1:06d}E",
                "tax_code": f"{rng.randrange(10**9, 10**10)}"})
            employers[code].append(eid)
            all_employers.append(eid)
        ref = Reference(current, weights, facilities, agencies, employers, all_employers)
        return ref, batch

    @staticmethod
    def province_rows() -> list[tuple[str, str]]:
        """Current provinces first (the merged-away ones point at them), then the others."""
        retired = [(code, provinces.BEFORE_2025[code]) for code in provinces.retired_codes()]
        return [*provinces.CURRENT.items(), *retired]

    def facilities(self, batch: Batch, code: str) -> list[tuple[int, str, str]]:
        """A province's real hospitals, then district health centres, commune stations and
        private clinics named after its real places; returns (id, code, level) of each."""
        rng, made = self.rng, []
        real = [h for h in realdata.hospitals() if h.province == code]
        for n, hospital in enumerate(real, start=1):
            made.append(self.facility(batch, realdata.hospital_code(code, n), hospital.name,
                                      hospital.level, code, hospital.former,
                                      hospital.address, phone=""))
        places = realdata.places_of(code)
        plan = ([("district", f"Trung tâm Y tế {p}", old, p) for old, p in rng.sample(places, 4)]
                + [("commune", f"Trạm Y tế xã {p}", None, "") for p in rng.sample(v.PLACES, 8)]
                + [("private", f"Phòng khám Đa khoa {p}", old, p)
                   for old, p in rng.sample(places, 2)])
        for n, (level, name, former, place) in enumerate(plan, start=1):
            address = self.street(place, code) if place else ""
            made.append(self.facility(batch, f"{code}{n:03d}", name, level, code, former,
                                      address))
        return made

    def facility(self, batch: Batch, fcode: str, name: str, level: str, province: str,
                 former: str | None, address: str = "",
                 phone: str | None = None) -> tuple[int, str, str]:
        """Queue one facility (a real one gets no invented phone); returns (id, code,
        level)."""
        rng = self.rng
        fid = self.ids.take("facility")
        self.listed(batch, Facility, name, province, former, {
            "id": fid, "code": fcode, "level": level,
            "phone": self.phone(landline=True) if phone is None else phone,
            "bhyt_contracted": rng.random() < 0.95,
            "issues_sick_leave": level != "commune" or rng.random() < 0.5}, address)
        return fid, fcode, level

    def listed(self, batch: Batch, table: type, name: str, province: str,
               former: str | None, row: dict, address: str = "") -> None:
        """Queue a directory entry with its address, search text and sort key. `former` is
        the pre-2025 province it lies in (None: any place of the province)."""
        if not address:
            former, address = self.address(province, former)
        if "former_province_code" in table.__table__.c:
            row["former_province_code"] = former if former != province else None
        batch.add(table, {**row, "name": name, "name_search": fold(name),
                          "province_code": province, "address": address,
                          **listing(name, address, province)})

    def address(self, province: str, former: str | None = None) -> tuple[str, str]:
        """A plausible street address at a real place of the province (of the pre-2025
        province `former`, if given); returns (pre-2025 province code, address)."""
        rng = self.rng
        places = [(old, p) for old, p in realdata.places_of(province)
                  if former in (None, old)]
        old, place = rng.choice(places)
        return old, self.street(place, province)

    def street(self, place: str, province: str) -> str:
        """A street address in a district or town of a current province."""
        rng = self.rng
        return (f"{rng.randint(1, 300)} {rng.choice(v.STREETS)}, {rng.choice(v.PLACES)}, "
                f"{place}, {provinces.CURRENT[province]}")

    def phone(self, landline: bool = False) -> str:
        """A plausible phone number."""
        if landline:
            return f"02{self.rng.randrange(10**8, 10**9)}"
        return f"0{self.rng.choice('39785')}{self.rng.randrange(10**7, 10**8)}"

    # ---- people -----------------------------------------------------------------------
    def people(self, ref: Reference, count: int, batch_size: int) -> Iterator[Batch]:
        """Demo people first, then `count` generated people, in batches."""
        batch = Batch()
        demo_codes = {d.code for d in DEMO_PEOPLE}
        # The demo household's members come after the generated people: adding them changes
        # no generated person's ids.
        self.demo_people(ref, batch, [d for d in DEMO_PEOPLE if not d.household_head])
        n = 0
        while n < count:
            self.person(ref, batch, index=n, skip_codes=demo_codes)
            n += 1
            if batch.size() >= batch_size:
                yield batch
                batch = Batch()
        self.demo_people(ref, batch, [d for d in DEMO_PEOPLE if d.household_head])
        self.demo_households(batch)
        for province in sorted(self.forming):  # the households still forming, as they are
            _, members, address = self.forming.pop(province)
            self.household(batch, members, province, address)
        for child in DEMO_CHILDREN:
            # After the generated people, so their ids (and what is drawn from them) stay.
            main, self.rng = self.rng, random.Random(f"demo:{child.code}")
            guardian = next(d for d in DEMO_PEOPLE if d.code == child.guardian)
            pid = self.person(ref, batch, demo=child.as_person(self.today, guardian.phone))
            self.rng = main
            batch.add(FamilyLink, self.link_row(self.demo_ids[child.guardian], pid,
                                                child.relation, child.dob(self.today)))
        if batch.size() or batch.rows[Household.__tablename__]:
            yield batch

    def demo_people(self, ref: Reference, batch: Batch, people: list[DemoPerson]) -> None:
        """The demo people, each drawing from its own stream, so the reference data
        (hospitals, places) can grow without changing the histories the README describes."""
        for demo in people:
            main, self.rng = self.rng, random.Random(f"demo:{demo.code}")
            self.person(ref, batch, demo=demo)
            self.demo_rows[demo.code] = batch.rows[Person.__tablename__][-1]
            self.rng = main

    def demo_households(self, batch: Batch) -> None:
        """The README's households: each head with their demo members, in the listed order."""
        heads = dict.fromkeys(d.household_head for d in DEMO_PEOPLE if d.household_head)
        for head in heads:
            row = self.demo_rows[head]
            members = [self.demo_rows[d.code]["id"] for d in DEMO_PEOPLE
                       if d.household_head == head]
            self.household(batch, members, row["province_code"], row["address"], row["id"])

    def join_household(self, batch: Batch, person: dict) -> None:
        """Someone insured as a household member (group GD) joins the household forming in
        their province; a household of 1 to 6 such people is written once it is full, its
        first member its head (at their address)."""
        province = person["province_code"]
        size, members, address = self.forming.setdefault(
            province, (self.household_rng.randint(*HOUSEHOLD_SIZES), [], person["address"]))
        members.append(person["id"])
        if len(members) >= size:
            del self.forming[province]
            self.household(batch, members, province, address)

    def household(self, batch: Batch, members: list[int], province: str, address: str,
                  head_id: int | None = None) -> None:
        """A household and its members in order; its head is its first member unless
        named."""
        hid = self.ids.take("household")
        batch.add(Household, {"id": hid, "head_id": head_id or members[0],
                              "province_code": province, "address": address})
        for position, pid in enumerate(members, 1):
            batch.add(HouseholdMember, {"id": self.ids.take("householdmember"),
                                        "household_id": hid, "person_id": pid,
                                        "position": position})

    def link_row(self, guardian: int, child: int, relation: str, dob: dt.date) -> dict:
        """A family link made by the birth registration (registered a week after birth)."""
        at = dt.datetime.combine(dob + dt.timedelta(days=7), dt.time(2), tzinfo=dt.UTC)
        return {"id": self.ids.take("familylink"), "guardian_id": guardian, "child_id": child,
                "relation": relation, "source": "birth", "created_at": at}

    def birth_registration(self, batch: Batch, pid: int, name: str, dob: dt.date,
                           province: str, sex: str) -> None:
        """Link a generated child under six to a parent of the same province and surname, of
        a plausible age, seen earlier; remember a generated adult as a possible parent.
        Drawn from a generator of its own, so everything else seeded stays as it was."""
        key = (province, name.split(" ", 1)[0])
        age = (self.today - dob).days // 365
        if age >= 18:
            kept = self.adults.setdefault(key, [])
            kept.append((pid, dob, sex))
            del kept[:-PARENTS_KEPT]
            return
        if age >= 6:
            return
        side = random.Random(self.seed * 2_000_003 + pid)
        if side.random() < BIRTH_UNLINKED:
            return  # no registration on file: the parent asks the agency for the link
        fits = [(parent, sex) for parent, born, sex in self.adults.get(key, [])
                if PARENT_AGES[sex][0] <= (dob - born).days // 365 <= PARENT_AGES[sex][1]]
        if fits:
            parent, parent_sex = side.choice(fits)
            batch.add(FamilyLink, self.link_row(parent, pid, "mother" if parent_sex == "F"
                                                else "father", dob))

    def person(self, ref: Reference, batch: Batch, index: int = 0,
               demo: DemoPerson | None = None, skip_codes: frozenset | set = frozenset()) -> int:
        """One person with card, participation, benefits and visits; returns their id."""
        rng, today = self.rng, self.today
        pid = self.ids.take("person")
        if demo:
            sex, dob, province = demo.sex, demo.dob, demo.province
            name, code, years = demo.full_name, demo.code, demo.years
        else:
            sex = rng.choice("MF")
            age = rng.choice([rng.randint(0, 17), *[rng.randint(18, 80)] * 6])
            dob = today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
            province = rng.choices(ref.provinces, ref.province_weights)[0][0]
            name = self.name(sex)
            code = f"{province}{(index * 7919 + self.seed * 104729) % 10**8:08d}"
            if code in skip_codes:
                code = f"{province}{(index * 7919 + 1) % 10**8:08d}"
            years = None
        century = 0 if dob.year < 2000 else 2
        citizen = (f"0{province}{century + (sex == 'F')}{dob.year % 100:02d}"
                   f"{(pid * 7 + self.seed) % 10**6:06d}")
        if demo:
            citizen = demo.citizen_id
        batch.add(Person, {
            "id": pid, "code": code, "full_name": name, "name_search": fold(name), "dob": dob,
            "sex": sex, "citizen_id": citizen, "phone": demo.phone if demo else self.phone(),
            "address": self.address(province)[1], "province_code": province,
            "lang": demo.lang if demo else "vi",
            "photo": demo_photo(demo) if demo and demo.photo else None,
            "registered": demo.registered if demo else True})
        age = (today - dob).days // 365
        spells = self.work_history(ref, province, dob, sex, years)
        avg_salary = self.participation(batch, pid, spells, demo.unpaid_months if demo else None)
        if not demo and not (spells and spells[-1][1] is None):
            self.voluntary(batch, pid, dob, age, sex, spells)
        retired = age >= (60 if sex == "M" else 55) and spells and spells[-1][1] is not None
        working = bool(spells) and spells[-1][1] is None
        level = self.card(ref, batch, pid, code, province, age, retired, working, spells,
                          demo.group if demo else "", demo.card_days if demo else None, dob)
        if not demo and batch.rows[HealthCard.__tablename__][-1]["group_code"] == "GD":
            self.join_household(batch, batch.rows[Person.__tablename__][-1])
        self.benefits(batch, pid, sex, dob, spells, avg_salary, retired)
        self.visits(ref, batch, pid, province, age, level, working, avg_salary)
        if demo:
            self.demo_ids[demo.code] = pid  # the demo families are linked by code
        else:
            self.birth_registration(batch, pid, name, dob, province, sex)
        return pid

    def name(self, sex: str) -> str:
        """A Vietnamese full name: surname, middle name, given name."""
        rng = self.rng
        surname = rng.choices([s for s, _ in v.SURNAMES], [w for _, w in v.SURNAMES])[0]
        return f"{surname} {rng.choice(v.MIDDLE[sex])} {rng.choice(v.GIVEN[sex])}"

    def work_history(self, ref: Reference, province: str, dob: dt.date, sex: str,
                     years: int | None) -> list[tuple[dt.date, dt.date | None, int, int]]:
        """Job spells: (from month, to month or None if ongoing, employer id, salary)."""
        rng, today = self.rng, self.today
        age = (today - dob).days // 365
        if age < 18 or years == 0 or (years is None and rng.random() < 0.12):
            return []  # years=0: a demo person who never worked
        retire_age = 60 if sex == "M" else 55
        start = month_add(dt.date(dob.year, dob.month, 1), 12 * rng.randint(18, 25))
        if years is not None:
            start = month_add(dt.date(today.year, today.month, 1), -12 * years)
        start = max(start, month_add(dt.date(today.year, today.month, 1), -12 * MAX_YEARS),
                    dt.date(1990, 1, 1))
        stop = min(month_add(dt.date(dob.year, dob.month, 1), 12 * retire_age),
                   dt.date(today.year, today.month, 1))
        spells = []
        cursor = start
        skill = rng.uniform(1.0, 3.5)
        local = ref.employers.get(province) or ref.all_employers
        while cursor <= stop:
            length = rng.randint(6, 120)
            end = min(month_add(cursor, length - 1), stop)
            employer = rng.choice(local if rng.random() < 0.75 else ref.all_employers)
            salary = int(minimum_wage(cursor.year) * skill / 1000) * 1000
            spells.append((cursor, end, employer, salary))
            skill *= rng.uniform(1.0, 1.25)
            cursor = month_add(end, 1 + (0 if rng.random() < 0.5 else rng.randint(1, 14)))
        now_working = spells and spells[-1][1] == stop and stop.year * 12 + stop.month >= \
            today.year * 12 + today.month and (years is not None or rng.random() < 0.85)
        if now_working or (spells and years is not None):  # demo people work today
            last = spells[-1]
            spells[-1] = (last[0], None, last[2], last[3])
        return spells

    def participation(self, batch: Batch, pid: int,
                      spells: list[tuple[dt.date, dt.date | None, int, int]],
                      arrears: int | None = None) -> int:
        """Rows for each scheme of each spell; returns the average salary basis.

        `arrears` fixes the unpaid months of the ongoing spell (demo people); otherwise
        about 6 % of current employers are 1 to 6 months behind."""
        total, months = 0, 0
        for start, end, employer, salary in spells:
            unpaid = 0
            if end is None and arrears is not None:
                unpaid = arrears
            elif end is None and self.rng.random() < 0.06:
                unpaid = self.rng.randint(1, 6)
            for scheme, rate in RATES.items():
                begin = max(start, SCHEME_START[scheme])
                if end is not None and begin > end:
                    continue
                batch.add(Participation, {
                    "id": self.ids.take("participation"), "person_id": pid, "scheme": scheme,
                    "from_month": begin, "to_month": end, "employer_id": employer,
                    "salary_basis": salary, "contribution": int(salary * rate),
                    "unpaid_months": unpaid})
            n = months_between(start, end or self.today)
            total += salary * n
            months += n
        return total // months if months else 0

    def voluntary(self, batch: Batch, pid: int, dob: dt.date, age: int, sex: str,
                  spells: list[tuple[dt.date, dt.date | None, int, int]]) -> None:
        """About one in eight people of working age without a job today pay voluntary social
        insurance (22 % of an income they choose), from some months after their last job.
        Drawn from a generator of its own, so everything else seeded stays as it was."""
        side = random.Random(self.seed * 1_000_003 + pid)
        if not 20 <= age < (60 if sex == "M" else 55) or side.random() >= 0.12:
            return
        this_month = self.today.replace(day=1)
        start = month_add(spells[-1][1], side.randint(1, 24)) if spells else \
            month_add(this_month, -side.randint(1, 60))
        start = max(start, month_add(dob.replace(day=1), 18 * 12))  # from 18 at the earliest
        if start > this_month:
            return  # their job ended too lately to have begun paying by themselves
        income = side.randrange(1_500_000, 8_000_001, 50_000)
        batch.add(Participation, {
            "id": self.ids.take("participation"), "person_id": pid, "scheme": "BHXH",
            "from_month": start, "to_month": None, "employer_id": None,
            "salary_basis": income, "contribution": int(income * 0.22), "unpaid_months": 0})

    def card(self, ref: Reference, batch: Batch, pid: int, code: str, province: str, age: int,
             retired: bool, working: bool, spells: list, group: str = "",
             valid_days: int | None = None, dob: dt.date | None = None) -> int:
        """The health card (of beneficiary `group` if given, ending `valid_days` after today
        if given); returns its benefit level."""
        rng, today = self.rng, self.today
        if age < 6:
            group, level = "TE", 100
        elif age < 18:
            group, level = "HS", 80
        elif retired:
            group, level = "HT", 95
        elif working:
            group, level = group or rng.choice(["DN", "DN", "DN", "HC"]), 80
        else:
            group = group or rng.choice(["GD", "GD", "CN"])
            level = 95 if group == "CN" else 80
        local = [f for f in ref.facilities[province] if f[2] in ("district", "commune")]
        facility = rng.choice(local)[0]
        valid_from = dt.date(today.year, 1, 1)
        valid_to = dt.date(today.year, 12, 31)
        if group == "TE" and dob is not None:  # from birth to the day before the sixth birthday
            valid_from, valid_to = dob, child_card_ends(dob)
        if group in ("GD", "CN") and rng.random() < 0.3:
            valid_to = today + dt.timedelta(days=rng.randint(5, 40))  # due for renewal
        if valid_days is not None:
            valid_to = today + dt.timedelta(days=valid_days)
        first = spells[0][0] if spells else None
        five = month_add(first, 60) if first and month_add(first, 60) <= today else None
        batch.add(HealthCard, {
            "id": self.ids.take("healthcard"), "person_id": pid, "number": code,
            "group_code": group, "benefit_level": level, "province_code": province,
            "facility_id": facility, "valid_from": valid_from, "valid_to": valid_to,
            "five_years_from": five, "agency_id": ref.agencies[province],
            "issued_at": valid_from})
        return level

    def benefits(self, batch: Batch, pid: int, sex: str, dob: dt.date, spells: list,
                 avg_salary: int, retired: bool) -> None:
        """Maternity, one-time and pension benefits consistent with the history."""
        rng, today = self.rng, self.today
        for start, end, _, salary in spells:
            last = end or dt.date(today.year, today.month, 1)
            if sex == "F" and months_between(start, last) > 12 and rng.random() < 0.35:
                birth = month_add(start, rng.randint(7, months_between(start, last) - 1))
                if 20 <= birth.year - dob.year <= 40:
                    amount = 6 * salary + 2 * minimum_wage(birth.year)
                    batch.add(Benefit, {
                        "id": self.ids.take("benefit"), "person_id": pid, "kind": "maternity",
                        "period_from": birth, "period_to": month_add(birth, 5),
                        "amount": amount, "status": "paid", "note": ""})
            if rng.random() < 0.01:
                when = month_add(start, rng.randint(0, max(0, months_between(start, last) - 1)))
                batch.add(Benefit, {
                    "id": self.ids.take("benefit"), "person_id": pid, "kind": "accident",
                    "period_from": when, "period_to": month_add(when, 1),
                    "amount": salary * rng.randint(5, 12), "status": "paid", "note": ""})
        if not spells:
            return
        contributed = sum(months_between(s, e or today) for s, e, _, _ in spells)
        if retired and contributed >= 240:
            start = month_add(spells[-1][1], 1)
            rate = min(0.75, 0.45 + 0.02 * max(0, contributed // 12 - 20))
            amount = int(avg_salary * rate / 1000) * 1000
            bid = self.ids.take("benefit")
            current = amount
            for effective, percent, decree in v.PENSION_RISES:
                eff = dt.date.fromisoformat(effective)
                if eff <= start or eff > today:
                    continue
                new = int(current * (1 + percent / 100) / 1000) * 1000
                batch.add(PensionAdjustment, {
                    "id": self.ids.take("pensionadjustment"), "benefit_id": bid,
                    "effective": eff, "old_amount": current, "new_amount": new,
                    "percent": percent, "decree": decree})
                current = new
            batch.add(Benefit, {"id": bid, "person_id": pid, "kind": "pension",
                                "period_from": start, "period_to": None, "amount": current,
                                "status": "paid", "note": ""})
        elif spells[-1][1] is not None and not retired and rng.random() < 0.25:
            when = month_add(spells[-1][1], 13)
            if when <= today:
                batch.add(Benefit, {
                    "id": self.ids.take("benefit"), "person_id": pid, "kind": "one_time",
                    "period_from": when, "period_to": None,
                    "amount": int(avg_salary * 1.5 * contributed / 12),
                    "status": "processing" if (today - when).days < 60 else "paid",
                    "note": ""})

    def visits(self, ref: Reference, batch: Batch, pid: int, province: str, age: int,
               level: int, working: bool, avg_salary: int) -> None:
        """Insured visits of the last six years, with sick-leave papers and benefits."""
        rng, today = self.rng, self.today
        count = rng.randint(0, 4 + age // 10)
        for _ in range(count):
            icd, diagnosis, cost, inpatient_share = rng.choice(v.DIAGNOSES)
            inpatient = rng.random() < inpatient_share
            admitted = today - dt.timedelta(days=rng.randint(1, 6 * 365))
            stay = rng.randint(2, 10) if inpatient else 0
            discharged = min(admitted + dt.timedelta(days=stay), today)
            total = int(cost * rng.uniform(0.5, 2.0) * (1 + stay * 0.3) / 1000) * 1000
            paid = total * level // 100
            facility = rng.choice(ref.facilities[province])
            vid = self.ids.take("medicalvisit")
            batch.add(MedicalVisit, {
                "id": vid, "person_id": pid, "facility_id": facility[0], "admitted": admitted,
                "discharged": discharged, "inpatient": inpatient, "icd10": icd,
                "diagnosis": diagnosis, "total_cost": total, "insurance_paid": paid,
                "patient_paid": total - paid})
            if inpatient:
                batch.add(VisitDocument, {
                    "id": self.ids.take("visitdocument"), "visit_id": vid, "kind": "discharge",
                    "number": f"RV{vid:08d}", "issued": discharged, "days": stay})
            if working and (inpatient or rng.random() < 0.25):
                days = stay or rng.randint(1, 5)
                batch.add(VisitDocument, {
                    "id": self.ids.take("visitdocument"), "visit_id": vid,
                    "kind": "sick_leave", "number": f"NV{vid:08d}", "issued": discharged,
                    "days": days})
                batch.add(Benefit, {
                    "id": self.ids.take("benefit"), "person_id": pid, "kind": "sickness",
                    "period_from": admitted, "period_to": admitted + dt.timedelta(days=days),
                    "amount": int(avg_salary / 24 * days * 0.75 / 1000) * 1000,
                    "status": "paid" if (today - admitted).days > 45 else "processing",
                    "note": ""})


def is_seeded(engine: Engine) -> bool:
    """True if the database already holds people."""
    with engine.connect() as conn:
        return bool(conn.execute(select(func.count()).select_from(Person)).scalar())


def clear(conn: Connection) -> None:
    """Delete every row of every table, children before parents (logins, devices and the
    sync log point at people)."""
    import api.auth.models  # noqa: F401  (registers the tables in the metadata)
    import sync.models  # noqa: F401

    for table in reversed(SQLModel.metadata.sorted_tables):
        conn.execute(table.delete())


def demo_notices(engine: Engine, today: dt.date) -> None:
    """A few notices for the demo people, so the notices screen has something to show."""
    from api.services import notices

    with Session(engine) as session:
        for demo in DEMO_PEOPLE:
            pid = session.execute(select(Person.id).where(Person.code == demo.code)).scalar_one()
            card = session.execute(select(HealthCard).where(HealthCard.person_id == pid)
                                   ).scalars().first()
            if card is not None:
                notices.publish(session, pid, "card_expiring", push=False,
                                day=card.valid_to.isoformat())
            last = session.execute(select(MedicalVisit, Facility).join(Facility)
                                   .where(MedicalVisit.person_id == pid)
                                   .order_by(MedicalVisit.admitted.desc())).first()
            if last is not None:
                notices.publish(session, pid, "new_visit", push=False, facility=last[1].name,
                                amount=last[0].insurance_paid)
        session.commit()


def demo_staff(engine: Engine) -> None:
    """The README's staff accounts (api/auth/staff.py), with their fixed codes."""
    from api.auth.models import StaffAccount

    with Session(engine) as session:
        for demo in DEMO_STAFF:
            pid = session.execute(select(Person.id).where(Person.code == demo.person_code)
                                  ).scalar_one()
            fid = session.execute(select(Facility.id).where(
                Facility.code == demo.facility_code)).scalar_one() \
                if demo.facility_code else None
            session.add(StaffAccount(staff_code=demo.staff_code, person_id=pid, role=demo.role,
                                     facility_id=fid, province_code=demo.province,
                                     full_name=demo.full_name, phone=demo.phone,
                                     created_at=utcnow()))
        session.commit()


def write(conn: Connection, batch: Batch) -> None:
    """Insert a batch, parents before children (COPY on PostgreSQL, executemany elsewhere)."""
    for table in reversed(TABLES):
        rows = batch.rows[table.__tablename__]
        if not rows:
            continue
        if conn.dialect.name == "postgresql":
            _copy(conn, table, rows)
        else:
            conn.execute(insert(table.__table__), rows)


def _copy_field(value: object) -> str:
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    text_value = str(value)
    return (text_value.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def _copy(conn: Connection, table: type, rows: list[dict]) -> None:
    """COPY FROM STDIN: several times faster than multi-row INSERT for a million people."""
    columns = list(rows[0])
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(_copy_field(row.get(c)) for c in columns))
        buffer.write("\n")
    buffer.seek(0)
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.copy_expert(f'COPY "{table.__tablename__}" ({names}) FROM STDIN', buffer)
    finally:
        cursor.close()


def run(engine: Engine, people: int, seed: int, today: dt.date | None = None,
        batch_size: int = 2000, reset: bool = False,
        progress: Callable[[int, int], None] | None = None) -> int:
    """Generate and insert; returns the number of people written (demo people included)."""
    today = today or dt.date.today()
    gen = Generator(seed, today, employers=max(300, people // 25))
    written = 0
    with engine.begin() as conn:
        if reset:
            clear(conn)
        ref, ref_batch = gen.reference_rows()
        write(conn, ref_batch)
    for batch in gen.people(ref, people, batch_size):
        with engine.begin() as conn:
            write(conn, batch)
        written += batch.size()
        if progress:
            progress(written, people + len(DEMO_PEOPLE) + len(DEMO_CHILDREN))
    demo_notices(engine, today)
    demo_staff(engine)
    if engine.dialect.name == "postgresql":
        # Ids were assigned here; move the sequences past them for later inserts.
        with engine.begin() as conn:
            for table in TABLES:
                if "id" in table.__table__.c:
                    name = table.__tablename__
                    conn.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM \"{name}\"), 0) + 1, false)"))
    return written
