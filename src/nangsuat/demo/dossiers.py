"""Demo of the programme for Cần Thơ: the 2026 call with ~40 dossiers walked through the real workflow to
every state, a council of five with their score sheets, two contracts paid; and a call whose window is
open on the day the demo is loaded, so a new user can submit at once.

Every step goes through the same services and ``workflow.perform`` the pages use, so the demo's
timelines, documents and notifications are real. Each takes place on its day of the demo's calendar
(``walk.CALENDAR``), with the clock set to it (``clock.at``), and all of them in date order: documents are
dated the day of their step and each register numbers them in date order. Idempotent: nothing is added
when the 2026 call exists.
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
from nangsuat.dossiers.services.calls import create_call, publish_call
from nangsuat.dossiers.states import State
from nangsuat.reference.models import SupportContent
from nangsuat.registry.models import Enterprise

from . import clock, walk
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
    # No step of the demo's year after the day before it is loaded (``walk.fit``).
    limit = today - dt.timedelta(days=1)
    by_code = {c.code: c for c in SupportContent.objects.filter(code__in=[c["content"] for c in CONTENTS])}
    contents = [{**c, "content": by_code[c["content"]]} for c in CONTENTS if c["content"] in by_code]
    with clock.at(clock.on(walk.fit(dt.date(walk.YEAR, 1, 12), limit=limit))):
        main = create_call(
            agency=agency,
            actor=people.officer,
            year=walk.YEAR,
            code=MAIN_CALL_CODE,
            title="Đợt 1 năm 2026 — hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng",
            description="Nhận hồ sơ trong quý I năm 2026 theo Kế hoạch 14/KH-UBND.",
            budget_vnd=3_000_000_000,
            contents=contents,
        )
        publish_call(call=main, actor=people.officer)
    with clock.at(clock.on(walk.fit(walk.COUNCIL_DAY, limit=limit))):
        walk.seat_council(main, people, [seat for *_rest, seat in COUNCIL])

    plans = [state for state, n in TARGETS for _i in range(n)]
    offered = [c["content"].code for c in contents]
    pairs = pair_contents(
        Enterprise.objects.filter(agency=agency, kind="company")
        .exclude(tax_code=_demo_enterprise_tax_code())
        .select_related("vsic")
        .order_by("tax_code"),
        offered,
        len(plans),
    )
    walks = [
        walk.Walk(main, enterprise, people, i, content=code) for i, (enterprise, code) in enumerate(pairs)
    ]
    # The demo enterprise account's own dossier is under contract, so its pages have something to show.
    mine = Enterprise.objects.filter(agency=agency, tax_code=_demo_enterprise_tax_code()).first()
    if mine is not None:
        walks.append(
            walk.Walk(main, mine, people, len(walks), representative="enterprise", content="iso-22000")
        )
        plans.append(State.IN_PROGRESS)
    _walk_in_date_order(main, list(zip(walks, plans, strict=False)), people, limit)
    dossiers = [w.dossier for w in walks]

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


def _walk_in_date_order(call: Call, plans, people: walk.People, limit: dt.date) -> None:
    """Every planned step of every dossier in the order of its moment, each with the clock set to it, so
    each register numbers its documents in the order of their dates. The director sends every dossier
    bound for the city in one Tờ trình, on one day, as the city list page does."""
    steps = []
    for w, target in plans:
        steps += [(moment, w.index, w, action) for moment, action in w.plan(target, limit=limit)]
    propose_at = clock.on(walk.fit(walk.PROPOSE_DAY, limit=limit), 450)
    steps = [s for s in steps if s[3] != "propose"] + [(propose_at, -1, None, "propose")]
    # Stable: two steps of one dossier at one moment keep the road's order.
    for moment, _index, w, action in sorted(steps, key=lambda s: (s[0], s[1])):
        with clock.at(moment):
            if w is not None:
                w.take(action)
                continue
            bound = [w for w, _target in plans if w.road[:1] == ["propose"]]
            done, refused, _doc = propose_to_city(
                call=call, dossier_ids={w.dossier.pk for w in bound}, actor=people.director
            )
            if refused or len(done) != len(bound):
                raise RuntimeError("; ".join(refused))
            for w in bound:
                w.road.pop(0)
                w.dossier.refresh_from_db()


# Which support contents suit an enterprise, by its VSIC section and, in manufacturing and hospitality,
# by the line of business its name gives: VietGAP and traceability for farms and fisheries, ISO 22000 and
# HACCP for those who make or serve food, Lean for factories, builders and logistics; ISO 9001 and 5S
# suit any enterprise. No hotel is offered VietGAP, no software company ISO 22000.
FOOD_WORDS = (
    "Thực phẩm",
    "Thủy sản",
    "Lúa gạo",
    "Bánh",
    "Nước mắm",
    "Kẹo",
    "Nước giải khát",
    "Thức ăn",
    "Nhà hàng",
    "Ẩm thực",
    "Cà phê",
)
ANY = ("iso-9001", "5s")


def suitable_contents(enterprise: Enterprise) -> tuple[str, ...]:
    section = enterprise.vsic_section
    food = any(word in enterprise.name for word in FOOD_WORDS)
    if section == "A":
        return ("vietgap", "traceability", *ANY)
    if food and section in ("C", "I"):
        return ("iso-22000", "haccp", "traceability", *ANY)
    if section in ("C", "F", "H"):
        return ("lean", *ANY)
    return ANY


def pair_contents(enterprises, offered: list[str], count: int) -> list[tuple[Enterprise, str]]:
    """``count`` (enterprise, content) pairs, the call's contents in turn, each given to the first
    enterprise not yet chosen that suits it (else the next enterprise, with a content that suits it)."""
    pool = list(enterprises)
    pairs: list[tuple[Enterprise, str]] = []
    for i in range(count):
        if not pool:
            break
        wanted = offered[i % len(offered)] if offered else ""
        found = next((e for e in pool if wanted in suitable_contents(e)), None)
        if found is None:
            found = pool[0]
            wanted = next((c for c in suitable_contents(found) if c in offered), wanted)
        pool.remove(found)
        pairs.append((found, wanted))
    return pairs


def _demo_enterprise_tax_code() -> str:
    return DEMO_ENTERPRISE["tax_code"]
