"""The name a document downloads under: its type as an office says it and its number,
"Tờ trình 02-TTr-SKHCN.pdf" (the number's slashes become hyphens: a file name holds none)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from nangsuat.core.downloads import safe_filename

from .models import Document, DocumentKind


def _short_names() -> dict[str, str]:
    # The word heading the paper, not the register's long label ("Tờ trình", not "Tờ trình UBND thành phố").
    return {
        DocumentKind.RECEIPT_SLIP: _("Phiếu tiếp nhận"),
        DocumentKind.SUPPLEMENT_REQUEST: _("Thông báo bổ sung"),
        DocumentKind.VALIDITY_MINUTES: _("Biên bản xác nhận hồ sơ hợp lệ"),
        DocumentKind.SURVEY_MINUTES: _("Biên bản khảo sát"),
        DocumentKind.COUNCIL_MINUTES: _("Biên bản họp Hội đồng"),
        DocumentKind.CITY_PROPOSAL: _("Tờ trình"),
        DocumentKind.ASSIGNMENT_DECISION: _("Quyết định"),
        DocumentKind.SUPPORT_CONTRACT: _("Hợp đồng"),
        DocumentKind.INSPECTION_MINUTES: _("Biên bản kiểm tra"),
        DocumentKind.ACCEPTANCE_MINUTES: _("Biên bản nghiệm thu"),
        DocumentKind.LIQUIDATION_MINUTES: _("Biên bản thanh lý"),
        DocumentKind.PAYMENT_REQUEST: _("Công văn đề nghị thanh toán"),
        DocumentKind.REPORT: _("Báo cáo"),
    }


def download_name(document: Document, extension: str) -> str:
    kind = _short_names().get(document.kind) or document.get_kind_display()
    number = (document.number or "").strip() or str(document.pk)
    return f"{safe_filename(f'{kind} {number}')}.{extension}"
