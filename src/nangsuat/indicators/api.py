"""``/api/v1/indicators``: each indicator of the plan against its target, per year and over the period, and
``/api/v1/indicators/{code}/records``: the records behind a value, one row per counted record, so that the
list's ``total`` is the value. The caller's agency only; the ministry reads every agency, or one it names.
An enterprise user or a council member is 403."""

import datetime as dt
from typing import Literal

from django.urls import reverse
from ninja import Field, Query, Router, Schema

from nangsuat.api.errors import error_responses
from nangsuat.api.pagination import PageParams, page_of, page_schema
from nangsuat.core.permissions import require

from .counting import Scope, records, scope_for
from .definitions import CODES, PERIOD
from .figures import indicator_rows
from .listing import api_row
from .permissions import can_read_indicators

router = Router(tags=["indicators"])

Code = Literal[CODES]  # type: ignore[valid-type]


class IndicatorFilters(Schema):
    year: int | None = Field(
        None,
        ge=PERIOD[0],
        le=PERIOD[-1],
        description="Một năm của giai đoạn: `total` và `records` là của năm đó (one year of the period)",
    )
    ward: str | None = Field(
        None, min_length=1, max_length=6, pattern=r"^\d+$", description="Mã xã/phường (ward code)"
    )
    agency_id: int | None = Field(
        None, ge=1, le=2**31 - 1, description="Bộ KH&CN: một cơ quan (the ministry: one agency)"
    )


class IndicatorOut(Schema):
    code: str
    name: str
    definition: str
    unit: str
    clause: str = Field(..., description="Mục của Kế hoạch 14/KH-UBND")
    target: int = Field(..., description="Chỉ tiêu cả giai đoạn 2026 – 2030")
    by_year: dict[str, int] = Field(..., description="Năm → giá trị (year → value)")
    total: int = Field(..., description="Cả giai đoạn, hoặc năm `year` nếu có (distinct over the period)")
    records: str = Field(..., description="Đường dẫn API liệt kê các bản ghi của `total`")


class IndicatorList(Schema):
    items: list[IndicatorOut]


class RecordOut(Schema):
    id: int
    kind: Literal["participation", "expert", "product_group", "enterprise"]
    name: str = Field(..., description="Người, nhóm sản phẩm hoặc doanh nghiệp được đếm")
    date: dt.date | None = Field(None, description="Ngày tính vào năm (the date that sets the year)")
    detail: str = ""
    enterprise_tax_code: str = ""
    enterprise_name: str = ""
    ward: str = ""


def _scope(request, filters: IndicatorFilters) -> Scope:
    require(can_read_indicators(request.auth))
    return scope_for(request.auth, agency_id=filters.agency_id, ward_id=filters.ward)


def _query(filters: IndicatorFilters) -> str:
    params = [f"{k}={v}" for k, v in filters.dict().items() if v]
    return ("?" + "&".join(params)) if params else ""


@router.get(
    "/indicators",
    response={200: IndicatorList, **error_responses(400, 403)},
    summary="Chỉ tiêu của Kế hoạch và kết quả (indicators against targets)",
)
def list_indicators(request, filters: Query[IndicatorFilters]):
    scope = _scope(request, filters)
    items = []
    for row in indicator_rows(scope, year=filters.year):
        i = row.indicator
        path = reverse("api:indicator_records", kwargs={"code": i.code})
        items.append(
            {
                "code": i.code,
                "name": str(i.name),
                "definition": str(i.definition),
                "unit": str(i.unit),
                "clause": i.clause,
                "target": row.target,
                "by_year": {str(y): v for y, v in row.tally.by_year.items()},
                "total": row.value,
                "records": path + _query(filters),
            }
        )
    return {"items": items}


@router.get(
    "/indicators/{code}/records",
    response={200: page_schema(RecordOut), **error_responses(400, 403)},
    url_name="indicator_records",
    summary="Bản ghi được tính vào một chỉ tiêu (the records behind a value)",
)
def indicator_records(request, code: Code, filters: Query[IndicatorFilters], page: Query[PageParams]):
    qs = records(code, _scope(request, filters), year=filters.year)
    if code in ("manager_trainings", "certified_experts", "product_groups_certified"):
        qs = qs.select_related("enterprise__ward")
    found = page_of(qs, page=page.page, page_size=page.page_size)
    found["items"] = [api_row(code, r) for r in found["items"]]
    return found
