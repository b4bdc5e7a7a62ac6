"""Word lists for realistic Vietnamese demo data: provinces, names, places, diagnoses."""

from __future__ import annotations

# The 63 provinces and their two-digit administrative codes (the codes in card numbers).
PROVINCES: list[tuple[str, str]] = [
    ("01", "Hà Nội"), ("02", "Hà Giang"), ("04", "Cao Bằng"), ("06", "Bắc Kạn"),
    ("08", "Tuyên Quang"), ("10", "Lào Cai"), ("11", "Điện Biên"), ("12", "Lai Châu"),
    ("14", "Sơn La"), ("15", "Yên Bái"), ("17", "Hòa Bình"), ("19", "Thái Nguyên"),
    ("20", "Lạng Sơn"), ("22", "Quảng Ninh"), ("24", "Bắc Giang"), ("25", "Phú Thọ"),
    ("26", "Vĩnh Phúc"), ("27", "Bắc Ninh"), ("30", "Hải Dương"), ("31", "Hải Phòng"),
    ("33", "Hưng Yên"), ("34", "Thái Bình"), ("35", "Hà Nam"), ("36", "Nam Định"),
    ("37", "Ninh Bình"), ("38", "Thanh Hóa"), ("40", "Nghệ An"), ("42", "Hà Tĩnh"),
    ("44", "Quảng Bình"), ("45", "Quảng Trị"), ("46", "Thừa Thiên Huế"), ("48", "Đà Nẵng"),
    ("49", "Quảng Nam"), ("51", "Quảng Ngãi"), ("52", "Bình Định"), ("54", "Phú Yên"),
    ("56", "Khánh Hòa"), ("58", "Ninh Thuận"), ("60", "Bình Thuận"), ("62", "Kon Tum"),
    ("64", "Gia Lai"), ("66", "Đắk Lắk"), ("67", "Đắk Nông"), ("68", "Lâm Đồng"),
    ("70", "Bình Phước"), ("72", "Tây Ninh"), ("74", "Bình Dương"), ("75", "Đồng Nai"),
    ("77", "Bà Rịa - Vũng Tàu"), ("79", "Hồ Chí Minh"), ("80", "Long An"),
    ("82", "Tiền Giang"), ("83", "Bến Tre"), ("84", "Trà Vinh"), ("86", "Vĩnh Long"),
    ("87", "Đồng Tháp"), ("89", "An Giang"), ("91", "Kiên Giang"), ("92", "Cần Thơ"),
    ("93", "Hậu Giang"), ("94", "Sóc Trăng"), ("95", "Bạc Liêu"), ("96", "Cà Mau"),
]
# Rough weights: the big cities and industrial provinces hold most insured workers.
PROVINCE_WEIGHT = {"01": 12, "79": 14, "74": 6, "75": 5, "31": 3, "48": 2, "27": 3,
                   "92": 2, "22": 2, "38": 3, "40": 3, "80": 2}

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

# Common ward/commune and street names, used for addresses and local facilities.
PLACES = ["Tân Lập", "Hòa Bình", "Đông Hưng", "Quang Trung", "Phú Lợi", "Tân Phong",
          "Hưng Thịnh", "An Phú", "Thạnh Mỹ", "Trung Hòa", "Nghĩa Tân", "Vĩnh Ninh",
          "Phước Long", "Bình An", "Thanh Xuân", "Long Biên", "Cẩm Phả", "Hòa Khánh",
          "Xuân Hòa", "Tân Thành", "Đồng Tâm", "Phú Mỹ", "Hiệp Phước", "Tam Hiệp",
          "Kim Liên", "Lộc Ninh", "Ninh Xuân", "Thái Học", "Minh Khai", "Yên Hòa"]
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
