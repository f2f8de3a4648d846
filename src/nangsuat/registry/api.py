"""``/api/v1/enterprises``: the enterprise registry over JSON, through the registry's services and selectors.

Visibility: a caller sees what ``registry.selectors.visible_enterprises`` gives (an enterprise user its own
confirmed enterprises; a council member those of the dossiers they may open; other staff their agency's;
the ministry all). Anything outside that is **404**, so the
API never tells whether another agency's or another enterprise's record exists. A visible record the
caller may not change (city, finance, ministry; an enterprise user touching ``tax_code``/``kind``) is
**403**, or 400 naming the field for fields an enterprise user may not set. Creating needs an officer,
director or admin of an agency (403 otherwise).

Figures (``employees``, ``revenue_vnd``, ``capital_vnd``) are the latest year's; writing them records the
year ``year`` (default: last calendar year) and recomputes ``size_class`` (Nghị định 80/2021).
"""

from datetime import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status
from pydantic import field_validator

from nangsuat.api.errors import ApiError, django_validation_errors
from nangsuat.api.pagination import paginated
from nangsuat.api.schemas import InputSchema, from_attribute
from nangsuat.core.permissions import require
from nangsuat.core.roles import Role

from . import selectors, services
from .models import Enterprise, EnterpriseKind, SizeClass
from .permissions import can_edit_enterprise, can_manage_registry

router = Router(tags=["enterprises"])

Kind = Literal[tuple(EnterpriseKind.values)]  # type: ignore[valid-type]
Size = Literal[tuple(SizeClass.values)]  # type: ignore[valid-type]
# API field names for the services' (model) field names.
_API_FIELD = {"vsic": "vsic_code", "ward": "ward_code"}
FIGURE_FIELDS = ("year", "employees", "revenue_vnd", "capital_vnd")
ORDERS = ("", *(d + k for k in selectors.SORTS for d in ("", "-")))


class EnterpriseOut(Schema):
    id: int
    tax_code: str = Field(..., description="Mã số thuế (tax code)")
    name: str = Field(..., description="Tên doanh nghiệp")
    short_name: str
    kind: str = Field(..., description="company | cooperative | household | establishment")
    vsic_code: str | None = Field(
        ..., description="Mã ngành kinh tế chính VSIC 2018 (null: mục tạm, chưa bổ sung)"
    )
    vsic_section: str
    ward_code: str | None = Field(..., description="Mã xã/phường (null: mục tạm, chưa bổ sung)")
    ward_name: str
    address: str
    phone: str
    email: str
    representative: str
    bank_account: str = Field(..., description="Số tài khoản nhận kinh phí hỗ trợ")
    bank_name: str
    bank_branch: str
    latest_year: int | None = Field(None, description="Năm của số liệu (year of the figures)")
    employees: int | None = Field(None, description="Lao động tham gia BHXH bình quân năm")
    revenue_vnd: int | None = Field(None, description="Tổng doanh thu (đồng)")
    capital_vnd: int | None = Field(None, description="Tổng nguồn vốn (đồng)")
    size_class: str = Field(
        ...,
        description="Quy mô theo NĐ 80/2021, chỉ đọc: micro | small | medium | large ('' = chưa đủ số liệu)",
    )
    agency: str
    updated_at: datetime

    resolve_vsic_code = from_attribute("vsic_id")
    resolve_ward_code = from_attribute("ward_id")

    @staticmethod
    def resolve_ward_name(obj) -> str:
        return obj.ward.name if obj.ward_id else ""

    resolve_agency = from_attribute("agency.code")


class EnterpriseFilters(InputSchema):
    q: str = Field("", max_length=200, description="Tìm theo tên, mã số thuế, địa chỉ (không phân biệt dấu)")
    ward_code: str = Field("", max_length=6, pattern=r"^\d*$", description="Mã xã/phường")
    vsic_section: str = Field("", max_length=1, pattern=r"^[A-Ua-u]?$", description="Ngành cấp 1 (A–U)")
    kind: Literal[("", *EnterpriseKind.values)] = ""  # type: ignore[valid-type]
    size_class: Literal[("", "unknown", *SizeClass.values)] = Field(  # type: ignore[valid-type]
        "", description="micro | small | medium | large | unknown (chưa đủ số liệu)"
    )
    order: Literal[ORDERS] = Field(  # type: ignore[valid-type]
        "",
        description="Sắp xếp: name, tax_code, ward, vsic, employees, revenue, size, updated; '-' trước = giảm dần",
    )


class _EnterpriseInput(InputSchema):
    """What every enterprise body checks beyond the field types: a well-formed e-mail address."""

    @field_validator("email", check_fields=False)
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value:
            try:
                validate_email(value)
            except ValidationError:
                raise ValueError(_("Địa chỉ thư điện tử không hợp lệ.")) from None
        return value


class _Profile(_EnterpriseInput):
    short_name: str = Field("", max_length=100)
    address: str = Field("", max_length=255)
    phone: str = Field("", max_length=20)
    email: str = Field("", max_length=254)
    representative: str = Field("", max_length=150)
    bank_account: str = Field(
        "", max_length=30, description="Số tài khoản nhận kinh phí hỗ trợ (6–20 chữ số)"
    )
    bank_name: str = Field("", max_length=150)
    bank_branch: str = Field("", max_length=150)
    year: int | None = Field(None, ge=1990, le=2100, description="Năm của số liệu (mặc định: năm trước)")
    employees: int | None = Field(None, ge=0, le=services.MAX_EMPLOYEES)
    revenue_vnd: int | None = Field(None, ge=0, le=services.MAX_VND)
    capital_vnd: int | None = Field(None, ge=0, le=services.MAX_VND)


class EnterpriseIn(_Profile):
    """Create (POST) or replace (PUT)."""

    tax_code: str = Field(..., min_length=1, max_length=20)
    name: str = Field(..., min_length=1, max_length=255)
    kind: Kind = EnterpriseKind.COMPANY.value  # type: ignore[valid-type]
    vsic_code: str = Field(..., min_length=1, max_length=5)
    ward_code: str = Field(..., min_length=1, max_length=6)


class EnterprisePatch(_EnterpriseInput):
    tax_code: str | None = Field(None, min_length=1, max_length=20)
    name: str | None = Field(None, min_length=1, max_length=255)
    kind: Kind | None = None  # type: ignore[valid-type]
    vsic_code: str | None = Field(None, min_length=1, max_length=5)
    ward_code: str | None = Field(None, min_length=1, max_length=6)
    short_name: str | None = Field(None, max_length=100)
    address: str | None = Field(None, max_length=255)
    phone: str | None = Field(None, max_length=20)
    email: str | None = Field(None, max_length=254)
    representative: str | None = Field(None, max_length=150)
    bank_account: str | None = Field(None, max_length=30)
    bank_name: str | None = Field(None, max_length=150)
    bank_branch: str | None = Field(None, max_length=150)
    year: int | None = Field(None, ge=1990, le=2100)
    employees: int | None = Field(None, ge=0, le=services.MAX_EMPLOYEES)
    revenue_vnd: int | None = Field(None, ge=0, le=services.MAX_VND)
    capital_vnd: int | None = Field(None, ge=0, le=services.MAX_VND)


def _split(data: dict) -> tuple[dict, dict]:
    """API payload → (profile data for the services, figures)."""
    profile = {}
    for key, value in data.items():
        if key in FIGURE_FIELDS:
            continue
        field = {"vsic_code": "vsic", "ward_code": "ward"}.get(key, key)
        profile[field] = (
            "" if value is None and field not in ("vsic", "ward", "tax_code", "name", "kind") else value
        )
    figures = {k: data[k] for k in FIGURE_FIELDS if k in data and data[k] is not None}
    return profile, figures


def _bad_request(exc: ValidationError) -> ApiError:
    detail, errors = django_validation_errors(exc)
    return ApiError(400, detail, {_API_FIELD.get(k, k): v for k, v in errors.items()})


def _write_figures(*, actor, enterprise: Enterprise, figures: dict) -> None:
    if not figures:
        return
    year = figures.get("year") or enterprise.latest_year or timezone.localdate().year - 1
    same_year = year == enterprise.latest_year
    services.set_year_figures(
        actor=actor,
        enterprise=enterprise,
        year=year,
        employees=figures.get("employees", enterprise.employees if same_year else None),
        revenue_vnd=figures.get("revenue_vnd", enterprise.revenue_vnd if same_year else None),
        capital_vnd=figures.get("capital_vnd", enterprise.capital_vnd if same_year else None),
    )


def _editable(request, pk: int) -> Enterprise:
    enterprise = get_object_or_404(selectors.visible_enterprises(request.auth), pk=pk)
    require(can_edit_enterprise(request.auth, enterprise))
    return enterprise


def _fields_for(user) -> tuple[str, ...]:
    return services.SELF_SERVICE_FIELDS if user.role == Role.ENTERPRISE else services.PROFILE_FIELDS


def _reload(request, pk: int) -> Enterprise:
    return selectors.visible_enterprises(request.auth).select_related("ward", "vsic", "agency").get(pk=pk)


@router.get("", response=list[EnterpriseOut], summary="Danh sách doanh nghiệp (list, search, filter)")
@paginated
def list_enterprises(request, filters: Query[EnterpriseFilters]):
    f = filters.dict()
    return selectors.enterprise_list(
        request.auth,
        q=f["q"],
        ward=f["ward_code"] or None,
        vsic_section=f["vsic_section"],
        kind=f["kind"],
        size=f["size_class"],
        order=f["order"],
    ).select_related("agency")


@router.post("", response={201: EnterpriseOut}, summary="Thêm doanh nghiệp (create)")
def create_enterprise(request, payload: EnterpriseIn):
    user = request.auth
    require(can_manage_registry(user))
    profile, figures = _split(payload.dict())
    try:
        with transaction.atomic():
            enterprise = services.create_enterprise(actor=user, agency=user.agency, data=profile)
            _write_figures(actor=user, enterprise=enterprise, figures=figures)
    except ValidationError as exc:
        raise _bad_request(exc) from None
    return Status(201, _reload(request, enterprise.pk))


@router.get("/{int:enterprise_id}", response=EnterpriseOut, summary="Một doanh nghiệp (read)")
def read_enterprise(request, enterprise_id: int):
    return get_object_or_404(
        selectors.visible_enterprises(request.auth).select_related("ward", "vsic", "agency"), pk=enterprise_id
    )


def _update(request, enterprise_id: int, data: dict) -> Enterprise:
    enterprise = _editable(request, enterprise_id)
    profile, figures = _split(data)
    fields = _fields_for(request.auth)
    try:
        with transaction.atomic():
            if profile:
                services.update_enterprise(
                    actor=request.auth, enterprise=enterprise, data=profile, fields=fields
                )
            _write_figures(actor=request.auth, enterprise=enterprise, figures=figures)
    except ValidationError as exc:
        raise _bad_request(exc) from None
    return _reload(request, enterprise.pk)


@router.patch("/{int:enterprise_id}", response=EnterpriseOut, summary="Sửa một phần (partial update)")
def patch_enterprise(request, enterprise_id: int, payload: EnterprisePatch):
    data = payload.dict(exclude_unset=True)
    for required in ("tax_code", "name", "kind", "vsic_code", "ward_code"):
        if required in data and data[required] is None:
            raise ApiError(400, _("Dữ liệu không hợp lệ."), {required: [_("Không được để trống.")]})
    return _update(request, enterprise_id, data)


@router.put("/{int:enterprise_id}", response=EnterpriseOut, summary="Thay toàn bộ hồ sơ (replace)")
def put_enterprise(request, enterprise_id: int, payload: EnterpriseIn):
    data = payload.dict()
    if _fields_for(request.auth) is services.SELF_SERVICE_FIELDS:
        # An enterprise user's PUT may repeat the current tax code and kind, not change them.
        enterprise = _editable(request, enterprise_id)
        for field in ("tax_code", "kind"):
            if data.get(field) == getattr(enterprise, field):
                data.pop(field)
    return _update(request, enterprise_id, data)
