"""``/api/v1/contracts``: support contracts with their steps (the steps are dossier transitions:
``POST /api/v1/dossiers/{id}/transitions`` with the payload keys of ``contracts.forms``) and the
enterprise's progress reports (``POST /api/v1/contracts/{id}/progress-reports``, the page's form).
``POST /api/v1/calls/{id}/city-proposal``: the director proposes dossiers to the city with one Tờ trình.

Visibility: an enterprise user its own enterprises' contracts; officers, directors, finance and city
their agency's; the ministry all — anything else is 404.
"""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from nangsuat.api.errors import ApiError, error_responses
from nangsuat.api.forms import check_json_types, form_errors, form_request_body, read_form_body
from nangsuat.api.pagination import paginated
from nangsuat.api.schemas import Id, InputSchema
from nangsuat.core.roles import Role
from nangsuat.dossiers.states import State

from . import selectors, services
from .forms import ProgressReportForm
from .models import ProgressReport, SupportContract

router = Router(tags=["contracts"])


class ContractOut(Schema):
    id: int
    number: str
    dossier_id: int
    tracking_code: str | None
    state: str = Field(..., description="Trạng thái hồ sơ (dossier state)")
    enterprise_name: str
    content: str
    signed_on: date
    amount_vnd: int
    deadline: date
    deliverables: str


class ReportOut(Schema):
    id: int
    period: str
    text: str
    has_file: bool
    submitted_at: datetime


class ContractDetailOut(ContractOut):
    progress_reports: list[ReportOut]
    completion_requested_at: datetime | None
    self_assessment: str | None
    evidence: list[str]
    acceptance: dict | None = Field(None, description="{rating, passed, minutes_date}")
    liquidation: dict | None = Field(None, description="{final_amount_vnd, liquidated_on}")
    payment: dict | None = Field(None, description="{amount_vnd, paid_on, reference}")
    termination: dict | None = Field(None, description="{reason, terminated_on}")


def _out(c: SupportContract) -> dict:
    d = c.dossier
    return {
        "id": c.pk,
        "number": c.number,
        "dossier_id": d.pk,
        "tracking_code": d.tracking_code,
        "state": d.state,
        "enterprise_name": d.enterprise.name,
        "content": d.content.name,
        "signed_on": c.signed_on,
        "amount_vnd": c.amount_vnd,
        "deadline": c.deadline,
        "deliverables": c.deliverables,
    }


class ContractFilters(InputSchema):
    q: str = Field("", max_length=100, description="Số hợp đồng, mã hồ sơ, tên hoặc MST doanh nghiệp")
    state: Literal[("", *State.values)] = Field("", description="Trạng thái hồ sơ")  # type: ignore[valid-type]
    sort: Literal[("", *selectors.SORTS)] = Field(  # type: ignore[valid-type]
        "", description="signed_on | amount | deadline, '-' để giảm dần"
    )


@router.get("/contracts", response=list[ContractOut], summary="Danh sách hợp đồng hỗ trợ")
@paginated
def list_contracts(request, filters: Query[ContractFilters]):
    return [
        _out(c)
        for c in selectors.contract_list(request.auth, q=filters.q, state=filters.state, sort=filters.sort)
    ]


@router.get("/contracts/{contract_id}", response=ContractDetailOut, summary="Hợp đồng và các bước thực hiện")
def get_contract(request, contract_id: int):
    c = get_object_or_404(selectors.contracts_for(request.auth), pk=contract_id)
    out = _out(c)
    completion = getattr(c, "completion_request", None)
    acceptance, liquidation = getattr(c, "acceptance", None), getattr(c, "liquidation", None)
    payment, termination = getattr(c, "payment", None), getattr(c, "termination", None)
    out.update(
        {
            "progress_reports": [_report_out(r) for r in c.progress_reports.all()],
            "completion_requested_at": completion.requested_at if completion else None,
            "self_assessment": completion.self_assessment if completion else None,
            "evidence": [e.original_name for e in completion.evidence.all()] if completion else [],
            "acceptance": {
                "rating": acceptance.rating,
                "passed": acceptance.passed,
                "minutes_date": acceptance.minutes_date,
            }
            if acceptance
            else None,
            "liquidation": {
                "final_amount_vnd": liquidation.final_amount_vnd,
                "liquidated_on": liquidation.liquidated_on,
            }
            if liquidation
            else None,
            "payment": {
                "amount_vnd": payment.amount_vnd,
                "paid_on": payment.paid_on,
                "reference": payment.reference,
            }
            if payment
            else None,
            "termination": {"reason": termination.reason, "terminated_on": termination.terminated_on}
            if termination
            else None,
        }
    )
    return out


# --- Progress reports --------------------------------------------------------------------------------------


def _report_out(r: ProgressReport) -> dict:
    return {
        "id": r.pk,
        "period": r.period,
        "text": r.text,
        "has_file": bool(r.file),
        "submitted_at": r.submitted_at,
    }


@router.post(
    "/contracts/{contract_id}/progress-reports",
    response={201: ReportOut, **error_responses(400, 403, 404, 409)},
    summary="Gửi báo cáo tiến độ (enterprise; JSON hoặc multipart với tệp)",
    openapi_extra=form_request_body(ProgressReportForm),
)
def add_progress_report(request, contract_id: int):
    """The enterprise reports while the contract runs (contracted, in progress): ``period``, ``text`` and
    an optional ``file`` (PDF, DOCX, XLSX, JPEG or PNG, checked by content) in a multipart form."""
    contract = get_object_or_404(selectors.contracts_for(request.auth), pk=contract_id)
    services.precheck_progress_report(contract=contract, actor=request.auth)
    data, files = read_form_body(request)
    check_json_types(ProgressReportForm, data, files)
    form = ProgressReportForm(data, files)
    if not form.is_valid():
        raise ValidationError(form_errors(form))
    report = services.add_progress_report(contract=contract, actor=request.auth, **form.cleaned_data)
    return Status(201, _report_out(report))


# --- The city list --------------------------------------------------------------------------------------


class CityProposalIn(InputSchema):
    dossiers: list[Id] = Field(
        ..., min_length=1, max_length=500, description="Mã số (id) các hồ sơ được trình"
    )


class CityProposalOut(Schema):
    proposed: list[int] = Field(..., description="Hồ sơ đã trình, theo thứ tự xếp hạng")
    refused: list[str] = Field(..., description="Hồ sơ không trình được, kèm lý do")
    document_id: int
    document_number: str = Field(..., description="Số Tờ trình, ví dụ 03/TTr-SKHCN")


@router.post(
    "/calls/{call_id}/city-proposal",
    response=CityProposalOut,
    summary="Trình UBND thành phố danh sách hồ sơ (ký một Tờ trình)",
)
def propose_to_city(request, call_id: int, body: CityProposalIn):
    """The director's step of the city list: the dossiers are proposed best ranked first, within the
    call's budget, and one Tờ trình lists them. 409 when none of them could be proposed."""
    call = get_object_or_404(selectors.city_calls(request.auth), pk=call_id)
    if not (request.auth.has_role(Role.DIRECTOR) and request.auth.agency_id == call.agency_id):
        raise PermissionDenied(_("Chỉ Giám đốc Sở được trình UBND thành phố."))
    done, refused, document = services.propose_to_city(
        call=call, dossier_ids=set(body.dossiers), actor=request.auth
    )
    if document is None:
        raise ApiError(
            409,
            _("Không có hồ sơ nào được trình."),
            errors={
                "dossiers": refused
                or [_("Các hồ sơ đã chọn không ở trạng thái được đề xuất hỗ trợ của đợt này.")]
            },
        )
    return {
        "proposed": [d.pk for d in done],
        "refused": refused,
        "document_id": document.pk,
        "document_number": document.number,
    }
