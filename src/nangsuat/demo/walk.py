"""Walking a demo dossier through the real workflow, one action at a time, as its actors would."""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nangsuat.core.models import User
from nangsuat.core.roles import Role
from nangsuat.councils.models import ScoreSheet
from nangsuat.councils.services import add_member, create_council, declare_conflict, save_score, submit_sheet
from nangsuat.documents.models import DocumentKind
from nangsuat.documents.numbering import format_number, series_for, suggest_number
from nangsuat.dossiers.models import Call, CallContent, Dossier, EligibilityCheck
from nangsuat.dossiers.services.dossiers import add_attachment, create_draft, record_eligibility
from nangsuat.dossiers.states import State
from nangsuat.dossiers.workflow import perform
from nangsuat.registry.models import Enterprise, EnterpriseMembership

from . import clock
from .accounts import ensure_user

# The main road from submission to payment, and the side roads that end elsewhere.
ROAD = [
    "submit",
    "mark_valid",
    "record_survey",
    "send_to_council",
    "recommend",
    "propose",
    "approve",
    "assign",
    "sign_contract",
    "start",
    "request_completion",
    "inspect",
    "accept",
    "liquidate",
    "pay",
]
BY_TARGET = {
    State.DRAFT: [],
    State.NEEDS_SUPPLEMENT: ["submit", "request_supplement"],
    State.INVALID: ["submit", "mark_invalid"],
    State.NOT_RECOMMENDED: ROAD[:4] + ["not_recommend"],
    State.NOT_APPROVED: ROAD[:6] + ["not_approve"],
    State.NOT_ACCEPTED: ROAD[:12] + ["not_accept"],
    State.WITHDRAWN: ["submit", "mark_valid", "withdraw"],
    State.TERMINATED: ROAD[:10] + ["terminate"],
}
AFTER = {
    action: target
    for action, target in zip(
        ROAD,
        [
            State.SUBMITTED,
            State.VALID,
            State.SURVEYED,
            State.IN_COUNCIL,
            State.RECOMMENDED,
            State.PROPOSED,
            State.APPROVED,
            State.ASSIGNED,
            State.CONTRACTED,
            State.IN_PROGRESS,
            State.COMPLETION_REQUESTED,
            State.INSPECTED,
            State.ACCEPTED,
            State.LIQUIDATED,
            State.PAID,
        ],
        strict=True,
    )
}
TARGET_ROAD = {target: ROAD[: i + 1] for i, target in enumerate(AFTER.values())}

# When each step happens in the demo's year (Kế hoạch 14, II.3): the first day it may fall on, and over how
# many days the dossiers spread after it. Intake in quý I; validity within 05 working days after intake
# closes; survey and council in quý II; the Tờ trình, the city's decision, the assignments and contracts
# in quý II–III; completion, acceptance, liquidation and payment towards the year's end. Each step's
# window ends before the next one opens, so a dossier's steps keep the road's order.
YEAR = 2026
CALENDAR: dict[str, tuple[dt.date, int]] = {
    "draft": (dt.date(YEAR, 2, 2), 38),
    "request_supplement": (dt.date(YEAR, 4, 1), 4),
    "mark_invalid": (dt.date(YEAR, 4, 1), 4),
    "mark_valid": (dt.date(YEAR, 4, 1), 4),
    "record_survey": (dt.date(YEAR, 4, 13), 9),
    "withdraw": (dt.date(YEAR, 4, 20), 3),
    "send_to_council": (dt.date(YEAR, 5, 4), 4),
    "recommend": (dt.date(YEAR, 5, 18), 4),
    "not_recommend": (dt.date(YEAR, 5, 18), 4),
    "propose": (dt.date(YEAR, 6, 1), 0),
    "approve": (dt.date(YEAR, 6, 15), 0),
    "not_approve": (dt.date(YEAR, 6, 15), 0),
    "assign": (dt.date(YEAR, 6, 22), 4),
    "sign_contract": (dt.date(YEAR, 7, 1), 8),
    "start": (dt.date(YEAR, 7, 13), 4),
    "terminate": (dt.date(YEAR, 9, 15), 3),
    "request_completion": (dt.date(YEAR, 10, 5), 10),
    "inspect": (dt.date(YEAR, 10, 26), 4),
    "accept": (dt.date(YEAR, 11, 9), 4),
    "not_accept": (dt.date(YEAR, 11, 9), 4),
    "liquidate": (dt.date(YEAR, 11, 23), 4),
    "pay": (dt.date(YEAR, 12, 7), 4),
}
FIRST_DAY = CALENDAR["draft"][0]
LAST_DAY = max(first + dt.timedelta(days=spread + 2) for first, spread in CALENDAR.values())
# The day the Department seats the council (its decision's date) and the one the director signs the Tờ
# trình for every dossier bound for the city.
COUNCIL_DAY = dt.date(YEAR, 4, 10)
COUNCIL_DECISION = "45/QĐ-SKHCN"
PROPOSE_DAY = CALENDAR["propose"][0]


def working_day(day: dt.date) -> dt.date:
    """The day itself, or the Monday after a weekend."""
    return day + dt.timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


def fit(day: dt.date, *, limit: dt.date) -> dt.date:
    """The working day a step of nominal ``day`` takes place on, none after ``limit`` (the day before the
    demo is loaded): when the demo is loaded before its year is over, the calendar is shrunk in proportion
    towards its first day. Never earlier for a later ``day``, so a dossier's steps keep their order."""
    if limit < LAST_DAY:
        ratio = max(0.05, (limit - FIRST_DAY) / (LAST_DAY - FIRST_DAY))
        day = FIRST_DAY + dt.timedelta(days=int((day - FIRST_DAY).days * ratio))
    day = working_day(day)
    while day > limit and day > FIRST_DAY:  # a Monday past the limit: the Friday before it
        day -= dt.timedelta(days=1)
    return day


TITLES = {
    "iso-9001": "Xây dựng và áp dụng hệ thống quản lý chất lượng ISO 9001:2015",
    "iso-22000": "Áp dụng hệ thống quản lý an toàn thực phẩm ISO 22000:2018",
    "haccp": "Xây dựng kế hoạch HACCP cho dây chuyền chế biến",
    "vietgap": "Sản xuất theo VietGAP cho vùng nguyên liệu",
    "5s": "Áp dụng công cụ 5S tại nơi làm việc",
    "lean": "Áp dụng sản xuất tinh gọn (Lean) giảm lãng phí",
    "traceability": "Triển khai truy xuất nguồn gốc sản phẩm bằng mã QR",
}
CONSULTANTS = [
    "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Cần Thơ",
    "Công ty TNHH Tư vấn Năng suất Mê Kông",
    "Viện Năng suất Việt Nam",
    "",
]
# A tiny valid PDF, the attachments of the demo's dossiers.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass
class People:
    officer: User
    director: User
    council: list[User] = field(default_factory=list)


def seat_council(call: Call, people: People, seats: list[str]) -> None:
    council = create_council(
        call=call,
        actor=people.officer,
        name=f"Hội đồng tư vấn xét chọn hồ sơ {call.title.split(' —')[0]}",
        decision_number=COUNCIL_DECISION,
        decision_date=COUNCIL_DAY,
    )
    for user, seat in zip(people.council, seats, strict=True):
        add_member(
            council=council,
            user=user,
            position=seat,
            actor=people.officer,
            organisation=ORGANISATIONS.get(user.username, ""),
        )


# Where each demo council member works, as the council's founding decision names it.
ORGANISATIONS = {
    "council": "Sở Khoa học và Công nghệ thành phố Cần Thơ",
    "council2": "Trường Đại học Cần Thơ",
    "council3": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Cần Thơ",
    "council4": "Sở Tài chính thành phố Cần Thơ",
    "council5": "Sở Khoa học và Công nghệ thành phố Cần Thơ",
}
# Each condition's own evidence, as the officer notes it against the dossier's papers.
EVIDENCE = {
    "business_line": "Giấy chứng nhận đăng ký doanh nghiệp; ngành nghề phù hợp nội dung đăng ký",
    "tax": "Xác nhận hoàn thành nghĩa vụ thuế năm 2025 của cơ quan thuế",
    "social_insurance": "Xác nhận của Bảo hiểm xã hội thành phố Cần Thơ về đóng BHXH năm 2025",
    "environment": "Giấy phép môi trường / đăng ký môi trường của cơ sở sản xuất",
    "no_other_support": "Cam kết của doanh nghiệp; tra cứu Hệ thống không có hỗ trợ trùng nội dung",
}
VISITORS = (
    "Nguyễn Thị Thu Hà — Chuyên viên — Phòng Quản lý chuyên ngành, Sở Khoa học và Công nghệ\n"
    "Huỳnh Văn Lực — Phó Trưởng phòng — Phòng Quản lý chuyên ngành, Sở Khoa học và Công nghệ"
)
SURVEY_FINDINGS = (
    "Cơ sở sản xuất hoạt động đúng địa chỉ và ngành nghề đăng ký; nhân lực, thiết bị đáp ứng việc "
    "triển khai {content}.",
    "Doanh nghiệp đã bố trí cán bộ đầu mối và kinh phí đối ứng; mặt bằng sản xuất phù hợp với {content}.",
    "Quy trình sản xuất hiện tại còn thủ công ở một số công đoạn; việc áp dụng {content} là cần thiết.",
)
INSPECTION_FINDINGS = (
    "Doanh nghiệp đã áp dụng {content} tại các bộ phận theo hợp đồng; hồ sơ, quy trình đầy đủ.",
    "Đã hoàn thành đào tạo nội bộ và vận hành {content}; các sản phẩm theo hợp đồng đã giao nộp.",
)
COMMENTS = (
    "Hồ sơ đầy đủ, mục tiêu rõ ràng, phù hợp năng lực doanh nghiệp.",
    "Kế hoạch triển khai khả thi; cần lượng hóa rõ hơn chỉ tiêu năng suất.",
    "Doanh nghiệp có đối ứng kinh phí; đề nghị chú ý tiến độ đào tạo.",
    "Nội dung cần thiết, có khả năng nhân rộng trong ngành.",
)


class Walk:
    """One dossier from its draft to ``target``; ``index`` varies the content, amounts and scores."""

    def __init__(
        self,
        call: Call,
        enterprise: Enterprise,
        people: People,
        index: int,
        representative=None,
        content: str | None = None,
    ):
        self.call, self.enterprise, self.people, self.index = call, enterprise, people, index
        self.content = content  # a support content's code; by default the call's contents in turn
        self.rng = random.Random(index)
        self.user = self._representative(representative)

    def _representative(self, username: str | None) -> User:
        if username:
            return User.objects.get(username=username)
        user = ensure_user(
            f"dn{self.enterprise.tax_code}",
            Role.ENTERPRISE,
            self.enterprise.representative or "Đại diện doanh nghiệp",
            "Giám đốc",
            self.enterprise.agency,
        )
        if user.email.endswith("@demo.nangsuat.local"):  # keep the printed list to one account per role
            User.objects.filter(pk=user.pk).update(email=f"dn{self.enterprise.tax_code}@doanhnghiep.demo")
        EnterpriseMembership.objects.get_or_create(
            user=user, enterprise=self.enterprise, defaults={"status": EnterpriseMembership.Status.CONFIRMED}
        )
        return user

    def to(self, target: str, *, stop_before: str | None = None) -> Dossier:
        """Draft a dossier and walk it to ``target``; with ``stop_before``, only up to that action (the
        caller takes that step for several dossiers at once, then calls ``go``)."""
        self.target = target
        self.road = list(BY_TARGET.get(target, TARGET_ROAD.get(target, [])))
        self.dossier = self._draft()
        return self.go(until=stop_before)

    # --- On the demo's calendar ---------------------------------------------------------------------

    def plan(self, target: str, *, limit: dt.date) -> list[tuple[dt.datetime, str]]:
        """The road to ``target`` with the moment of each step ("draft" first), none after ``limit``.
        Two steps on one day keep the road's order (the caller sorts steps stably)."""
        self.target = target
        self.road = list(BY_TARGET.get(target, TARGET_ROAD.get(target, [])))
        first, spread = CALENDAR["draft"]
        drafted = first + dt.timedelta(days=(self.index * 7) % (spread + 1))
        days = [(drafted, "draft")]
        for action in self.road:
            if action == "submit":
                day = working_day(drafted) + dt.timedelta(days=1)
            else:
                first, spread = CALENDAR[action]
                day = first + dt.timedelta(days=(self.index * 7 + len(action)) % (spread + 1))
            days.append((day, action))
        if target == State.IN_COUNCIL:  # two members have scored a week after it reached the council
            days.append((days[-1][0] + dt.timedelta(days=7), "score"))
        minutes = (self.index * 37) % 420
        self.schedule = [(clock.on(fit(day, limit=limit), minutes), action) for day, action in days]
        return self.schedule

    def take(self, action: str) -> None:
        """One planned step, at the clock's moment: the draft, a partial scoring, or the next action."""
        if action == "draft":
            self.dossier = self._draft()
            return
        if action == "score":
            self._score(self.dossier, passing=True, members=2)
            return
        assert self.road[:1] == [action], (self.road, action)
        self.road.pop(0)
        now = timezone.now()
        # The checklist an hour before the validity check; the sheets three days before the council meets
        # (yet after the step before).
        earlier = {"mark_valid": dt.timedelta(hours=1)}.get(action, dt.timedelta(days=3))
        previous = max((m for m, _a in self.schedule if m < now), default=now - earlier)
        with clock.at(max(now - earlier, min(now, previous + dt.timedelta(minutes=5)))):
            self._before(self.dossier, action, passing=self.target != State.NOT_RECOMMENDED)
        perform(
            dossier=self.dossier,
            action=action,
            actor=self._actor(action),
            note=self._note(action),
            payload=self._payload(self.dossier, action),
        )

    def go(self, *, until: str | None = None) -> Dossier:
        """Take the remaining steps, stopping before ``until``."""
        while self.road and self.road[0] != until:
            action = self.road.pop(0)
            self._before(self.dossier, action, passing=self.target != State.NOT_RECOMMENDED)
            perform(
                dossier=self.dossier,
                action=action,
                actor=self._actor(action),
                note=self._note(action),
                payload=self._payload(self.dossier, action),
            )
        if not self.road and self.target == State.IN_COUNCIL:
            self._score(self.dossier, passing=True, members=2)
        return self.dossier

    # --- The steps -----------------------------------------------------------------------------------

    def _draft(self) -> Dossier:
        contents = list(CallContent.objects.filter(call=self.call).select_related("content"))
        chosen = [c for c in contents if c.content.code == self.content]
        offered = chosen[0] if chosen else contents[self.index % len(contents)]
        total = self.rng.choice([120, 160, 180, 240, 300]) * 1_000_000
        asked = offered.max_support_for(total) // 1_000_000 * 1_000_000
        start = dt.date(2026, 7, 1)
        dossier = create_draft(
            call=self.call,
            enterprise=self.enterprise,
            actor=self.user,
            data={
                "content": offered.content_id,
                "title": TITLES.get(offered.content.code, f"Áp dụng {offered.content.name}"),
                "objectives": "Nâng cao năng suất, chất lượng sản phẩm; giảm tỷ lệ sản phẩm lỗi và chi phí vận hành.",
                "expected_results": f"Được cấp chứng nhận/hoàn thành áp dụng {offered.content.name} trong năm 2026.",
                "total_cost_vnd": total,
                "requested_support_vnd": asked,
                "period_start": start,
                "period_end": start + dt.timedelta(days=150),
                "consultant": CONSULTANTS[self.index % len(CONSULTANTS)],
                "uses_domestic_materials": self.index % 2 == 0,
                "export_potential": self.index % 3 == 0,
                "jobs_created": self.rng.choice([0, 4, 12, 20]),
            },
        )
        for kind in offered.required_attachments:
            add_attachment(
                dossier=dossier,
                actor=self.user,
                kind=kind,
                upload=SimpleUploadedFile(f"{kind}.pdf", PDF, content_type="application/pdf"),
            )
        return dossier

    def _actor(self, action: str) -> User:
        if action in {"submit", "resubmit", "start", "request_completion", "withdraw"}:
            return self.user
        if action in {"propose", "assign", "sign_contract", "accept", "not_accept", "liquidate", "terminate"}:
            return self.people.director
        return self.people.officer

    def _before(self, dossier: Dossier, action: str, passing: bool) -> None:
        if action == "mark_valid":
            record_eligibility(
                dossier=dossier,
                actor=self.people.officer,
                items={item: (True, EVIDENCE[item]) for item in EligibilityCheck.Item.values},
            )
        elif action == "mark_invalid":
            items = {item: (True, EVIDENCE[item]) for item in EligibilityCheck.Item.values}
            items["tax"] = (False, "Còn nợ thuế năm 2025 theo xác nhận của cơ quan thuế")
            record_eligibility(dossier=dossier, actor=self.people.officer, items=items)
        elif action in {"recommend", "not_recommend"}:
            self._score(dossier, passing=passing)

    def _score(self, dossier: Dossier, passing: bool, members: int | None = None) -> None:
        sheets = ScoreSheet.objects.filter(dossier=dossier, status=ScoreSheet.Status.PENDING)
        sheets = list(sheets.select_related("member__user").order_by("member_id"))[:members]
        for sheet in sheets:
            user = sheet.member.user
            declare_conflict(sheet=sheet, actor=user, has_conflict=False)
            base = (13, 42, 30) if passing else (8, 26, 18)
            points = {
                c.code: max(0, min(c.max_points, b + self.rng.randint(-2, 2)))
                for c, b in zip(self.call.criteria.all(), base, strict=False)
            }
            comment = COMMENTS[(self.index + sheet.member_id) % len(COMMENTS)]
            save_score(sheet=sheet, actor=user, points=points, comment=comment)
            submit_sheet(sheet=sheet, actor=user)

    def _note(self, action: str) -> str:
        return {
            "request_supplement": "Bổ sung xác nhận hoàn thành nghĩa vụ bảo hiểm xã hội năm 2025.",
            "mark_invalid": "Doanh nghiệp chưa hoàn thành nghĩa vụ thuế năm 2025.",
            "not_recommend": "Tổng điểm bình quân dưới 70 điểm.",
            "not_approve": "Vượt dự toán kinh phí được giao của năm.",
            "not_accept": "Chưa được cấp giấy chứng nhận theo cam kết.",
            "withdraw": "Doanh nghiệp tự thu xếp kinh phí, rút hồ sơ.",
            "terminate": "Doanh nghiệp tạm ngừng sản xuất, đề nghị chấm dứt hợp đồng.",
        }.get(action, "")

    def _payload(self, dossier: Dossier, action: str) -> dict:
        dossier.refresh_from_db()
        day = timezone.localdate()
        amount = dossier.requested_support_vnd or 0
        content = dossier.content.name if dossier.content_id else "nội dung đăng ký"
        findings = INSPECTION_FINDINGS if action == "inspect" else SURVEY_FINDINGS
        visit = {
            "visited_on": day,
            "participants": VISITORS,
            "findings": findings[self.index % len(findings)].format(content=content),
            "photos": [],
        }
        n = self.index + 1
        agency, year = dossier.agency, day.year
        return {
            "request_supplement": {
                "items": "Xác nhận bảo hiểm xã hội năm 2025",
                "deadline": day + dt.timedelta(days=14),
            },
            "record_survey": visit,
            "inspect": visit,
            "approve": {"decision_number": "812/QĐ-UBND", "decision_date": day},
            "not_approve": {"decision_number": "812/QĐ-UBND", "decision_date": day},
            # The register's next numbers: numbered in the order they are signed.
            "assign": {
                "decision_number": _next_decision(agency, year),
                "decision_date": day,
            },
            "sign_contract": {
                "number": suggest_number(agency=agency, kind=DocumentKind.SUPPORT_CONTRACT, year=year),
                "signed_on": day,
                "amount_vnd": amount,
                "deliverables": "Giấy chứng nhận; hồ sơ, quy trình áp dụng; báo cáo kết quả.",
                "deadline": day + dt.timedelta(days=150),
            },
            "request_completion": {
                "self_assessment": "Đã hoàn thành toàn bộ nội dung theo hợp đồng.",
                "evidence": [],
            },
            "accept": {"rating": dossier.call.ratings()[0], "minutes_date": day},
            "not_accept": {"rating": dossier.call.ratings()[-1], "minutes_date": day},
            "liquidate": {"final_amount_vnd": amount, "liquidated_on": day},
            "pay": {"amount_vnd": amount, "paid_on": day, "reference": f"UNC-2026-{n:04d}"},
            "terminate": {"terminated_on": day},
        }.get(action, {})


def _next_decision(agency, year: int) -> str:
    """The register's next decision number, after the council's founding decision, which the Department
    signed in April outside this register: June's decisions do not start again from 01."""
    suggested = suggest_number(agency=agency, kind=DocumentKind.ASSIGNMENT_DECISION, year=year)
    after_council = int(COUNCIL_DECISION.split("/")[0]) + 1
    if int(suggested.split("/")[0]) >= after_council:
        return suggested
    return format_number(after_council, series_for(agency, DocumentKind.ASSIGNMENT_DECISION))
