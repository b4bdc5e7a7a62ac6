"""Word lists for realistic Vietnamese demo data: names, places, diagnoses. Provinces are
in `api.domain.provinces`, real hospitals and district names in `api/seed/data/`."""

from __future__ import annotations

# Rough weights of the 34 current provinces (api.domain.provinces): the big cities and
# industrial provinces hold most insured workers (Hồ Chí Minh City now includes Bình Dương
# and Bà Rịa - Vũng Tàu).
PROVINCE_WEIGHT = {"01": 12, "79": 22, "75": 5, "31": 4, "48": 3, "27": 4, "92": 3,
                   "22": 2, "38": 3, "40": 3, "72": 3, "25": 2, "33": 2, "37": 2}

SURNAMES: list[tuple[str, float]] = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 3), ("Huỳnh", 2.1),
    ("Phan", 4.5), ("Vũ", 2), ("Võ", 1.9), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4),
    ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Đinh", 0.8), ("Trịnh", 0.6),
    ("Mai", 0.5), ("Lương", 0.4), ("Tạ", 0.3), ("Cao", 0.4), ("Lâm", 0.4), ("Hà", 0.5),
]
MIDDLE = {"M": ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Xuân", "Tuấn",
                "Hoàng", "Trọng", "Anh"],
          "F": ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Hồng", "Minh", "Phương",
                "Bích", "Mỹ"]}
GIVEN = {"M": ["An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Huy", "Khánh", "Long",
               "Mạnh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Toàn", "Trung",
               "Tuấn", "Việt", "Vinh", "Hiếu", "Hoàng", "Kiên", "Lâm", "Nghĩa", "Thịnh"],
         "F": ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Huyền",
               "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngọc", "Nhung", "Oanh", "Phương",
               "Quỳnh", "Thảo", "Thủy", "Trang", "Trinh", "Tuyết", "Vân", "Yến", "Nhi"]}

# Ward and commune names found all over the country, used for addresses and commune
# health stations (names tied to one place, such as Long Biên, live in data/places.csv).
PLACES = ["Tân Lập", "Hòa Bình", "Đông Hưng", "Quang Trung", "Phú Lợi", "Tân Phong",
          "Hưng Thịnh", "An Phú", "Vĩnh Ninh", "Bình An", "Xuân Hòa", "Tân Thành",
          "Đồng Tâm", "Phú Mỹ", "Hiệp Phước", "Tam Hiệp", "Ninh Xuân", "Thái Học",
          "Minh Khai", "Yên Hòa", "Tân An", "Phú Hòa", "Hưng Đạo", "Thống Nhất", "Hòa Lợi",
          "Tân Tiến", "Bình Minh", "Thạnh Phú", "Quyết Thắng", "Độc Lập"]
STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Lý Thường Kiệt",
           "Điện Biên Phủ", "Hùng Vương", "Phan Chu Trinh", "Quang Trung", "Nguyễn Huệ",
           "Cách Mạng Tháng Tám", "Lê Duẩn", "Võ Thị Sáu", "Nguyễn Văn Cừ", "Pasteur"]

EMPLOYER_FORMS = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Doanh nghiệp tư nhân"]
EMPLOYER_TRADES = ["May mặc", "Điện tử", "Xây dựng", "Thực phẩm", "Vận tải", "Thương mại",
                   "Cơ khí", "Dệt may", "Giày da", "Phần mềm", "Logistics", "Nhựa",
                   "Chế biến gỗ", "Thủy sản", "Dược phẩm", "Bao bì", "Du lịch"]
EMPLOYER_BRANDS = ["Hòa Phát", "Minh Anh", "Phú Cường", "Thành Công", "Việt Tiến",
                   "Sao Mai", "Hưng Long", "Tân Á", "Đại Dương", "Kim Long", "An Khang",
                   "Trường Sơn", "Hồng Hà", "Bắc Việt", "Nam Phong", "Thiên Ân", "Quốc Bảo"]

# (ICD-10, diagnosis, typical cost in đồng, inpatient share)
DIAGNOSES: list[tuple[str, str, int, float]] = [
    ("J06.9", "Nhiễm trùng đường hô hấp trên cấp", 180_000, 0.02),
    ("I10", "Tăng huyết áp vô căn", 420_000, 0.05),
    ("E11.9", "Đái tháo đường type 2", 650_000, 0.05),
    ("K29.7", "Viêm dạ dày", 350_000, 0.05),
    ("M54.5", "Đau thắt lưng", 300_000, 0.03),
    ("J20.9", "Viêm phế quản cấp", 260_000, 0.1),
    ("A09", "Tiêu chảy và viêm dạ dày ruột", 400_000, 0.3),
    ("N39.0", "Nhiễm trùng đường tiết niệu", 380_000, 0.1),
    ("J18.9", "Viêm phổi", 3_800_000, 0.8),
    ("S52.5", "Gãy đầu dưới xương quay", 6_500_000, 0.7),
    ("K35.8", "Viêm ruột thừa cấp", 9_200_000, 1.0),
    ("H10.9", "Viêm kết mạc", 150_000, 0.0),
    ("K02.9", "Sâu răng", 200_000, 0.0),
    ("A90", "Sốt xuất huyết Dengue", 2_600_000, 0.6),
]

# Pension rises by decree: (effective date, percent, decree)
PENSION_RISES: list[tuple[str, float, str]] = [
    ("2019-07-01", 7.19, "Nghị định 44/2019/NĐ-CP"),
    ("2022-01-01", 7.4, "Nghị định 108/2021/NĐ-CP"),
    ("2023-07-01", 12.5, "Nghị định 42/2023/NĐ-CP"),
    ("2024-07-01", 15.0, "Nghị định 75/2024/NĐ-CP"),
]
