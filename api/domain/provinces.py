"""Vietnam's provinces before and after the reform of 1 July 2025.

Resolution 202/2025/QH15 of the National Assembly reduced the 63 provincial-level units to
34 from 1 July 2025: 11 stay as they were and 23 are formed by merging 52. Every new unit
takes the name of one of the units it was formed from; here it also keeps that unit's
two-digit code, so the codes already printed on old cards and in codes stay meaningful.
The 29 units that disappeared are kept as data that points to their successor: records
dated before the reform keep their old province ("Bạc Liêu (now Cà Mau)") and a search by
an old name finds the new province.
"""

from __future__ import annotations

import datetime as dt

from locales import tr

# The day the 34 provinces came into being.
REFORM_DATE = dt.date(2025, 7, 1)

# The 63 provinces before the reform and their two-digit administrative codes.
BEFORE_2025: dict[str, str] = {
    "01": "Hà Nội", "02": "Hà Giang", "04": "Cao Bằng", "06": "Bắc Kạn", "08": "Tuyên Quang",
    "10": "Lào Cai", "11": "Điện Biên", "12": "Lai Châu", "14": "Sơn La", "15": "Yên Bái",
    "17": "Hòa Bình", "19": "Thái Nguyên", "20": "Lạng Sơn", "22": "Quảng Ninh",
    "24": "Bắc Giang", "25": "Phú Thọ", "26": "Vĩnh Phúc", "27": "Bắc Ninh",
    "30": "Hải Dương", "31": "Hải Phòng", "33": "Hưng Yên", "34": "Thái Bình",
    "35": "Hà Nam", "36": "Nam Định", "37": "Ninh Bình", "38": "Thanh Hóa", "40": "Nghệ An",
    "42": "Hà Tĩnh", "44": "Quảng Bình", "45": "Quảng Trị", "46": "Thừa Thiên Huế",
    "48": "Đà Nẵng", "49": "Quảng Nam", "51": "Quảng Ngãi", "52": "Bình Định",
    "54": "Phú Yên", "56": "Khánh Hòa", "58": "Ninh Thuận", "60": "Bình Thuận",
    "62": "Kon Tum", "64": "Gia Lai", "66": "Đắk Lắk", "67": "Đắk Nông", "68": "Lâm Đồng",
    "70": "Bình Phước", "72": "Tây Ninh", "74": "Bình Dương", "75": "Đồng Nai",
    "77": "Bà Rịa - Vũng Tàu", "79": "Hồ Chí Minh", "80": "Long An", "82": "Tiền Giang",
    "83": "Bến Tre", "84": "Trà Vinh", "86": "Vĩnh Long", "87": "Đồng Tháp",
    "89": "An Giang", "91": "Kiên Giang", "92": "Cần Thơ", "93": "Hậu Giang",
    "94": "Sóc Trăng", "95": "Bạc Liêu", "96": "Cà Mau",
}

# The 23 merged units: new province code -> codes of the provinces it was formed from.
MERGED: dict[str, tuple[str, ...]] = {
    "08": ("02", "08"),              # Tuyên Quang = Hà Giang + Tuyên Quang
    "10": ("10", "15"),              # Lào Cai = Lào Cai + Yên Bái
    "19": ("06", "19"),              # Thái Nguyên = Bắc Kạn + Thái Nguyên
    "25": ("17", "25", "26"),        # Phú Thọ = Hòa Bình + Phú Thọ + Vĩnh Phúc
    "27": ("24", "27"),              # Bắc Ninh = Bắc Giang + Bắc Ninh
    "33": ("33", "34"),              # Hưng Yên = Hưng Yên + Thái Bình
    "31": ("30", "31"),              # Hải Phòng = Hải Dương + Hải Phòng
    "37": ("35", "36", "37"),        # Ninh Bình = Hà Nam + Nam Định + Ninh Bình
    "45": ("44", "45"),              # Quảng Trị = Quảng Bình + Quảng Trị
    "48": ("48", "49"),              # Đà Nẵng = Đà Nẵng + Quảng Nam
    "51": ("51", "62"),              # Quảng Ngãi = Quảng Ngãi + Kon Tum
    "64": ("52", "64"),              # Gia Lai = Bình Định + Gia Lai
    "56": ("56", "58"),              # Khánh Hòa = Khánh Hòa + Ninh Thuận
    "68": ("60", "67", "68"),        # Lâm Đồng = Bình Thuận + Đắk Nông + Lâm Đồng
    "66": ("54", "66"),              # Đắk Lắk = Phú Yên + Đắk Lắk
    "79": ("74", "77", "79"),        # Hồ Chí Minh = Bình Dương + Bà Rịa - Vũng Tàu + HCM
    "75": ("70", "75"),              # Đồng Nai = Bình Phước + Đồng Nai
    "72": ("72", "80"),              # Tây Ninh = Tây Ninh + Long An
    "92": ("92", "93", "94"),        # Cần Thơ = Cần Thơ + Hậu Giang + Sóc Trăng
    "86": ("83", "84", "86"),        # Vĩnh Long = Bến Tre + Trà Vinh + Vĩnh Long
    "87": ("82", "87"),              # Đồng Tháp = Tiền Giang + Đồng Tháp
    "96": ("95", "96"),              # Cà Mau = Bạc Liêu + Cà Mau
    "89": ("89", "91"),              # An Giang = An Giang + Kiên Giang
}
# The 11 units that were not merged (Thừa Thiên Huế had become Huế city in January 2025).
UNCHANGED = ("01", "04", "11", "12", "14", "20", "22", "38", "40", "42", "46")
# Names that changed without a merger.
RENAMED = {"46": "Huế"}

# The six centrally-run cities among the 34 (thành phố trực thuộc trung ương).
CITIES = ("01", "31", "46", "48", "79", "92")

# old code -> code of the province it belongs to now (a current province maps to itself).
SUCCESSOR: dict[str, str] = {old: new for new, olds in MERGED.items() for old in olds}
SUCCESSOR.update({code: code for code in UNCHANGED})
# The 34 current provinces: code -> name.
CURRENT: dict[str, str] = {code: RENAMED.get(code, BEFORE_2025[code])
                           for code in (*UNCHANGED, *MERGED)}


def name_of(code: str) -> str:
    """The name a province code stands for: the current name, or the pre-2025 one."""
    return CURRENT.get(code) or BEFORE_2025.get(code, "")


def unit_name(code: str) -> str:
    """A current province as official names write it: "tỉnh Cà Mau", "thành phố Huế"."""
    return f"{'thành phố' if code in CITIES else 'tỉnh'} {CURRENT[code]}"


def current_code(code: str) -> str:
    """The current province a (possibly pre-2025) province code belongs to ("95" -> "96")."""
    return SUCCESSOR.get(code, code)


def former_names(code: str) -> list[str]:
    """Every pre-2025 name of the provinces a current province was formed from."""
    olds = MERGED.get(code, (code,))
    return [BEFORE_2025[old] for old in olds if BEFORE_2025[old] != CURRENT.get(code)]


def retired_codes() -> list[str]:
    """The 29 codes whose province no longer exists on its own."""
    return [code for code in BEFORE_2025 if code not in CURRENT]


def label(code: str, day: dt.date | None, lang: str) -> str:
    """The province as a record dated `day` should show it: its name at that date, with the
    current name when it has changed since ("Bạc Liêu (now Cà Mau)", translated)."""
    now = CURRENT.get(current_code(code), "")
    if day is not None and day < REFORM_DATE:
        then = BEFORE_2025.get(code, now)
        if then != now:
            return tr(lang, "{old} (now {new})", old=then, new=now)
    return now


def of_entry(province_code: str, former_code: str | None, day: dt.date | None,
             lang: str) -> str:
    """The province of a facility or employer as a record dated `day` shows it: the
    pre-2025 province it was in, with its current one, for a record before the reform."""
    return label(former_code or province_code, day, lang)
