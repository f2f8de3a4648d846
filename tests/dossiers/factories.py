"""Calls and dossiers: factories that write rows directly, and helpers that go through the services."""

import datetime as dt
import io
import zipfile
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nangsuat.core.roles import Role
from nangsuat.dossiers.models import (
    Attachment,
    Call,
    CallContent,
    Dossier,
    EligibilityCheck,
    ScoringCriterion,
)
from nangsuat.dossiers.registration import DEFAULT_REQUIRED_ATTACHMENTS
from nangsuat.dossiers.services import calls as call_services
from nangsuat.dossiers.states import State
from tests.core.factories import AgencyFactory, UserFactory
from tests.reference.factories import SupportContentFactory
from tests.registry.factories import EnterpriseFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def pdf(name: str = "giay-to.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


RUBRIC = (
    ("urgency", "Tính cấp thiết", 15),
    ("feasibility", "Tính khả thi", 50),
    ("effectiveness", "Tính hiệu quả và khả năng duy trì, nhân rộng", 35),
)


def iso_9001():
    return SupportContentFactory(code="iso-9001", name="ISO 9001")


class CallFactory(factory.django.DjangoModelFactory):
    """A published call with the rubric above and one content, ISO 9001."""

    class Meta:
        model = Call
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    year = 2026
    code = factory.Sequence(lambda n: f"dot-{n}")
    title = factory.Sequence(lambda n: f"Đợt đăng ký hỗ trợ năm 2026 — đợt {n}")
    registration_opens = dt.date(2026, 1, 5)
    registration_closes = dt.date(2026, 3, 31)
    budget_vnd = 1_000_000_000
    pass_total_min = Decimal("70")
    pass_criterion_min_ratio = Decimal("0.50")
    contract_days = 15
    is_published = True

    @factory.post_generation
    def rubric(obj, create, extracted, **kwargs):
        if not create:
            return
        for i, (code, name, points) in enumerate(RUBRIC):
            ScoringCriterion.objects.create(call=obj, code=code, name=name, max_points=points, ordering=i)
        CallContent.objects.create(
            call=obj, content=iso_9001(), support_rate_percent=50, ceiling_vnd=200_000_000
        )


class DossierFactory(factory.django.DjangoModelFactory):
    """A surveyed dossier, ready for the council, its state written directly (the app moves states through
    ``workflow.perform``)."""

    class Meta:
        model = Dossier

    call = factory.SubFactory(CallFactory)
    agency = factory.LazyAttribute(lambda d: d.call.agency)
    enterprise = factory.LazyAttribute(lambda d: EnterpriseFactory(agency=d.call.agency))
    content = factory.LazyFunction(iso_9001)
    state = State.SURVEYED
    tracking_code = factory.Sequence(lambda n: f"CT-2026-{n:05d}")
    title = factory.Sequence(lambda n: f"Áp dụng ISO 9001:2015 tại nhà máy số {n}")
    objectives = "Nâng cao năng suất và chất lượng sản phẩm."
    expected_results = "Được cấp giấy chứng nhận ISO 9001:2015."
    total_cost_vnd = 300_000_000
    requested_support_vnd = 150_000_000
    period_start = dt.date(2026, 5, 1)
    period_end = dt.date(2026, 11, 30)
    submitted_at = factory.LazyFunction(timezone.now)
    priority_points = 10


def make_call(*, agency=None, actor=None, contents=None, today=None, open_now=True, published=True, **kwargs):
    agency = agency or AgencyFactory()
    actor = actor or UserFactory(role=Role.OFFICER, agency=agency)
    today = today or timezone.localdate()
    if open_now:
        kwargs.setdefault("registration_opens", today - dt.timedelta(days=10))
        kwargs.setdefault("registration_closes", today + dt.timedelta(days=20))
    contents = contents if contents is not None else [SupportContentFactory()]
    call = call_services.create_call(
        agency=agency,
        actor=actor,
        year=kwargs.pop("year", today.year),
        title=kwargs.pop("title", "Đợt thử"),
        budget_vnd=kwargs.pop("budget_vnd", 5_000_000_000),
        contents=[{"content": c, "support_rate_percent": 50, "ceiling_vnd": 200_000_000} for c in contents],
        **kwargs,
    )
    if published:
        call_services.publish_call(call=call, actor=actor)
    return call


FORM = {
    "title": "Áp dụng ISO 9001:2015 tại nhà máy",
    "objectives": "Chuẩn hóa quy trình sản xuất.",
    "expected_results": "Được cấp chứng nhận ISO 9001:2015.",
    "total_cost_vnd": 300_000_000,
    "requested_support_vnd": 150_000_000,
    "period_start": dt.date(2026, 5, 1),
    "period_end": dt.date(2026, 12, 31),
    "consultant": "Trung tâm Tư vấn Năng suất",
    "jobs_created": 12,
    "uses_domestic_materials": True,
}


def make_dossier(*, call=None, enterprise=None, state="draft", complete=True, attachments=True, **fields):
    """A dossier put directly in a state (tests only; the app moves states through ``workflow.perform``)."""
    call = call or make_call()
    enterprise = enterprise or EnterpriseFactory(agency=call.agency)
    content = fields.pop("content", None) or call.contents.first().content
    values = {**(FORM if complete else {"title": "Nháp"}), **fields}
    dossier = Dossier.objects.create(
        agency=call.agency, call=call, enterprise=enterprise, content=content, state=state, **values
    )
    if state != "draft":
        dossier.tracking_code = f"CT-T-{dossier.pk:06d}"
        dossier.submitted_at = timezone.now()
        dossier.save()
    if attachments:
        for kind in DEFAULT_REQUIRED_ATTACHMENTS:
            att = Attachment(
                dossier=dossier,
                kind=kind,
                original_name=f"{kind}.pdf",
                content_type="application/pdf",
                size=len(PDF_BYTES),
                sha256="0" * 64,
            )
            att.file.save(f"t/{kind}.pdf", pdf(), save=False)
            att.save()
    return dossier


def meet_eligibility(dossier, officer=None):
    for item in EligibilityCheck.Item.values:
        EligibilityCheck.objects.update_or_create(
            dossier=dossier,
            item=item,
            defaults={"met": True, "evidence": "Đã kiểm tra", "checked_by": officer},
        )
