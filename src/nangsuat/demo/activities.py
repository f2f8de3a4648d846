"""Demo activities of Cần Thơ for 2026: courses with participants (managers and others, one person on two
courses), two certified experts, dissemination events reaching a few hundred enterprises of the demo
registry, management-system and conformity certificates, one National Quality Award entrant.
Idempotent: records are matched by title (courses, events), certificate number or title and year."""

import datetime as dt
import random

from django.db import transaction

from nangsuat.activities import services
from nangsuat.activities.models import (
    Award,
    ConformityCertificate,
    Course,
    Event,
    EventEnterprise,
    Expert,
    SystemCertificate,
)
from nangsuat.core.models import Agency, User
from nangsuat.reference.models import SupportContent
from nangsuat.registry.models import Enterprise

from . import names
from .accounts import CAN_THO
from .enterprises import DEMO_ENTERPRISE

D = dt.date
COURSES = [
    {
        "title": "Đào tạo kiến thức năng suất chất lượng cho cán bộ quản lý doanh nghiệp năm 2026",
        "kind": "manager",
        "starts_on": D(2026, 4, 14),
        "ends_on": D(2026, 4, 16),
        "place": "Hội trường Sở Khoa học và Công nghệ, quận Ninh Kiều",
        "organiser": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Cần Thơ",
        "cost_vnd": 96_000_000,
        "people": 28,
    },
    {
        "title": "Đào tạo công cụ Lean, Kaizen cho cán bộ quản lý doanh nghiệp chế biến",
        "kind": "manager",
        "starts_on": D(2026, 6, 9),
        "ends_on": D(2026, 6, 11),
        "place": "Khu công nghiệp Trà Nóc 1",
        "organiser": "Sở Khoa học và Công nghệ",
        "cost_vnd": 78_500_000,
        "people": 24,
    },
    {
        "title": "Đào tạo chuyên gia năng suất chất lượng khu vực Đồng bằng sông Cửu Long",
        "kind": "expert",
        "starts_on": D(2026, 8, 3),
        "ends_on": D(2026, 8, 21),
        "place": "Trường Đại học Cần Thơ",
        "organiser": "Viện Năng suất Việt Nam",
        "cost_vnd": 240_000_000,
        "people": 6,
    },
    {
        "title": "Tập huấn phổ biến công cụ 5S cho hợp tác xã nông nghiệp",
        "kind": "awareness",
        "starts_on": D(2026, 9, 17),
        "ends_on": D(2026, 9, 17),
        "place": "UBND xã Phong Điền",
        "organiser": "Sở Khoa học và Công nghệ",
        "cost_vnd": 18_000_000,
        "people": 35,
    },
    {
        "title": "Tập huấn áp dụng ISO 9001:2015 cho doanh nghiệp nhỏ và vừa",
        "kind": "awareness",
        "starts_on": D(2026, 12, 15),
        "ends_on": D(2026, 12, 16),
        "place": "Hội trường Sở Khoa học và Công nghệ, quận Ninh Kiều",
        "organiser": "Sở Khoa học và Công nghệ",
        "cost_vnd": 24_000_000,
        "registration_open": True,  # enterprises register their people on line
        "people": 6,
    },
]
EVENTS = [
    (
        "Hội nghị triển khai Chương trình 1322 năm 2026",
        "conference",
        D(2026, 3, 10),
        "Trung tâm Hội nghị thành phố",
        220,
        160,
    ),
    (
        "Hội thảo năng suất xanh và chuyển đổi số trong doanh nghiệp",
        "seminar",
        D(2026, 5, 21),
        "Khách sạn Vạn Phát Riverside",
        140,
        90,
    ),
    (
        "Phóng sự “Năng suất chất lượng — động lực tăng trưởng”",
        "media",
        D(2026, 7, 2),
        "Báo và Phát thanh, Truyền hình Cần Thơ",
        15000,
        60,
    ),
    (
        "Tham quan mô hình áp dụng Kaizen tại doanh nghiệp chế biến thủy sản",
        "visit",
        D(2026, 10, 8),
        "Khu công nghiệp Thốt Nốt",
        40,
        25,
    ),
]
SYSTEMS = [
    ("iso-9001", "QUACERT"),
    ("haccp", "Trung tâm Kỹ thuật 3 (QUATEST 3)"),
    ("5s", "Viện Năng suất Việt Nam"),
    ("vietgap", "Công ty Chứng nhận NHO-QUACERT"),
]
CONFORMITY = [
    ("standard", "Gạo thơm đặc sản", "TCVN 11888:2017"),
    ("standard", "Nước mắm", "TCVN 5107:2018"),
    ("regulation", "Phân bón hữu cơ vi sinh", "QCVN 01-189:2019/BNNPTNT"),
    ("regulation", "Thức ăn chăn nuôi thủy sản", "QCVN 02-31-1:2019/BNNPTNT"),
    ("standard", "Bánh tráng", "TCVN 13380:2021"),
]
POSITIONS = [
    "Giám đốc",
    "Phó Giám đốc",
    "Trưởng phòng Kỹ thuật",
    "Quản đốc phân xưởng",
    "Kế toán",
    "Nhân viên kỹ thuật",
    "Chủ nhiệm",
]


@transaction.atomic
def seed(out) -> None:
    agency = Agency.objects.get(code=CAN_THO["code"])
    officer = User.objects.filter(username="officer", agency=agency).first()
    if officer is None:
        out.write("bỏ qua (chưa có tài khoản officer)")
        return
    rng = random.Random(1322_14)
    enterprises = list(Enterprise.objects.filter(agency=agency).order_by("tax_code"))
    if not enterprises:
        out.write("bỏ qua (sổ doanh nghiệp trống)")
        return
    mekong = next((e for e in enterprises if e.tax_code == DEMO_ENTERPRISE["tax_code"]), enterprises[0])
    courses = [_course(agency, officer, spec) for spec in COURSES]
    participations = 0
    for course, spec in zip(courses, COURSES, strict=True):
        if course.participations.exists():
            continue
        for i in range(spec["people"]):
            enterprise = rng.choice(enterprises)
            position = rng.choice(POSITIONS)
            cleaned = {
                "full_name": names.person_name(rng),
                "position": position,
                "is_manager": spec["kind"] == "manager" or position in POSITIONS[:4],
                "identity_number": f"0921{rng.randint(0, 99_999_999):08d}" if i % 3 else "",
                "phone": f"09{rng.randint(10_000_000, 99_999_999)}",
                "attended": spec["ends_on"] < dt.date.today() and i % 11 != 10,  # a coming course: not yet
                "certificate_number": f"{spec['starts_on'].year}-{course.pk:03d}-{i + 1:03d}",
            }
            services.record_participation(
                actor=officer, course=course, cleaned=cleaned, enterprise=enterprise
            )
            participations += 1
    # Someone attending twice: Mekong Xanh's director on both manager courses.
    director = {
        "full_name": DEMO_ENTERPRISE["representative"],
        "position": "Giám đốc",
        "is_manager": True,
        "identity_number": "092180001322",
        "phone": "0909123456",
        "attended": True,
        "certificate_number": "",
    }
    for course in courses[:2]:
        _p, made = services.record_participation(
            actor=officer, course=course, cleaned=director, enterprise=mekong
        )
        participations += made
    experts = _experts(agency, officer, courses[2], enterprises)
    reached = _events(agency, officer, enterprises, rng)
    certificates = _certificates(agency, officer, enterprises, mekong)
    out.write(
        f"khóa đào tạo: {len(courses)}, lượt tham gia thêm: {participations}, chuyên gia: {experts}, "
        f"doanh nghiệp được tiếp cận: {reached}, chứng nhận: {certificates}"
    )


def _course(agency: Agency, officer: User, spec: dict) -> Course:
    existing = Course.objects.filter(agency=agency, title=spec["title"]).first()
    if existing is not None:
        return existing
    data = {k: v for k, v in spec.items() if k != "people"} | {"year": spec["starts_on"].year}
    return services.save_course(actor=officer, agency=agency, data=data)


def _experts(agency: Agency, officer: User, course: Course, enterprises: list[Enterprise]) -> int:
    people = [
        (
            "Trương Quốc Khánh",
            "092179004512",
            "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Cần Thơ",
            None,
            "national",
        ),
        ("Lâm Thị Ngọc Hân", "092186007788", "", enterprises[len(enterprises) // 2], "regional"),
    ]
    for n, (name, identity, workplace, enterprise, level) in enumerate(people, start=1):
        if Expert.objects.filter(agency=agency, certificate_number=f"CGNS-2026-{n:02d}").exists():
            continue
        services.save_record(
            actor=officer,
            agency=agency,
            kind="expert",
            data={
                "full_name": name,
                "identity_number": identity,
                "workplace": workplace or (enterprise.name if enterprise else ""),
                "tax_code": enterprise.tax_code if enterprise else "",
                "course": course.pk,
                "certificate_number": f"CGNS-2026-{n:02d}",
                "certified_on": D(2026, 9, 15),
                "issuer": "Viện Năng suất Việt Nam",
                "level": level,
                "valid_until": D(2029, 9, 14),
            },
        )
    return Expert.objects.filter(agency=agency, deleted_at__isnull=True).count()


def _events(agency: Agency, officer: User, enterprises: list[Enterprise], rng: random.Random) -> int:
    for title, kind, held_on, place, audience, reach in EVENTS:
        event = Event.objects.filter(agency=agency, title=title).first()
        if event is None:
            event = services.save_record(
                actor=officer,
                agency=agency,
                kind="event",
                data={"title": title, "kind": kind, "held_on": held_on, "place": place, "audience": audience},
            )
        if event.reached.exists():
            continue
        chosen = rng.sample(enterprises, min(reach, len(enterprises)))
        EventEnterprise.objects.bulk_create(
            [EventEnterprise(event=event, enterprise=e) for e in chosen], ignore_conflicts=True
        )
    return (
        EventEnterprise.objects.filter(
            event__agency=agency, event__deleted_at__isnull=True, deleted_at__isnull=True
        )
        .values("enterprise")
        .distinct()
        .count()
    )


def _certificates(agency: Agency, officer: User, enterprises: list[Enterprise], mekong: Enterprise) -> int:
    created = 0
    for n, (code, body) in enumerate(SYSTEMS):
        content = SupportContent.objects.filter(code=code).first() or SupportContent.objects.first()
        number = f"HTQL-2026-{n + 1:03d}"
        if (
            content is None
            or SystemCertificate.objects.filter(agency=agency, certificate_number=number).exists()
        ):
            continue
        services.save_record(
            actor=officer,
            agency=agency,
            kind="system",
            data={
                "tax_code": (mekong if n == 0 else enterprises[n * 7 % len(enterprises)]).tax_code,
                "content": content.pk,
                "certificate_number": number,
                "certifying_body": body,
                "issued_on": D(2026, 3 + n, 10),
                "expires_on": D(2029, 3 + n, 9),
            },
        )
        created += 1
    for n, (kind, group, standard) in enumerate(CONFORMITY):
        number = f"HCHQ-2026-{n + 1:03d}"
        if ConformityCertificate.objects.filter(agency=agency, certificate_number=number).exists():
            continue
        services.save_record(
            actor=officer,
            agency=agency,
            kind="conformity",
            data={
                "tax_code": (mekong if n == 0 else enterprises[n * 11 % len(enterprises)]).tax_code,
                "kind": kind,
                "product_group": group,
                "standard_code": standard,
                "certificate_number": number,
                "certifying_body": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Cần Thơ",
                "issued_on": D(2026, 5, 1 + n),
                "expires_on": D(2029, 4, 30),
            },
        )
        created += 1
    title = "Giải thưởng Chất lượng Quốc gia năm 2026"
    if not Award.objects.filter(agency=agency, title=title, year=2026).exists():
        services.save_record(
            actor=officer,
            agency=agency,
            kind="award",
            data={
                "kind": "national_quality",
                "year": 2026,
                "title": title,
                "tax_code": mekong.tax_code,
                "result": "Đã nộp hồ sơ, đang chờ Hội đồng quốc gia xét",
            },
        )
        created += 1
    return created
