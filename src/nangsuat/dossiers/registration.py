"""The registration form (Phiếu đăng ký) as data: its fields, the kinds of attached papers, and the
snapshot kept with each submission, so a later change of the form never breaks an old dossier."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from nangsuat.core.versioned_cache import cached

from .models import CallContent, Dossier

FORM_CODE = "PDK-1322"
FORM_VERSION = 1


class AttachmentKind(models.TextChoices):
    REGISTRATION_FORM = "registration_form", _("Phiếu đăng ký có chữ ký, đóng dấu")
    BUSINESS_LICENSE = "business_license", _("Giấy chứng nhận đăng ký doanh nghiệp/HTX/hộ kinh doanh")
    IMPLEMENTATION_PLAN = "implementation_plan", _("Thuyết minh, kế hoạch thực hiện")
    COST_ESTIMATE = "cost_estimate", _("Dự toán kinh phí")
    CONSULTANT_QUOTE = "consultant_quote", _("Báo giá, hồ sơ năng lực đơn vị tư vấn")
    TAX_OBLIGATION = "tax_obligation", _("Xác nhận hoàn thành nghĩa vụ thuế")
    SOCIAL_INSURANCE = "social_insurance", _("Xác nhận đóng bảo hiểm xã hội")
    ENVIRONMENT = "environment", _("Hồ sơ môi trường")
    FINANCIAL_REPORT = "financial_report", _("Báo cáo tài chính năm gần nhất")
    OTHER = "other", _("Tài liệu khác")


DEFAULT_REQUIRED_ATTACHMENTS = [
    AttachmentKind.REGISTRATION_FORM.value,
    AttachmentKind.BUSINESS_LICENSE.value,
    AttachmentKind.IMPLEMENTATION_PLAN.value,
    AttachmentKind.COST_ESTIMATE.value,
]

# The fields of the form, in the order printed; ``required`` fields must be filled before submitting.
FORM_FIELDS: list[tuple[str, str, bool]] = [
    ("content", "choice", True),
    ("title", "text", True),
    ("objectives", "textarea", True),
    ("expected_results", "textarea", True),
    ("total_cost_vnd", "money", True),
    ("requested_support_vnd", "money", True),
    ("period_start", "date", True),
    ("period_end", "date", True),
    ("consultant", "text", False),
    ("other_state_support", "boolean", False),
    ("other_state_support_detail", "textarea", False),
    ("uses_domestic_materials", "boolean", False),
    ("export_potential", "boolean", False),
    ("jobs_created", "integer", False),
]
REQUIRED_FIELDS = [name for name, _kind, required in FORM_FIELDS if required]


def field_label(name: str) -> str:
    return str(Dossier._meta.get_field(name).verbose_name)


def form_definition(dossier: Dossier) -> dict[str, Any]:
    """The form as it stands now: field names, labels, kinds, and the papers the call requires."""
    return {
        "code": FORM_CODE,
        "version": FORM_VERSION,
        "fields": [
            {"name": name, "label": field_label(name), "kind": kind, "required": required}
            for name, kind, required in FORM_FIELDS
        ],
        "attachments": [
            {
                "kind": kind,
                "label": str(AttachmentKind(kind).label) if kind in AttachmentKind.values else kind,
            }
            for kind in required_attachment_kinds(dossier)
        ],
    }


# The contents a call offers, by call, in the shared cache: every page of a dossier shows its content's rate
# and ceiling and asks for its papers. ``receivers`` forgets them when a call or one of its offers changes.
CALL_CONTENTS = "dossiers.call_contents"


def call_content_for(dossier: Dossier) -> CallContent | None:
    offers = cached(
        CALL_CONTENTS,
        dossier.call_id,
        lambda: {offer.content_id: offer for offer in CallContent.objects.filter(call_id=dossier.call_id)},
    )
    return offers.get(dossier.content_id)


# --- The form and its papers -----------------------------------------------------------------------


def required_attachment_kinds(dossier: Dossier, offered: CallContent | None = None) -> list[str]:
    offered = offered or call_content_for(dossier)
    if offered is None:
        return list(DEFAULT_REQUIRED_ATTACHMENTS)
    return list(offered.required_attachments or [])


def kind_label(kind: str) -> str:
    return str(AttachmentKind(kind).label) if kind in AttachmentKind.values else kind


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def form_data(dossier: Dossier) -> dict[str, Any]:
    """The form's values as JSON, with the content's name (the catalogue may be renamed later)."""
    data = {}
    for name, _kind, _required in FORM_FIELDS:
        if name == "content":
            data["content"] = {
                "id": dossier.content_id,
                "code": dossier.content.code,
                "name": dossier.content.name,
            }
        else:
            data[name] = _jsonable(getattr(dossier, name))
    data["attachments"] = [
        {"id": a.pk, "kind": a.kind, "name": a.original_name, "sha256": a.sha256, "size": a.size}
        for a in dossier.attachments.filter(is_current=True)
    ]
    return data


def missing_fields(dossier: Dossier) -> list[str]:
    """Labels of the required fields left empty (and the detail of declared other support)."""
    missing = []
    for name in REQUIRED_FIELDS:
        value = getattr(dossier, f"{name}_id" if name == "content" else name)
        if value in (None, ""):
            missing.append(field_label(name))
    if dossier.other_state_support and not dossier.other_state_support_detail.strip():
        missing.append(field_label("other_state_support_detail"))
    return missing
