"""The public pages, open to anyone without signing in: the list of supported enterprises with the
indicators' progress, the good-practice models, a model's page and photos, an enterprise's public entry."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from openpyxl import Workbook

from nangsuat.core.models import Agency
from nangsuat.core.spreadsheets import (
    AMOUNT,
    NUMBER,
    XLSX_TYPE,
    Column,
    filters_line,
    workbook_bytes,
    write_table,
)
from nangsuat.indicators.supported import SupportedRow

from .. import selectors
from ..models import CasePhoto, CaseState

PAGE_SIZE = 25
CASES_PAGE_SIZE = 12


def _agency(request) -> tuple[Agency, str]:
    """The agency the page reads and the query that keeps it on the page's links ("" for the site's)."""
    code = (request.GET.get("agency") or "").strip()[:20]
    agency = selectors.public_agency(code)
    if agency is None:
        raise Http404(_("Không có cơ quan thực hiện với mã này."))
    return agency, urlencode({"agency": code}) if code else ""


def _query(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def supported(request):
    agency, agency_query = _agency(request)
    filters = selectors.SupportedFilters.from_params(request.GET)
    rows = selectors.public_supported(agency, filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "showcase/public_supported.html",
        {
            "agency": agency,
            "agency_query": agency_query,
            "filters": filters,
            "filtered": any([filters.year, filters.ward, filters.content, filters.q]),
            "page_obj": page,
            "total_vnd": sum(r.amount_vnd for r in rows),
            "enterprises": len({r.enterprise_id for r in rows}),
            "query": _query(request),
            "progress": selectors.progress_of(agency),
            **selectors.supported_choices(agency),
        },
    )


def supported_columns() -> list[Column]:
    return [
        Column(_("STT"), 6, NUMBER),
        Column(_("Doanh nghiệp"), 40),
        Column(_("Xã, phường"), 22),
        Column(_("Nội dung hỗ trợ"), 36),
        Column(_("Kinh phí hỗ trợ (đồng)"), 18, AMOUNT),
        Column(_("Tình trạng"), 20),
        Column(_("Năm"), 8, NUMBER),
    ]


def supported_table(rows: list[SupportedRow]):
    for n, r in enumerate(rows, 1):
        yield [n, r.enterprise_name, r.ward, r.content, r.amount_vnd, r.state_label, r.year]


def supported_export(request):
    """The filtered list as an Excel workbook: what the page shows, nothing more."""
    agency, _query_ = _agency(request)
    filters = selectors.SupportedFilters.from_params(request.GET)
    rows = selectors.public_supported(agency, filters)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Doanh nghiệp được hỗ trợ"))
    write_table(
        sheet,
        title=_("DANH SÁCH DOANH NGHIỆP ĐƯỢC HỖ TRỢ — %(agency)s") % {"agency": agency.name.upper()},
        filters=filters_line(
            [(_("Năm"), filters.year), (_("Xã, phường"), filters.ward), (_("Tìm kiếm"), filters.q)]
        ),
        columns=supported_columns(),
        rows=supported_table(rows),
    )
    response = HttpResponse(workbook_bytes(book), content_type=XLSX_TYPE)
    name = f"doanh-nghiep-duoc-ho-tro-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def cases(request):
    agency, agency_query = _agency(request)
    filters = selectors.CaseFilters.from_params(request.GET)
    filters = selectors.CaseFilters(
        q=filters.q, section=filters.section, ward=filters.ward, content=filters.content
    )  # the public sees published cases only, whatever ``state`` says
    page = Paginator(selectors.published_cases(agency, filters), CASES_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "showcase/public_cases.html",
        {
            "agency": agency,
            "agency_query": agency_query,
            "filters": filters,
            "filtered": any([filters.q, filters.section, filters.ward, filters.content]),
            "page_obj": page,
            "query": _query(request),
            **selectors.case_choices(agency),
        },
    )


def case(request, pk: int):
    found = selectors.published_case(pk)
    if found is None:
        raise Http404(_("Mô hình không tồn tại hoặc chưa được công bố."))
    return render(
        request, "showcase/public_case.html", {"case": found, "enterprise": found.dossier.enterprise}
    )


def photo(request, pk: int, photo_id: int):
    """A published case's photo; an unpublished case's photo is nobody's to see here (404)."""
    found = CasePhoto.objects.filter(pk=photo_id, case_id=pk, case__state=CaseState.PUBLISHED).first()
    if found is None:
        raise Http404
    return photo_response(found)


def photo_response(found: CasePhoto) -> FileResponse:
    """The photo, revalidated on every view: once a case is withdrawn no cache may keep showing it."""
    try:
        handle = found.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=found.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-cache"
    return response


def enterprise(request, pk: int):
    found = selectors.public_enterprise(pk)
    if found is None:
        raise Http404(_("Doanh nghiệp này chưa có trong danh sách công khai."))
    return render(
        request, "showcase/public_enterprise.html", {"enterprise": found, **selectors.enterprise_entry(found)}
    )
