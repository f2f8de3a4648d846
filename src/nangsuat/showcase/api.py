"""``GET /api/v1/public/supported``: the public list of supported enterprises (Kế hoạch 14, II.2.d), open
to anyone without a token, the same rows as the public page: nothing personal."""

from typing import Literal

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from nangsuat.api.errors import ApiError
from nangsuat.api.pagination import paginated
from nangsuat.core.throttle import over_limit

from . import selectors

router = Router(tags=["public"])

READS_PER_WINDOW = 300  # per address every 10 minutes: a page a second for a reader, not a scraper's loop
WINDOW_SECONDS = 600
SORT_VALUES = tuple(s for key in selectors.SORTS for s in (key, f"-{key}"))


class SupportedFilters(Schema):
    year: int | None = Field(None, ge=2020, le=2035, description="Năm của đợt đăng ký (call's year)")
    agency: str = Field("", max_length=20, description="Mã cơ quan thực hiện; mặc định: cơ quan của cổng")
    ward: str = Field("", max_length=6, description="Mã xã, phường")
    content: int | None = Field(None, ge=1, description="Mã nội dung hỗ trợ")
    q: str = Field("", max_length=100, description="Tìm theo tên doanh nghiệp")
    sort: Literal[SORT_VALUES] = selectors.DEFAULT_SORT  # type: ignore[valid-type]


class SupportedOut(Schema):
    enterprise: str
    enterprise_url: str
    ward: str
    content: str
    amount_vnd: int
    state: str
    state_label: str
    year: int


@router.get(
    "/public/supported",
    auth=None,
    response=list[SupportedOut],
    summary="Danh sách công khai doanh nghiệp được hỗ trợ (public)",
)
@paginated
def public_supported(request, filters: Query[SupportedFilters]):
    """Each supported enterprise's dossier: its name and ward, the support content, the amount (paid, else
    liquidated, else contracted, else approved), the state and the call's year."""
    if over_limit(
        f"public-list:{request.META.get('REMOTE_ADDR') or 'unknown'}",
        limit=READS_PER_WINDOW,
        window_seconds=WINDOW_SECONDS,
    ):
        raise ApiError(429, _("Bạn truy vấn quá nhiều lần. Vui lòng thử lại sau ít phút."))
    data = filters.dict()
    agency = selectors.public_agency(data.pop("agency"))
    if agency is None:
        raise ApiError(404, _("Không có cơ quan thực hiện với mã này."))
    rows = selectors.public_supported(agency, selectors.SupportedFilters(**data))
    return [
        {
            "enterprise": r.enterprise_name,
            "enterprise_url": reverse("public:enterprise", args=[r.enterprise_id]),
            "ward": r.ward,
            "content": r.content,
            "amount_vnd": r.amount_vnd,
            "state": r.state,
            "state_label": r.state_label,
            "year": r.year,
        }
        for r in rows
    ]
