"""Demo agencies and one account per role."""

from django.db import transaction

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role

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


@transaction.atomic
def seed(out) -> None:
    can_tho = ensure_agency(CAN_THO)
    ensure_agency(VINH_LONG)
    for username, role, full_name, position in DEMO_USERS:
        ensure_user(username, role, full_name, position, None if role == Role.MINISTRY else can_tho)
    out.write(f"Cơ quan: {Agency.objects.count()}, tài khoản: {User.objects.count()}")
