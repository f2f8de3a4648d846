"""The demo's budget: example norms (marked as examples, for the province to replace with its own), Cần Thơ's
2026 estimate walked to the city's approval with a cut by Finance, the 2026 contracts, payments and events
recorded against it, and a 2027 draft. Idempotent: the year's estimate is drawn up once."""

import contextlib
import datetime as dt

from django.db import transaction

from nangsuat.activities.models import Course, Event
from nangsuat.budget import services
from nangsuat.budget.models import Estimate, Norm
from nangsuat.contracts.models import Payment, SupportContract
from nangsuat.core.errors import Refusal
from nangsuat.core.models import Agency, User
from nangsuat.reference.models import SupportContent

from .accounts import CAN_THO
from .dossiers import temporary_settings

EXAMPLE = "Giá trị ví dụ — tỉnh thay bằng văn bản của mình"
NORMS = [
    # kind, name, unit, amount, rate, ceiling, basis
    (
        "council",
        "Họp hội đồng tư vấn (cả hội đồng, một phiên)",
        "phiên",
        6_500_000,
        None,
        None,
        "Thông tư 02/2023/TT-BKHCN; Nghị quyết HĐND thành phố về định mức chi KH&CN",
    ),
    ("training", "Lớp đào tạo 3 ngày, 40 học viên", "lớp", 85_000_000, None, None, "Thông tư 36/2018/TT-BTC"),
    (
        "communication",
        "Phóng sự truyền hình 15 phút",
        "phóng sự",
        25_000_000,
        None,
        None,
        "Thông tư 15/2023/TT-BKHCN",
    ),
    (
        "survey",
        "Khảo sát, kiểm tra tại doanh nghiệp",
        "lượt",
        3_000_000,
        None,
        None,
        "Thông tư 40/2017/TT-BTC",
    ),
]


def _norms(agency: Agency) -> None:
    start = dt.date(2025, 1, 1)
    for kind, name, unit, amount, rate, ceiling, basis in NORMS:
        Norm.objects.get_or_create(
            agency=agency,
            kind=kind,
            name=name,
            effective_from=start,
            defaults={
                "unit": unit,
                "amount_vnd": amount,
                "rate_percent": rate,
                "ceiling_vnd": ceiling,
                "legal_basis": f"{basis} ({EXAMPLE})",
                "is_example": True,
            },
        )
    for content in SupportContent.objects.filter(is_active=True):
        Norm.objects.get_or_create(
            agency=agency,
            kind="support",
            content=content,
            effective_from=start,
            defaults={
                "name": f"Hỗ trợ {content.name}",
                "unit": "doanh nghiệp",
                "amount_vnd": 0,
                "rate_percent": 50,
                "ceiling_vnd": 200_000_000,
                "is_example": True,
                "legal_basis": f"Quyết định 1322/QĐ-TTg; Kế hoạch 14/KH-UBND ({EXAMPLE})",
            },
        )


def _line(estimate, officer, task, description, quantity, section, content=None, norm_vnd=None, unit=""):
    services.save_line(
        estimate=estimate,
        actor=officer,
        data={
            "task": task,
            "content": content,
            "description": description,
            "quantity": quantity,
            "norm_vnd": norm_vnd,
            "plan_section": section,
            "unit": unit,
            "justification": "",
        },
    )


def seed(out) -> None:
    # The estimate's document is drawn as DOCX at once; its PDF on first download (as ``demo.dossiers``).
    with (
        temporary_settings(
            DOCUMENTS_PDF=False,
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            TASKS_RUN_INLINE=True,
        ),
        transaction.atomic(),
    ):
        _seed(out)


def _seed(out) -> None:
    agency = Agency.objects.get(code=CAN_THO["code"])
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["officer", "director", "finance"], agency=agency)
    }
    if len(users) < 3:
        out.write("bỏ qua (chưa có tài khoản)")
        return
    officer, director, finance = users["officer"], users["director"], users["finance"]
    _norms(agency)
    if Estimate.objects.filter(agency=agency, year=2026).exists():
        out.write("đã có")
        return
    estimate = services.create_estimate(agency=agency, year=2026, actor=officer)
    contracts = SupportContract.objects.filter(agency=agency, dossier__call__year=2026).select_related(
        "dossier"
    )
    by_content: dict[int, list[SupportContract]] = {}
    for contract in contracts:
        by_content.setdefault(contract.dossier.content_id, []).append(contract)
    for content in SupportContent.objects.filter(pk__in=by_content):
        _line(
            estimate,
            officer,
            "support",
            f"Hỗ trợ doanh nghiệp áp dụng {content.name}",
            len(by_content[content.pk]) + 2,
            "II.2.a",
            content=content,
            unit="doanh nghiệp",
        )
    _line(
        estimate, officer, "manager_training", "Đào tạo cán bộ quản lý về năng suất", 2, "II.2.b", unit="lớp"
    )
    _line(estimate, officer, "expert_training", "Đào tạo chuyên gia năng suất", 1, "II.2.b", unit="lớp")
    _line(
        estimate,
        officer,
        "communication",
        "Phóng sự, tin bài về năng suất chất lượng",
        6,
        "II.2.d",
        unit="phóng sự",
    )
    _line(estimate, officer, "council", "Họp hội đồng tư vấn tuyển chọn", 8, "II.3.b", unit="phiên")
    _line(estimate, officer, "survey", "Khảo sát, kiểm tra doanh nghiệp", 40, "II.3.b", unit="lượt")
    _line(
        estimate,
        officer,
        "other",
        "Văn phòng phẩm, hội nghị sơ kết",
        1,
        "V.2",
        norm_vnd=30_000_000,
        unit="gói",
    )
    services.act(estimate=estimate, action="submit", actor=director)
    communication = estimate.lines.get(task="communication")
    services.act(
        estimate=estimate,
        action="appraise",
        actor=finance,
        note="Cơ bản thống nhất; giảm kinh phí truyền thông.",
        payload={
            "lines": [
                {
                    "id": communication.pk,
                    "appraised_amount_vnd": 100_000_000,
                    "note": "Giảm 02 phóng sự, lồng ghép với chương trình chuyển đổi số",
                }
            ]
        },
    )
    services.act(estimate=estimate, action="send_to_city", actor=director)
    services.act(
        estimate=estimate,
        action="approve",
        actor=officer,
        data={"decision_number": "215/QĐ-UBND", "decision_date": "2026-02-10"},
    )
    spent = 0
    for contract in contracts:
        try:
            services.commit_contract(contract=contract, actor=director)
        except Refusal:
            continue
        spent += 1
    for payment in Payment.objects.filter(contract__in=contracts):
        services.pay_contract(payment=payment, actor=officer)
    courses = estimate.lines.get(task="manager_training")
    for course in Course.objects.filter(agency=agency, year=2026, cost_vnd__gt=0)[:2]:
        with contextlib.suppress(Refusal):
            services.spend_on_activity(line=courses, actor=officer, course=course)
    talks = estimate.lines.get(task="communication")
    for event in Event.objects.filter(agency=agency, held_on__year=2026, cost_vnd__gt=0)[:3]:
        with contextlib.suppress(Refusal):
            services.spend_on_activity(line=talks, actor=officer, event=event)
    draft = services.create_estimate(agency=agency, year=2027, actor=officer)
    _line(draft, officer, "council", "Họp hội đồng tư vấn tuyển chọn", 10, "II.3.b", unit="phiên")
    out.write(f"dự toán 2026 đã duyệt, {spent} hợp đồng cam kết; dự thảo 2027")
