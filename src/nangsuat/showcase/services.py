"""Writes of the good-practice models: each one function, one transaction, one audit entry. An officer
(or a director, an administrator) of the dossier's agency writes; a case is drawn from a dossier whose
acceptance passed, and is published only with the enterprise's recorded consent."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, UnidentifiedImageError

from nangsuat.core.audit import label_actions, record_audit
from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.models import User
from nangsuat.core.roles import PROGRAMME_MANAGERS
from nangsuat.core.text import nfc
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.uploads import IMAGE_TYPES, PDF, check_upload, random_name
from nangsuat.indicators.counting import SUPPORTED_STATES

from .models import Case, CaseFigure, CasePhoto, CaseState

PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_PIXELS = 40_000_000  # a decompression bomb is refused before it is drawn
PHOTOS_PER_CASE = 8
FIGURES_PER_CASE = 8
CONSENT_TYPES = (PDF, *IMAGE_TYPES)

label_actions(
    {
        "showcase.created": gettext_lazy("Lập mô hình điển hình"),
        "showcase.updated": gettext_lazy("Sửa mô hình điển hình"),
        "showcase.photo_added": gettext_lazy("Thêm ảnh mô hình điển hình"),
        "showcase.photo_removed": gettext_lazy("Xóa ảnh mô hình điển hình"),
        "showcase.consent_recorded": gettext_lazy("Ghi nhận doanh nghiệp đồng ý công bố"),
        "showcase.published": gettext_lazy("Công bố mô hình điển hình"),
        "showcase.withdrawn": gettext_lazy("Gỡ mô hình điển hình"),
    }
)


def may_manage(user: User, agency_id: int) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.role in PROGRAMME_MANAGERS
        and (user.sees_all_agencies or user.agency_id == agency_id)
    )


def _require_manager(user: User, agency_id: int) -> None:
    if not may_manage(user, agency_id):
        raise Forbidden(_("Chỉ cán bộ Sở KH&CN của cơ quan thực hiện hồ sơ được quản lý mô hình điển hình."))


def _require_draft(case: Case) -> None:
    if case.state == CaseState.PUBLISHED:
        raise Conflict(_("Mô hình đang được công bố: gỡ xuống trước khi sửa."))


@dataclass(frozen=True)
class Figure:
    label: str
    before: Decimal
    after: Decimal
    unit: str = ""


@dataclass(frozen=True)
class CaseText:
    title: str
    summary: str
    applied: str
    narrative: str


@transaction.atomic
def create_case(*, dossier: Dossier, actor: User, text: CaseText) -> Case:
    """A draft case from a dossier whose acceptance passed (accepted, liquidated, paid)."""
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    _require_manager(actor, dossier.agency_id)
    if dossier.state not in SUPPORTED_STATES:
        raise Conflict(
            _("Chỉ lập mô hình từ hồ sơ đã nghiệm thu đạt (đã nghiệm thu, đã thanh lý hoặc đã thanh toán).")
        )
    if Case.objects.filter(dossier=dossier).exists():
        raise Conflict(_("Hồ sơ này đã có mô hình điển hình."))
    case = Case.objects.create(
        agency_id=dossier.agency_id,
        dossier=dossier,
        created_by=actor,
        title=nfc(text.title),
        summary=nfc(text.summary),
        applied=text.applied.strip(),
        narrative=text.narrative.strip(),
    )
    record_audit(actor=actor, action="showcase.created", target=case, to_state=case.state)
    return case


@transaction.atomic
def update_case(*, case: Case, actor: User, text: CaseText, figures: Sequence[Figure]) -> Case:
    """The case's words and its figures (replaced as a whole, in the order given)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    _require_manager(actor, case.agency_id)
    _require_draft(case)
    if len(figures) > FIGURES_PER_CASE:
        raise ValidationError(_("Tối đa %(n)s chỉ số kết quả.") % {"n": FIGURES_PER_CASE})
    case.title, case.summary = nfc(text.title), nfc(text.summary)
    case.applied, case.narrative = text.applied.strip(), text.narrative.strip()
    case.save(update_fields=["title", "summary", "applied", "narrative", "updated_at"])
    case.figures.all().delete()
    CaseFigure.objects.bulk_create(
        CaseFigure(
            case=case, label=nfc(f.label), before=f.before, after=f.after, unit=nfc(f.unit), ordering=i
        )
        for i, f in enumerate(figures)
    )
    record_audit(actor=actor, action="showcase.updated", target=case, data={"figures": len(figures)})
    return case


def check_photo(upload: UploadedFile) -> tuple[str, str, int, int]:
    """A JPEG or PNG photo of at most 5 MB that really decodes; its (extension, content type, width,
    height). Refused with a ``ValidationError`` otherwise."""
    if upload.size and upload.size > PHOTO_MAX_BYTES:
        raise ValidationError(
            _("Ảnh “%(name)s” vượt quá %(mb)s MB.") % {"name": upload.name, "mb": PHOTO_MAX_BYTES // 2**20}
        )
    checked = check_upload(upload, IMAGE_TYPES)
    upload.seek(0)
    try:
        with Image.open(io.BytesIO(upload.read())) as image:
            width, height = image.size
            if width * height > PHOTO_MAX_PIXELS:
                raise ValidationError(
                    _("Ảnh “%(name)s” quá lớn về kích thước điểm ảnh.") % {"name": upload.name}
                )
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("Tệp “%(name)s” không phải là ảnh hợp lệ.") % {"name": upload.name}) from exc
    finally:
        upload.seek(0)
    return checked.extension, checked.content_type, width, height


@transaction.atomic
def add_photo(*, case: Case, actor: User, upload: UploadedFile, caption: str = "") -> CasePhoto:
    case = Case.objects.select_for_update().get(pk=case.pk)
    _require_manager(actor, case.agency_id)
    _require_draft(case)
    if case.photos.count() >= PHOTOS_PER_CASE:
        raise ValidationError(_("Mỗi mô hình có tối đa %(n)s ảnh.") % {"n": PHOTOS_PER_CASE})
    extension, content_type, width, height = check_photo(upload)
    photo = CasePhoto(case=case, content_type=content_type, caption=nfc(caption), width=width, height=height)
    photo.file.save(random_name(extension), upload, save=False)
    photo.save()
    record_audit(actor=actor, action="showcase.photo_added", target=case, data={"photo": photo.pk})
    return photo


@transaction.atomic
def remove_photo(*, photo: CasePhoto, actor: User) -> None:
    case = Case.objects.select_for_update().get(pk=photo.case_id)
    _require_manager(actor, case.agency_id)
    _require_draft(case)
    name, storage, photo_id = photo.file.name or "", photo.file.storage, photo.pk
    photo.delete()
    if name:  # the file goes once the row is surely gone
        transaction.on_commit(lambda: storage.delete(name))
    record_audit(actor=actor, action="showcase.photo_removed", target=case, data={"photo": photo_id})


@transaction.atomic
def record_consent(
    *, case: Case, actor: User, given_by: str, given_on: dt.date, upload: UploadedFile
) -> Case:
    """The enterprise's written consent to publish the case: who signed it, when, and the paper (PDF or a
    photo of it)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    _require_manager(actor, case.agency_id)
    if given_on > timezone.localdate():
        raise ValidationError({"given_on": [_("Ngày đồng ý không được sau ngày hôm nay.")]})
    checked = check_upload(upload, CONSENT_TYPES)
    case.consent_file.save(random_name(checked.extension), upload, save=False)
    case.consent_given_by, case.consent_given_on, case.consent_recorded_by = nfc(given_by), given_on, actor
    case.save(
        update_fields=[
            "consent_file",
            "consent_given_by",
            "consent_given_on",
            "consent_recorded_by",
            "updated_at",
        ]
    )
    record_audit(
        actor=actor, action="showcase.consent_recorded", target=case, data={"given_on": given_on.isoformat()}
    )
    return case


@transaction.atomic
def publish(*, case: Case, actor: User) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    _require_manager(actor, case.agency_id)
    if case.state == CaseState.PUBLISHED:
        raise Conflict(_("Mô hình đã được công bố."))
    if not case.has_consent:
        raise Conflict(
            _(
                "Chưa thể công bố: cần ghi nhận văn bản đồng ý công bố của doanh nghiệp (người đồng ý, ngày, tệp văn bản)."
            )
        )
    if not (case.title and case.applied and case.narrative):
        raise Conflict(_("Chưa thể công bố: cần có tiêu đề, nội dung đã áp dụng và câu chuyện của mô hình."))
    before = case.state
    case.state, case.published_at, case.withdrawn_at, case.withdraw_reason = (
        CaseState.PUBLISHED,
        timezone.now(),
        None,
        "",
    )
    case.save(update_fields=["state", "published_at", "withdrawn_at", "withdraw_reason", "updated_at"])
    record_audit(
        actor=actor, action="showcase.published", target=case, from_state=before, to_state=case.state
    )
    return case


@transaction.atomic
def withdraw(*, case: Case, actor: User, reason: str) -> Case:
    """Take a published case off the portal, with the reason (the enterprise asked, figures to correct…)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    _require_manager(actor, case.agency_id)
    if case.state != CaseState.PUBLISHED:
        raise Conflict(_("Chỉ gỡ được mô hình đang được công bố."))
    reason = nfc(reason)
    if len(reason) < 5:
        raise ValidationError({"reason": [_("Ghi lý do gỡ mô hình (ít nhất 5 ký tự).")]})
    case.state, case.withdrawn_at, case.withdraw_reason = CaseState.WITHDRAWN, timezone.now(), reason
    case.save(update_fields=["state", "withdrawn_at", "withdraw_reason", "updated_at"])
    record_audit(
        actor=actor,
        action="showcase.withdrawn",
        target=case,
        from_state=CaseState.PUBLISHED,
        to_state=case.state,
        note=reason,
    )
    return case
