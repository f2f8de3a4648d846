"""Demo of the programme for Cần Thơ: the 2026 call with ~40 dossiers walked through the real workflow to
every state, a council of five with their score sheets, two contracts paid; and a call whose window is
open on the day the demo is loaded, so a new user can submit at once.

Every step goes through the same services and ``workflow.perform`` the pages use, so the demo's
timelines, documents and notifications are real. Idempotent: nothing is added when the 2026 call exists.
"""

import contextlib
import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from nangsuat.contracts.services import propose_to_city
from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.dossiers.models import Call
from nangsuat.dossiers.services.calls import create_call, publish_call, update_call
from nangsuat.dossiers.states import State
from nangsuat.reference.models import SupportContent
from nangsuat.registry.models import Enterprise

from . import walk
from .accounts import CAN_THO, ensure_user
from .enterprises import DEMO_ENTERPRISE

MAIN_CALL_CODE = "2026-dot-1"
OPEN_CALL_CODE = "2026-dot-bo-sung"
CONTENTS = [
    {"content": "iso-9001", "support_rate_percent": 50, "ceiling_vnd": 100_000_000},
    {"content": "iso-22000", "support_rate_percent": 50, "ceiling_vnd": 120_000_000},
    {"content": "haccp", "support_rate_percent": 50, "ceiling_vnd": 80_000_000},
    {"content": "vietgap", "support_rate_percent": 70, "ceiling_vnd": 60_000_000},
    {"content": "5s", "support_rate_percent": 50, "ceiling_vnd": 40_000_000},
    {"content": "lean", "support_rate_percent": 50, "ceiling_vnd": 150_000_000},
    {"content": "traceability", "support_rate_percent": 50, "ceiling_vnd": 50_000_000},
]
COUNCIL = [
    ("council", "Lê Hoàng Phúc", "Phó Giám đốc Sở KH&CN", "chair"),
    ("council2", "Trương Thị Mỹ Linh", "Trưởng khoa Công nghệ, Trường Đại học Cần Thơ", "vice_chair"),
    ("council3", "Nguyễn Văn Khải", "Chuyên gia năng suất chất lượng", "reviewer"),
    ("council4", "Phan Thanh Tùng", "Phó Chánh Văn phòng Sở Tài chính", "reviewer"),
    ("council5", "Đoàn Thị Bích Ngọc", "Chuyên viên Phòng Quản lý chuyên ngành", "secretary"),
]
# How many dossiers of the 2026 call end in each state (every state of the table appears).
TARGETS = [
    (State.DRAFT, 2),
    (State.SUBMITTED, 3),
    (State.NEEDS_SUPPLEMENT, 2),
    (State.VALID, 2),
    (State.INVALID, 1),
    (State.SURVEYED, 2),
    (State.IN_COUNCIL, 2),
    (State.RECOMMENDED, 2),
    (State.NOT_RECOMMENDED, 2),
    (State.PROPOSED, 2),
    (State.APPROVED, 2),
    (State.NOT_APPROVED, 1),
    (State.ASSIGNED, 2),
    (State.CONTRACTED, 2),
    (State.IN_PROGRESS, 2),
    (State.COMPLETION_REQUESTED, 2),
    (State.INSPECTED, 1),
    (State.ACCEPTED, 1),
    (State.NOT_ACCEPTED, 1),
    (State.LIQUIDATED, 1),
    (State.PAID, 2),
    (State.WITHDRAWN, 1),
    (State.TERMINATED, 1),
]


@contextlib.contextmanager
def temporary_settings(**values):
    """Set these settings for the duration of the block (the demo draws no PDF and sends no mail)."""
    saved = {name: getattr(settings, name) for name in values if hasattr(settings, name)}
    for name, value in values.items():
        setattr(settings, name, value)
    try:
        yield
    finally:
        for name in values:
            if name in saved:
                setattr(settings, name, saved[name])
            else:
                delattr(settings, name)


def seed(out) -> None:
    agency = Agency.objects.filter(code=CAN_THO["code"]).first()
    if agency is None or Call.objects.filter(agency=agency, code=MAIN_CALL_CODE).exists():
        out.write("đã có")
        return
    # Documents are drawn as DOCX at once; their PDFs are drawn on first download, not 200 at a time here.
    with (
        temporary_settings(
            DOCUMENTS_PDF=False,
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            TASKS_RUN_INLINE=True,
        ),
        transaction.atomic(),
    ):
        count = _seed(agency, out)
    out.write(f"{count} hồ sơ, 2 đợt đăng ký, hội đồng 5 thành viên")


def _seed(agency: Agency, out) -> int:
    people = walk.People(
        officer=User.objects.get(username="officer"),
        director=User.objects.get(username="director"),
        council=[
            ensure_user(username, Role.COUNCIL, name, position, agency)
            for username, name, position, _seat in COUNCIL
        ],
    )
    today = timezone.localdate()
    by_code = {c.code: c for c in SupportContent.objects.filter(code__in=[c["content"] for c in CONTENTS])}
    contents = [{**c, "content": by_code[c["content"]]} for c in CONTENTS if c["content"] in by_code]
    main = create_call(
        agency=agency,
        actor=people.officer,
        year=2026,
        code=MAIN_CALL_CODE,
        title="Đợt 1 năm 2026 — hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng",
        description="Nhận hồ sơ trong quý I năm 2026 theo Kế hoạch 14/KH-UBND.",
        budget_vnd=3_000_000_000,
        contents=contents,
    )
    # The real window is quý I; the demo lets its dossiers in today, then puts the window back.
    update_call(call=main, actor=people.officer, registration_closes=max(today, main.registration_closes))
    publish_call(call=main, actor=people.officer)
    walk.seat_council(main, people, [seat for *_rest, seat in COUNCIL])

    enterprises = list(
        Enterprise.objects.filter(agency=agency, kind="company")
        .exclude(tax_code=_demo_enterprise_tax_code())
        .order_by("tax_code")[: sum(n for _s, n in TARGETS)]
    )
    plans = [state for state, n in TARGETS for _i in range(n)]
    walks = [walk.Walk(main, enterprise, people, i) for i, enterprise in enumerate(enterprises[: len(plans)])]
    # The demo enterprise account's own dossier is under contract, so its pages have something to show.
    mine = Enterprise.objects.filter(agency=agency, tax_code=_demo_enterprise_tax_code()).first()
    if mine is not None:
        walks.append(walk.Walk(main, mine, people, len(walks), representative="enterprise"))
        plans.append(State.IN_PROGRESS)
    for w, target in zip(walks, plans, strict=False):
        w.to(target, stop_before="propose")
    # The director sends every dossier bound for the city in one Tờ trình, as the city list page does.
    bound = [w for w in walks if w.road[:1] == ["propose"]]
    done, refused, _doc = propose_to_city(
        call=main, dossier_ids={w.dossier.pk for w in bound}, actor=people.director
    )
    if refused or len(done) != len(bound):
        raise RuntimeError("; ".join(refused))
    for w in bound:
        w.road.pop(0)
        w.dossier.refresh_from_db()
        w.go()
    dossiers = [w.dossier for w in walks]
    update_call(call=main, actor=people.officer, registration_closes=dt.date(2026, 3, 31))
    walk.backdate(dossiers, start=dt.date(2026, 2, 2))

    open_call = create_call(
        agency=agency,
        actor=people.officer,
        year=today.year,
        code=OPEN_CALL_CODE,
        title=f"Đợt bổ sung năm {today.year} — nhận hồ sơ đang mở",
        description="Đợt nhận hồ sơ bổ sung: doanh nghiệp đăng ký ngay trên hệ thống.",
        budget_vnd=1_500_000_000,
        contents=contents,
        registration_opens=today - dt.timedelta(days=7),
        registration_closes=today + dt.timedelta(days=45),
        review_ends=today + dt.timedelta(days=90),
        contract_ends=today + dt.timedelta(days=150),
    )
    publish_call(call=open_call, actor=people.officer)
    return len(dossiers)


def _demo_enterprise_tax_code() -> str:
    return DEMO_ENTERPRISE["tax_code"]
