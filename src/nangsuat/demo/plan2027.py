"""Demo activities of Cần Thơ planned for 2027, so the dashboard's indicators read across two years: a
manager course (its participants registered, attended when it is over), dissemination events that reach
enterprises already reached in 2026 and new ones (a distinct total below the sum of the years), an expert,
conformity certificates and a National Quality Award entrant. Idempotent like ``activities``."""

import datetime as dt
import random

from django.db import transaction

from nangsuat.activities import services
from nangsuat.activities.models import Award, ConformityCertificate, Course, Event, EventEnterprise, Expert
from nangsuat.core.models import Agency, User
from nangsuat.registry.models import Enterprise

from . import names
from .accounts import CAN_THO

D = dt.date
COURSE = {
    "title": "Đào tạo quản trị năng suất cho cán bộ quản lý doanh nghiệp năm 2027",
    "kind": "manager",
    "starts_on": D(2027, 3, 16),
    "ends_on": D(2027, 3, 18),
    "place": "Hội trường Sở Khoa học và Công nghệ, quận Ninh Kiều",
    "organiser": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Cần Thơ",
    "cost_vnd": 102_000_000,
    "year": 2027,
}
EVENTS = [
    (
        "Hội nghị triển khai Chương trình 1322 năm 2027",
        "conference",
        D(2027, 2, 24),
        "Trung tâm Hội nghị",
        240,
        120,
    ),
    (
        "Diễn đàn năng suất vùng Đồng bằng sông Cửu Long",
        "seminar",
        D(2027, 6, 10),
        "Trường Đại học Cần Thơ",
        180,
        70,
    ),
]
CONFORMITY = [
    ("standard", "Trái cây sấy dẻo", "TCVN 10392:2014"),
    ("regulation", "Thức ăn chăn nuôi gia cầm", "QCVN 01-183:2016/BNNPTNT"),
    ("standard", "Cá tra phi lê đông lạnh", "TCVN 8338:2010"),
]


@transaction.atomic
def seed(out) -> None:
    agency = Agency.objects.get(code=CAN_THO["code"])
    officer = User.objects.filter(username="officer", agency=agency).first()
    enterprises = list(Enterprise.objects.filter(agency=agency).order_by("tax_code"))
    if officer is None or not enterprises:
        out.write("bỏ qua (chưa có tài khoản officer hoặc doanh nghiệp)")
        return
    rng = random.Random(1322_27)
    course = Course.objects.filter(agency=agency, title=COURSE["title"]).first()
    if course is None:
        course = services.save_course(actor=officer, agency=agency, data=dict(COURSE))
        for i in range(30):
            services.record_participation(
                actor=officer,
                course=course,
                cleaned={
                    "full_name": names.person_name(rng),
                    "position": rng.choice(["Giám đốc", "Phó Giám đốc", "Trưởng phòng Kỹ thuật"]),
                    "is_manager": True,
                    "identity_number": "",
                    "phone": "",
                    "attended": COURSE["ends_on"] < dt.date.today() and i % 10 != 9,
                    "certificate_number": "",
                },
                enterprise=rng.choice(enterprises),
            )
    for title, kind, held_on, place, audience, reach in EVENTS:
        if Event.objects.filter(agency=agency, title=title).exists():
            continue
        event = services.save_record(
            actor=officer,
            agency=agency,
            kind="event",
            data={"title": title, "kind": kind, "held_on": held_on, "place": place, "audience": audience},
        )
        chosen = rng.sample(enterprises, min(reach, len(enterprises)))
        EventEnterprise.objects.bulk_create([EventEnterprise(event=event, enterprise=e) for e in chosen])
    if not Expert.objects.filter(agency=agency, certificate_number="CGNS-2027-01").exists():
        services.save_record(
            actor=officer,
            agency=agency,
            kind="expert",
            data={
                "full_name": "Huỳnh Minh Triết",
                "identity_number": "",
                "workplace": "Trường Đại học Cần Thơ",
                "tax_code": "",
                "certificate_number": "CGNS-2027-01",
                "certified_on": D(2027, 4, 20),
                "issuer": "Viện Năng suất Việt Nam",
                "level": "national",
                "valid_until": D(2030, 4, 19),
            },
        )
    for n, (kind, group, standard) in enumerate(CONFORMITY):
        number = f"HCHQ-2027-{n + 1:03d}"
        if ConformityCertificate.objects.filter(agency=agency, certificate_number=number).exists():
            continue
        services.save_record(
            actor=officer,
            agency=agency,
            kind="conformity",
            data={
                "tax_code": enterprises[(n * 13 + 5) % len(enterprises)].tax_code,
                "kind": kind,
                "product_group": group,
                "standard_code": standard,
                "certificate_number": number,
                "certifying_body": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Cần Thơ",
                "issued_on": D(2027, 5, 10 + n),
                "expires_on": D(2030, 5, 9),
            },
        )
    title = "Giải thưởng Chất lượng Quốc gia năm 2027"
    if not Award.objects.filter(agency=agency, title=title, year=2027).exists():
        for enterprise in enterprises[3:5]:
            services.save_record(
                actor=officer,
                agency=agency,
                kind="award",
                data={
                    "kind": "national_quality",
                    "year": 2027,
                    "title": title,
                    "tax_code": enterprise.tax_code,
                    "result": "Đăng ký tham gia, đang hoàn thiện hồ sơ",
                },
            )
    out.write(f"kế hoạch năm 2027: 1 khóa đào tạo, {len(EVENTS)} hoạt động, {len(CONFORMITY)} chứng nhận")
