"""Demo agencies and one account per role."""

from django.db import transaction

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.documents.models import DocumentProfile

DEMO_PASSWORD = "Demo@1322"
# Base32 secret shared by the demo's staff accounts, so a demo visitor can add it to an authenticator
# app or print the current code with `nangsuat totp USERNAME`.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

CAN_THO = {
    "code": "can-tho",
    "name": "Sở Khoa học và Công nghệ thành phố Cần Thơ",
    "parent_body": "Ủy ban nhân dân thành phố Cần Thơ",
    "province_code": "92",
    "place_name": "Cần Thơ",
    "doc_symbol": "SKHCN",
}
# A second, small agency used to prove that agencies never see each other's records.
VINH_LONG = {
    "code": "vinh-long",
    "name": "Sở Khoa học và Công nghệ tỉnh Vĩnh Long",
    "parent_body": "Ủy ban nhân dân tỉnh Vĩnh Long",
    "province_code": "86",
    "place_name": "Vĩnh Long",
    "doc_symbol": "SKHCN",
}

DEMO_USERS = [
    ("officer", Role.OFFICER, "Nguyễn Thị Thu Hà", "Chuyên viên Phòng Quản lý chuyên ngành"),
    ("director", Role.DIRECTOR, "Trần Văn Minh", "Giám đốc Sở"),
    ("council", Role.COUNCIL, "Lê Hoàng Phúc", "Chủ tịch Hội đồng"),
    ("finance", Role.FINANCE, "Phạm Thị Ngọc Lan", "Chuyên viên Sở Tài chính"),
    ("city", Role.CITY, "Võ Thành Đạt", "Chuyên viên Văn phòng UBND thành phố"),
    ("ministry", Role.MINISTRY, "Đặng Quốc Huy", "Chuyên viên Bộ KH&CN"),
    ("admin", Role.ADMIN, "Huỳnh Minh Tâm", "Quản trị hệ thống"),
    ("enterprise", Role.ENTERPRISE, "Ngô Thị Kim Yến", "Giám đốc"),
]


def ensure_agency(data: dict) -> Agency:
    agency, _ = Agency.objects.update_or_create(code=data["code"], defaults=data)
    return agency


def ensure_user(username: str, role: str, full_name: str, position: str, agency: Agency | None) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "role": role,
            "full_name": full_name,
            "position": position,
            "agency": agency,
            "email": f"{username}@demo.nangsuat.local",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        # The demo's administrator is the Cần Thơ agency's: it manages staff on the product's pages;
        # Django's admin site is a national superuser's only (``core/admin_site.py``).
        user.is_staff = role == Role.ADMIN
        user.save()
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        if role != Role.ENTERPRISE:
            enrol_totp(user, DEMO_TOTP_SECRET)
    return user


# What each demo agency's documents say of their own (``documents.DocumentProfile``). The scan of Cần Thơ's
# plan leaves its month unread, so no date is cited; Vĩnh Long's demo agency has no plan set, and its
# documents cite the national texts alone. The Treasury accounts are the demo's own, not real ones.
PROFILES = {
    CAN_THO["code"]: {
        "province": "thành phố Cần Thơ",
        "plan_number": "14/KH-UBND",
        "plan_title": "triển khai Chương trình hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, "
        "hàng hóa giai đoạn 2026 - 2030 trên địa bàn thành phố Cần Thơ",
        "treasury_account": "9523.2.1000001",
        "treasury_name": "Kho bạc Nhà nước khu vực XX",
        "budget_unit_code": "1000001",
    },
    VINH_LONG["code"]: {"province": "tỉnh Vĩnh Long"},
}


def ensure_profile(agency: Agency) -> None:
    DocumentProfile.objects.get_or_create(agency=agency, defaults=PROFILES.get(agency.code, {}))


@transaction.atomic
def seed(out) -> None:
    can_tho = ensure_agency(CAN_THO)
    ensure_agency(VINH_LONG)
    for agency in Agency.objects.filter(code__in=PROFILES):
        ensure_profile(agency)
    for username, role, full_name, position in DEMO_USERS:
        ensure_user(username, role, full_name, position, None if role == Role.MINISTRY else can_tho)
    out.write(f"Cơ quan: {Agency.objects.count()}, tài khoản: {User.objects.count()}")
