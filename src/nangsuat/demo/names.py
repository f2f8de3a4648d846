"""Word lists for realistic Vietnamese enterprise names (demo data and the benchmark's synthetic rows).

A name is a legal form, a line of business matching the VSIC section, and a place or brand word:
"Công ty TNHH Thủy sản Cửu Long", "Hợp tác xã Nông nghiệp Phong Điền", "Hộ kinh doanh Bánh tráng Thuận Hưng".
"""

import random

COMPANY_FORMS = [
    "Công ty TNHH",
    "Công ty TNHH MTV",
    "Công ty Cổ phần",
    "Công ty TNHH Sản xuất Thương mại",
    "Doanh nghiệp tư nhân",
]
COOPERATIVE_FORMS = ["Hợp tác xã", "Hợp tác xã Dịch vụ", "Hợp tác xã Sản xuất"]
HOUSEHOLD_FORMS = ["Hộ kinh doanh", "Cơ sở"]

# Lines of business by VSIC section (A agriculture, C manufacturing, F construction, G trade, ...).
BUSINESS_BY_SECTION = {
    "A": [
        "Nông nghiệp",
        "Thủy sản",
        "Chăn nuôi",
        "Trồng trọt",
        "Giống cây trồng",
        "Nuôi trồng thủy sản",
        "Rau an toàn",
        "Lúa gạo",
        "Cây ăn trái",
        "Nấm sạch",
    ],
    "C": [
        "Chế biến Thực phẩm",
        "Chế biến Thủy sản",
        "Xay xát Lúa gạo",
        "Bánh kẹo",
        "Bánh tráng",
        "Nước mắm",
        "Cơ khí",
        "Bao bì",
        "Nhựa",
        "Dệt may",
        "Đồ gỗ",
        "Thức ăn Chăn nuôi",
        "Phân bón",
        "Dược phẩm",
        "Mỹ phẩm",
        "In ấn",
        "Nước giải khát",
        "Kẹo dừa",
        "Gốm sứ",
        "Điện tử",
    ],
    "D": ["Năng lượng Tái tạo", "Điện mặt trời"],
    "E": ["Môi trường Xanh", "Cấp thoát nước", "Xử lý Chất thải"],
    "F": ["Xây dựng", "Xây lắp Điện", "Vật liệu Xây dựng", "Tư vấn Xây dựng"],
    "G": ["Thương mại", "Xuất nhập khẩu", "Phân phối", "Vật tư Nông nghiệp", "Điện máy", "Siêu thị"],
    "H": ["Vận tải", "Logistics", "Vận tải Thủy", "Kho vận"],
    "I": ["Du lịch", "Nhà hàng", "Khách sạn", "Ẩm thực", "Cà phê"],
    "J": ["Công nghệ Thông tin", "Phần mềm", "Truyền thông", "Giải pháp Số"],
    "M": ["Tư vấn", "Kiểm định", "Thiết kế", "Đo lường Chất lượng"],
    "N": ["Dịch vụ", "Vệ sinh Công nghiệp", "Cho thuê Thiết bị"],
    "P": ["Giáo dục", "Đào tạo Nghề"],
    "Q": ["Y tế", "Phòng khám", "Thiết bị Y tế"],
    "S": ["Sửa chữa", "Dịch vụ Tổng hợp"],
}
PLACE_WORDS = [
    "Cửu Long",
    "Mekong",
    "Tây Đô",
    "Cần Thơ",
    "Phong Điền",
    "Ninh Kiều",
    "Cái Răng",
    "Bình Thủy",
    "Ô Môn",
    "Thốt Nốt",
    "Vĩnh Thạnh",
    "Cờ Đỏ",
    "Thới Lai",
    "Hậu Giang",
    "Sóc Trăng",
    "Đồng Bằng",
    "Miền Tây",
    "Phương Nam",
    "Thuận Hưng",
    "Trường Xuân",
    "Tân Lộc",
    "Thới An",
    "Long Hòa",
    "An Bình",
    "Hưng Phú",
    "Phú Thứ",
    "Trà Nóc",
    "Thạnh Phú",
    "Mỹ Khánh",
    "Nhơn Ái",
    "Đông Phú",
    "Kế Sách",
    "Ngã Bảy",
    "Vị Thanh",
    "Long Mỹ",
    "Châu Thành",
    "Mỹ Xuyên",
    "Vĩnh Châu",
    "Trần Đề",
    "Sông Hậu",
]
BRAND_WORDS = [
    "Xanh",
    "Việt",
    "Phát Đạt",
    "Thành Công",
    "Hoàng Gia",
    "Ánh Dương",
    "Minh Phát",
    "Tân Tiến",
    "Hưng Thịnh",
    "Thịnh Vượng",
    "Bền Vững",
    "Đại Dương",
    "Sao Mai",
    "Phú Quý",
    "An Khang",
    "Hòa Bình",
    "Kim Ngân",
    "Thiên Phú",
    "Đức Thành",
    "Gia Huy",
    "Ngọc Trâm",
    "Hải Âu",
    "Quang Minh",
    "Tín Nghĩa",
    "Trí Việt",
]
SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Hoàng",
    "Võ",
    "Phan",
    "Trương",
    "Bùi",
    "Đặng",
    "Đỗ",
    "Ngô",
]
MIDDLE_NAMES = ["Văn", "Thị", "Minh", "Hoàng", "Thanh", "Ngọc", "Quốc", "Thị Kim", "Hữu", "Đức"]
GIVEN_NAMES = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hạnh",
    "Hùng",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Ngân",
    "Phúc",
    "Quân",
    "Tâm",
    "Thảo",
    "Trí",
    "Tuấn",
    "Vy",
    "Yến",
    "Đạt",
    "Ánh",
]
STREETS = [
    "Trần Hưng Đạo",
    "Nguyễn Văn Cừ",
    "30 Tháng 4",
    "Mậu Thân",
    "3 Tháng 2",
    "Hòa Bình",
    "Cách Mạng Tháng 8",
    "Nguyễn Trãi",
    "Lê Hồng Phong",
    "Võ Văn Kiệt",
    "Trần Phú",
    "Quốc lộ 91",
    "Quốc lộ 1A",
    "Lý Tự Trọng",
]


def enterprise_name(rng: random.Random, *, kind: str, section: str) -> str:
    business = rng.choice(BUSINESS_BY_SECTION.get(section) or BUSINESS_BY_SECTION["G"])
    place = rng.choice(PLACE_WORDS + BRAND_WORDS)
    if kind == "cooperative":
        return f"{rng.choice(COOPERATIVE_FORMS)} {business} {place}"
    if kind in ("household", "establishment"):
        return f"{rng.choice(HOUSEHOLD_FORMS)} {business} {place}"
    return f"{rng.choice(COMPANY_FORMS)} {business} {place}"


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def street_address(rng: random.Random) -> str:
    return f"Số {rng.randint(1, 399)} đường {rng.choice(STREETS)}"


def tax_code(n: int, *, prefix: str = "18") -> str:
    """A valid, unique 10-digit tax code for each n below 10 million (check digit of TT 105/2020)."""
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    for head in (prefix, "19", "17", "16", "15", "14", "13", "12", "11", "10"):
        body = f"{head}{(n + 1) % 10_000_000:07d}"
        check = 10 - sum(w * int(d) for w, d in zip(weights, body, strict=True)) % 11
        if check < 10:
            return f"{body}{check}"
    raise ValueError(n)


def personal_number(n: int, *, province: str = "092") -> str:
    """A 12-digit personal identification number (household businesses since 01/7/2025)."""
    return f"{province}{n % 1_000_000_000:09d}"
