"""Factories and helpers for calls and dossiers."""

import datetime as dt
import io
import zipfile

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nangsuat.core.roles import Role
from nangsuat.dossiers.models import Attachment, Dossier, EligibilityCheck
from nangsuat.dossiers.registration import DEFAULT_REQUIRED_ATTACHMENTS
from nangsuat.dossiers.services import calls as call_services
from nangsuat.reference.models import SupportContent
from tests.factories import AgencyFactory, EnterpriseFactory, UserFactory

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


class SupportContentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportContent
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"iso-9001-{n}")
    name = factory.Sequence(lambda n: f"ISO 9001 ({n})")
    group = "Hệ thống quản lý"


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
