"""Demo people with known codes, always present; the README lists them."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass

from PIL import Image, ImageDraw


@dataclass(frozen=True)
class DemoPerson:
    """A person the README names, with a fixed code and phone number."""

    code: str
    full_name: str
    sex: str
    dob: dt.date
    province: str
    citizen_id: str
    phone: str
    years: int  # years of contribution history to generate
    lang: str = "vi"
    unpaid_months: int = 0  # arrears of the current employer, shown on the history page
    group: str = "DN"  # beneficiary group of the card while working (README: DN4010123456789)
    registered: bool = True  # has an e-transaction account (False: must register first)
    # A member of the household the person with this code heads (BHYT hộ gia đình); such
    # people are generated after the others, so the generated people's rows stay as they are.
    household_head: str = ""
    card_days: int | None = None  # the card ends this many days after the seed's today
    photo: bool = True  # a portrait on the card (a young child's card has none)


DEMO_PEOPLE: list[DemoPerson] = [
    # A factory worker in Hà Nội with 35 years of history (the "full" demo).
    DemoPerson("0123456789", "Nguyễn Văn An", "M", dt.date(1972, 5, 14), "01",
               "001072012345", "0912345678", 35, unpaid_months=2),
    # A young mother in Hồ Chí Minh City (maternity benefit, 8 years).
    DemoPerson("7912345678", "Trần Thị Bích Ngọc", "F", dt.date(1994, 9, 2), "79",
               "079194054321", "0987654321", 8),
    # A Korean engineer working in Bắc Ninh; name stored as written, UI in English.
    DemoPerson("2712345670", "김민준 (Kim Min-jun)", "M", dt.date(1988, 1, 20), "27",
               "027088099887", "0977000111", 4, lang="en"),
    # A nurse in Hồ Chí Minh City with a code but no account yet: she registers in the app
    # (scanning her chip ID card, REGISTRANT_ID_QR) and officer CB-01 approves it.
    DemoPerson("7923456781", "Lê Thị Mai", "F", dt.date(1990, 3, 15), "79",
               "079190001234", "0903123456", 6, registered=False),
    # The household Nguyễn Văn An heads in Hà Nội (he is insured by his employer, so he is
    # its head but not a member). The members, in the household's order: his wife and his
    # mother, whose cards end in 12 days; his son, whose card runs to the end of the year;
    # his daughter, a pupil (the state pays half of her contribution), card ending in 20 days.
    # None of them has worked (years=0).
    DemoPerson("0123456790", "Phạm Thị Hoa", "F", dt.date(1975, 8, 21), "01",
               "001175023456", "0912345679", 0, group="GD", household_head="0123456789",
               card_days=12),
    DemoPerson("0123456791", "Lê Thị Thu", "F", dt.date(1948, 3, 3), "01",
               "001148034567", "0912345680", 0, group="GD", household_head="0123456789",
               card_days=12),
    DemoPerson("0123456792", "Nguyễn Minh Khoa", "M", dt.date(2004, 10, 10), "01",
               "001204045678", "0912345681", 0, group="GD", household_head="0123456789"),
    DemoPerson("0123456793", "Nguyễn Thu Trang", "F", dt.date(2010, 5, 5), "01",
               "001310056789", "0912345682", 0, group="HS", household_head="0123456789",
               card_days=20),
]
HOUSEHOLD_HEAD = "0123456789"  # the README's household head


@dataclass(frozen=True)
class DemoChild:
    """A child under six (group TE, insured by the state, no phone) linked by the birth
    registration to a demo parent, who shows the child's card from their own account. The
    date of birth follows the seed's `today`, so the README's "turns six soon" stays true
    whenever the demo data is made."""

    code: str
    full_name: str
    sex: str
    age_days: int  # age on the seed's `today`, in days
    serial: str  # the last 6 digits of the personal ID number given at the birth registration
    guardian: str  # the parent's code
    relation: str = "mother"
    province: str = "79"

    def dob(self, today: dt.date) -> dt.date:
        """The date of birth that makes the child `age_days` old on `today`."""
        return today - dt.timedelta(days=self.age_days)

    def as_person(self, today: dt.date, phone: str) -> DemoPerson:
        """The child as a demo person for the generator: the parent's phone (the birth
        registration's contact), no account, no history, no photo."""
        dob = self.dob(today)
        # Province, century and sex (2: a boy born in the 2000s, 3: a girl), year, serial.
        citizen_id = f"0{self.province}{2 + (self.sex == 'F')}{dob.year % 100:02d}{self.serial}"
        return DemoPerson(self.code, self.full_name, self.sex, dob, self.province, citizen_id,
                          phone, 0, registered=False, group="TE", photo=False)


# Ngọc's children (README "Demo accounts"): a son who turns six in about 45 days (his card
# ends the day before: the guardian gets the notice 30 days ahead) and a two-year-old
# daughter. They come after the generated people, so the generated rows keep their ids.
SIX_YEARS_DAYS = 6 * 365 + 1  # six years hold one or two 29 Februaries; the seed uses 365
DEMO_CHILDREN: list[DemoChild] = [
    DemoChild("7912345601", "Phạm Minh Khang", "M", SIX_YEARS_DAYS - 45, "012345",
              "7912345678"),
    DemoChild("7912345602", "Phạm Bảo Anh", "F", 2 * 365 + 120, "045678",
              "7912345678"),
]
# What the chip ID card of the registering demo person holds in its QR code:
# ID|old ID|full name|date of birth ddmmyyyy|sex|address|issue date ddmmyyyy.
REGISTRANT_CODE = "7923456781"
REGISTRANT_ID_QR = ("079190001234|025123456|Lê Thị Mai|15031990|Nữ|"
                    "12 Nguyễn Trãi, Phường Bến Thành, Thành phố Hồ Chí Minh|10052021")


@dataclass(frozen=True)
class DemoStaff:
    """A staff account the README names: a demo person working at a facility (clinic) or at
    the agency (officer), with a staff phone of their own (the login codes for the staff
    account go there)."""

    staff_code: str
    person_code: str
    facility_code: str  # "" for an officer, who belongs to no facility
    full_name: str
    phone: str
    role: str = "clinic"
    province: str | None = None  # an officer's province: the cases they handle


DEMO_STAFF: list[DemoStaff] = [
    # Reception at Bạch Mai hospital (Hà Nội); also a citizen with his own wallet login.
    DemoStaff("01H01-01", "0123456789", "01H01", "Nguyễn Văn An", "0912000101"),
    # Reception at the first real hospital of Hồ Chí Minh City.
    DemoStaff("79H01-01", "7912345678", "79H01", "Trần Thị Bích Ngọc", "0987000201"),
    # Officers of the agency (announcements; the officer console), also citizens: one in
    # Hồ Chí Minh City, one in Hà Nội; each handles the registrations and service requests
    # of their own province only.
    DemoStaff("CB-01", "7912345678", "", "Trần Thị Bích Ngọc", "0987000202", role="officer",
              province="79"),
    DemoStaff("CB-02", "0123456789", "", "Nguyễn Văn An", "0912000102", role="officer",
              province="01"),
]


def demo_photo(person: DemoPerson) -> bytes:
    """A simple, deterministic portrait placeholder (head and shoulders), as PNG."""
    digest = hashlib.sha256(person.code.encode()).digest()
    background = (200 + digest[0] % 40, 215 + digest[1] % 30, 230 + digest[2] % 20)
    clothes = (40 + digest[3] % 80, 60 + digest[4] % 80, 110 + digest[5] % 100)
    image = Image.new("RGB", (240, 320), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 200, 220, 420), fill=clothes)
    draw.rectangle((100, 170, 140, 215), fill=(226, 188, 160))
    draw.ellipse((65, 60, 175, 190), fill=(236, 200, 170))
    hair = (30 + digest[6] % 40,) * 3
    draw.chord((60, 48, 180, 150), 180, 360, fill=hair)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
