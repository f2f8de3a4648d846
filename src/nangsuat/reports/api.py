"""``/api/v1/reports``: draft a report on the plan and read it, with its DOCX and XLSX, through the same
services and rules as the pages.

``POST /reports`` with ``{"kind", "year"}`` answers 201 with the new draft, or 200 with the agency's report
of that kind and year when one exists (one report per kind and year). A report the caller may not read is
404; a role that may not draft is 403. Signing stays on the director's page, behind its confirmation."""

import datetime as dt
from typing import Literal

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from nangsuat.api.errors import error_responses
from nangsuat.api.pagination import paginated
from nangsuat.api.schemas import Id, InputSchema
from nangsuat.core.permissions import require

from . import selectors, services
from .downloads import report_file
from .kinds import ReportKind, ReportState
from .models import Report

router = Router(tags=["reports"])


class ReportIn(InputSchema):
    kind: Literal[tuple(ReportKind.values)] = Field(  # type: ignore[valid-type]
        ..., description="annual (năm) | midterm (sơ kết, 2028) | final (tổng kết, 2030) | ministry (gửi Bộ)"
    )
    year: int = Field(..., ge=2000, le=2100, description="Năm báo cáo, trong giai đoạn 2026 – 2030")


class ReportOut(Schema):
    id: int
    kind: str
    kind_label: str
    year: int
    state: str
    state_label: str
    agency_id: int
    number: str | None = Field(None, description="Số, ký hiệu trong sổ văn bản, khi đã ký")
    signed_on: dt.date | None = None
    signer_name: str | None = None
    document_id: int | None = Field(None, description="Văn bản trong sổ văn bản, khi đã ký")
    docx: str = Field(..., description="Tải DOCX (dự thảo: vẽ từ số liệu hiện tại)")
    xlsx: str = Field(..., description="Tải XLSX: tổng hợp, từng chỉ tiêu, danh sách doanh nghiệp")
    updated_at: dt.datetime


def _out(report: Report) -> dict:
    document = report.document
    return {
        "id": report.pk,
        "kind": report.kind,
        "kind_label": str(report.get_kind_display()),
        "year": report.year,
        "state": report.state,
        "state_label": str(report.get_state_display()),
        "agency_id": report.agency_id,
        "number": document.number if document else None,
        "signed_on": document.issued_on if document else None,
        "signer_name": document.signer_name if document else None,
        "document_id": document.pk if document else None,
        "docx": reverse("api:report_file", args=[report.pk, "docx"]),
        "xlsx": reverse("api:report_file", args=[report.pk, "xlsx"]),
        "updated_at": report.updated_at,
    }


class ReportFilters(InputSchema):
    kind: Literal[("", *ReportKind.values)] = ""  # type: ignore[valid-type]
    year: int | None = Field(None, ge=2000, le=2100)
    state: Literal[("", *ReportState.values)] = ""  # type: ignore[valid-type]


@router.get("/reports", response=list[ReportOut], summary="Báo cáo thực hiện Kế hoạch (list)")
@paginated
def list_reports(request, filters: Query[ReportFilters]):
    require(selectors.can_read_reports(request.auth))
    f = filters.dict()
    qs = selectors.filtered(
        selectors.visible_reports(request.auth), kind=f["kind"], year=f["year"], state=f["state"]
    )
    return [_out(report) for report in qs]


@router.post(
    "/reports",
    response={200: ReportOut, 201: ReportOut, **error_responses(400, 403)},
    summary="Lập báo cáo (create): báo cáo năm, sơ kết, tổng kết, gửi Bộ",
)
def create_report(request, payload: ReportIn):
    report, created = services.create_report(actor=request.auth, kind=payload.kind, year=payload.year)
    return Status(201 if created else 200, _out(report))


def _visible(request, report_id: int) -> Report:
    require(selectors.can_read_reports(request.auth))
    return get_object_or_404(selectors.visible_reports(request.auth), pk=report_id)


@router.get(
    "/reports/{int:report_id}", response={200: ReportOut, **error_responses(403, 404)}, summary="Một báo cáo"
)
def get_report(request, report_id: Id):
    return _out(_visible(request, report_id))


@router.get(
    "/reports/{int:report_id}/{fmt}",
    url_name="report_file",
    response={200: None, **error_responses(403, 404)},
    summary="Tệp của báo cáo (docx hoặc xlsx)",
)
def report_file_api(request, report_id: Id, fmt: Literal["docx", "xlsx"]):
    return report_file(_visible(request, report_id), fmt)
