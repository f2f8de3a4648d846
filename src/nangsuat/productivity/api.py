"""``/api/v1/enterprises/{id}/productivity`` and ``/api/v1/productivity/benchmarks``: the productivity
database over JSON, through this app's services and selectors.

An enterprise's figures are read by whoever may read the enterprise (``registry.selectors.
visible_enterprises``: anything else is 404) and written by its own users and the officers of its agency
(``registry.permissions.can_edit_enterprise``: 403 otherwise). The benchmarks are open to anyone: cells
of fewer than 3 enterprises read ``{"suppressed": true}`` except for the agency's staff.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from nangsuat.api.auth import DEFAULT_AUTH
from nangsuat.api.errors import ApiError
from nangsuat.api.schemas import InputSchema
from nangsuat.core.models import Agency
from nangsuat.core.permissions import require
from nangsuat.registry.models import SizeClass
from nangsuat.registry.permissions import can_edit_enterprise
from nangsuat.registry.selectors import visible_enterprises

from . import benchmarks, selectors, services
from .models import ALL

router = Router(tags=["productivity"])


class FiguresIn(InputSchema):
    employees: int | None = Field(None, description="Lao động bình quân năm (ghi vào sổ doanh nghiệp)")
    revenue_vnd: int | None = Field(None, description="Doanh thu (đồng; ghi vào sổ doanh nghiệp)")
    capital_vnd: int | None = Field(None, description="Tổng nguồn vốn (đồng; ghi vào sổ doanh nghiệp)")
    wages_vnd: int | None = Field(None, description="Thu nhập của người lao động (đồng)")
    depreciation_vnd: int | None = Field(None, description="Khấu hao tài sản cố định (đồng)")
    operating_surplus_vnd: int | None = Field(None, description="Thặng dư sản xuất (đồng, có thể âm)")
    production_taxes_vnd: int | None = Field(None, description="Thuế sản xuất (đồng)")
    value_added_vnd: int | None = Field(None, description="Giá trị tăng thêm kê khai trực tiếp (đồng)")
    hours_worked: int | None = Field(None, description="Tổng số giờ làm việc trong năm")
    fixed_assets_vnd: int | None = Field(None, description="Giá trị tài sản cố định (đồng)")
    energy_kwh: int | None = Field(None, description="Năng lượng sử dụng (kWh quy đổi)")
    defect_rate: float | None = Field(None, description="Tỷ lệ sản phẩm lỗi (%, 0–100)")


class BenchmarkFilters(InputSchema):
    year: int | None = Field(None, ge=2000, le=2100, description="Năm; mặc định: năm gần nhất có số liệu")
    vsic_section: str = Field("", max_length=1, description="Ngành cấp 1 VSIC (A–U); trống: mọi ngành")
    vsic_division: str = Field("", max_length=2, description="Ngành cấp 2 VSIC; trống: mọi ngành cấp 2")
    size_class: str = Field(
        "", max_length=10, description="micro | small | medium | large; trống: mọi quy mô"
    )
    ward: str = Field("", max_length=10, description="Mã xã/phường; trống: toàn thành phố")
    agency: str = Field(
        "", max_length=20, description="Mã cơ quan; mặc định: cơ quan của người gọi hoặc của cổng"
    )


class CellOut(Schema):
    measure: str
    label: str
    suppressed: bool = False
    n: int | None = None
    p25: float | None = None
    median: float | None = None
    p75: float | None = None


class BenchmarksOut(Schema):
    year: int | None
    agency: str
    vsic_section: str
    vsic_division: str
    size_class: str
    ward: str
    min_cell: int
    refreshed_at: str | None
    measures: list[CellOut]


@router.get("/enterprises/{int:enterprise_id}/productivity", summary="Số liệu và chỉ số năng suất theo năm")
def enterprise_productivity(request, enterprise_id: int):
    """Each year's figures (``value``, ``source``: enterprise | officer | import | registry,
    ``entered_by``, ``entered_at``), value added and indicators (ratios unrounded; growth as fractions)."""
    enterprise = get_object_or_404(visible_enterprises(request.auth), pk=enterprise_id)
    return {
        "enterprise_id": enterprise.pk,
        "years": [selectors.figures_row_dict(row) for row in selectors.enterprise_years(enterprise)],
    }


@router.put(
    "/enterprises/{int:enterprise_id}/productivity/{int:year}", summary="Ghi số liệu năng suất của một năm"
)
def put_productivity(request, enterprise_id: int, year: int, payload: FiguresIn):
    """Record one year's figures (any year from 2000): the fields sent are written (``null`` erases one),
    those not sent stay. Enterprise users write their own enterprise; officers their agency's."""
    enterprise = get_object_or_404(visible_enterprises(request.auth), pk=enterprise_id)
    require(can_edit_enterprise(request.auth, enterprise))
    services.save_figures(
        actor=request.auth, enterprise=enterprise, year=year, data=payload.dict(exclude_unset=True)
    )
    row = next(r for r in selectors.enterprise_years(enterprise) if r.year == year)
    return selectors.figures_row_dict(row)


def _agency(request, code: str) -> Agency:
    user = request.auth
    if code:
        agency = Agency.objects.filter(code=code).first()
    elif user is not None and getattr(user, "agency_id", None):
        agency = user.agency
    else:
        agency = Agency.objects.order_by("pk").first()
    if agency is None:
        raise ApiError(404, _("Không có cơ quan thực hiện với mã này."))
    return agency


def _optional_user(request):
    for auth in DEFAULT_AUTH:
        user = auth(request)
        if user:
            return user
    return None


@router.get("/productivity/benchmarks", auth=None, response=BenchmarksOut, summary="Chuẩn so sánh năng suất")
def benchmark_cells(request, filters: Query[BenchmarkFilters]):
    """For one year and a VSIC section (or division), a size class and a ward (each empty for all): each
    indicator's ``n``, ``p25``, ``median``, ``p75`` (percentile_cont), or ``suppressed: true`` for a cell
    of fewer than 3 enterprises unless the caller is the agency's staff. Refreshed nightly and after each
    import (``refreshed_at``)."""
    request.auth = _optional_user(request)
    if filters.size_class and filters.size_class not in SizeClass.values:
        raise ApiError(400, _("Quy mô không hợp lệ."), {"size_class": [_("Quy mô không hợp lệ.")]})
    agency = _agency(request, filters.agency)
    user = request.auth
    if user is not None and not user.sees_all_agencies and user.agency_id != agency.pk:
        user = None  # another agency's staff see this agency's benchmarks as the public does
    year = filters.year or next(iter(benchmarks.years_of(agency.pk)), None)
    cells = benchmarks.cells_of(
        agency_id=agency.pk,
        user=user,
        year=year,
        vsic_section=filters.vsic_section.upper() or ALL,
        vsic_division=filters.vsic_division or ALL,
        size_class=filters.size_class or ALL,
        ward=filters.ward or ALL,
    )
    stamp = benchmarks.refreshed_at(agency.pk)
    return {
        "year": year,
        "agency": agency.code,
        "vsic_section": filters.vsic_section.upper(),
        "vsic_division": filters.vsic_division,
        "size_class": filters.size_class,
        "ward": filters.ward,
        "min_cell": benchmarks.MIN_CELL,
        "refreshed_at": stamp.isoformat() if stamp else None,
        "measures": [{"label": c.label, **c.as_api()} for c in cells],
    }
