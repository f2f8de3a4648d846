"""``/api/v1/budget``: the estimates with their lines, their steps (``POST …/{id}/transitions`` with
``{"action", "note", ...}``: ``appraise`` takes ``lines: [{id, appraised_amount_vnd, note}]``, ``approve``
takes ``decision_number`` and ``decision_date``), their history, their files (``…/document/{fmt}``: the
estimate; ``…/appraisal/{fmt}``: Finance's appraisal once made; ``fmt`` docx or xlsx), the year's
balances, and the enterprises' counterpart funds per dossier (``/counterpart-funds?year=``, ``GET`` and
``PUT /counterpart-funds/{dossier_id}`` with ``{"amount_vnd", "note"}``).

Visibility: the Department and Finance of the agency (Finance once the estimate is sent to it); anything
else, an enterprise included, is 404. The counterpart funds: the Department, Finance and administrators read
their agency's, an enterprise its own dossiers' (another's is 404); only the Department's officer records
them (the other readers 403; another agency's dossier 404; a dossier not yet approved for support 409).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from nangsuat.api.errors import error_responses
from nangsuat.api.forms import read_form_body
from nangsuat.api.schemas import InputSchema
from nangsuat.core.errors import Forbidden
from nangsuat.core.roles import Role
from nangsuat.dossiers.models import Dossier

from . import counterpart, selectors, services
from .balances import approved_estimate, line_balances, totals
from .downloads import appraisal_file, estimate_file
from .forms import LineForm
from .models import Estimate
from .states import Task

router = Router(tags=["budget"])


class LineOut(Schema):
    id: int
    key: int
    task: str
    content: str | None
    description: str
    unit: str
    quantity: int
    norm_vnd: int
    amount_vnd: int
    appraised_amount_vnd: int | None
    appraisal_note: str
    justification: str
    plan_section: str


class EstimateOut(Schema):
    id: int
    year: int
    version: int
    title: str
    state: str
    opened_on: date
    total_vnd: int
    decision_number: str
    decision_date: date | None


class EstimateDetailOut(EstimateOut):
    appraisal_note: str
    lines: list[LineOut]


class EstimateIn(InputSchema):
    year: int = Field(..., ge=2000, le=2100)
    title: str = Field("", max_length=255)


class LineIn(InputSchema):
    task: Task
    content_id: int | None = None
    description: str = Field(..., min_length=1, max_length=255)
    unit: str = Field("", max_length=60)
    quantity: int = Field(..., ge=1, le=1_000_000)
    norm_vnd: int | None = Field(None, ge=0, le=10**13)
    justification: str = ""
    plan_section: str = Field("", max_length=60)


class HistoryOut(Schema):
    at: datetime
    action: str
    from_state: str
    to_state: str
    actor: str
    note: str


class BalanceOut(Schema):
    line_id: int
    description: str
    task: str
    content: str | None
    planned_vnd: int
    approved_vnd: int
    committed_vnd: int
    paid_vnd: int
    remaining_vnd: int


class BalancesOut(Schema):
    year: int
    estimate_id: int | None
    lines: list[BalanceOut]
    totals: dict[str, int]
    counterpart: dict[str, int] = Field(
        ..., description="support_vnd, counterpart_vnd, total_vnd of the year's supported dossiers"
    )


class CounterpartOut(Schema):
    dossier_id: int
    tracking_code: str | None
    enterprise: str
    content: str
    state: str
    support_vnd: int
    counterpart_vnd: int
    total_vnd: int
    recorded: bool
    note: str


class CounterpartsOut(Schema):
    year: int
    funds: list[CounterpartOut]
    totals: dict[str, int]


class CounterpartIn(InputSchema):
    amount_vnd: int = Field(..., ge=0, le=10**13, description="Vốn đối ứng, số nguyên đồng")
    note: str = Field("", max_length=300)


class YearQuery(InputSchema):
    year: int | None = Field(None, ge=2000, le=2100, description="Năm; mặc định năm nay")


def _reader(request) -> None:
    if not selectors.can_read_budget(request.auth):
        raise Http404


def _out(e: Estimate) -> dict:
    return {
        "id": e.pk,
        "year": e.year,
        "version": e.version,
        "title": e.title,
        "state": e.state,
        "opened_on": e.opened_on,
        "total_vnd": sum(line.amount_vnd for line in e.lines.all()),
        "decision_number": e.decision_number,
        "decision_date": e.decision_date,
    }


def _detail(e: Estimate) -> dict:
    out = _out(e)
    out["appraisal_note"] = e.appraisal_note
    out["lines"] = [
        {
            **{f: getattr(line, f) for f in LineOut.model_fields if f not in ("id", "content")},
            "id": line.pk,
            "content": str(line.content) if line.content_id else None,
        }
        for line in e.lines.select_related("content")
    ]
    return out


@router.get("/estimates", response=list[EstimateOut], summary="Danh sách dự toán")
def list_estimates(request):
    _reader(request)
    return [_out(e) for e in selectors.visible_estimates(request.auth).prefetch_related("lines")]


@router.post(
    "/estimates",
    response={201: EstimateDetailOut, **error_responses(400, 403, 404, 409)},
    summary="Lập dự toán của một năm",
)
def create_estimate(request, body: EstimateIn):
    _reader(request)
    estimate = services.create_estimate(
        agency=request.auth.agency, year=body.year, actor=request.auth, title=body.title
    )
    return Status(201, _detail(estimate))


@router.get("/estimates/{estimate_id}", response=EstimateDetailOut, summary="Dự toán và các dòng")
def get_estimate(request, estimate_id: int):
    _reader(request)
    return _detail(selectors.estimate_for(request.auth, estimate_id))


@router.post(
    "/estimates/{estimate_id}/lines",
    response={201: LineOut, **error_responses(400, 403, 404, 409)},
    summary="Thêm dòng dự toán",
)
def add_line(request, estimate_id: int, body: LineIn):
    _reader(request)
    estimate = selectors.estimate_for(request.auth, estimate_id)
    data = body.model_dump()
    data["content"] = data.pop("content_id")
    form = LineForm(data={k: v for k, v in data.items() if v is not None})
    if not form.is_valid():
        raise ValidationError({k: [str(m) for m in v] for k, v in form.errors.items()})
    line = services.save_line(estimate=estimate, actor=request.auth, data=form.cleaned_data)
    out = {f: getattr(line, f) for f in LineOut.model_fields if f not in ("id", "content")}
    return Status(201, {**out, "id": line.pk, "content": str(line.content) if line.content_id else None})


@router.post(
    "/estimates/{estimate_id}/transitions",
    response={200: EstimateDetailOut, **error_responses(400, 403, 404, 409)},
    summary="Chuyển bước dự toán: submit, appraise, return, send_to_city, approve",
)
def transition(request, estimate_id: int):
    _reader(request)
    estimate = selectors.estimate_for(request.auth, estimate_id)
    data, files = read_form_body(request)
    if not isinstance(data, dict) or not isinstance(data.get("action", ""), str):
        raise ValidationError({"action": "Thiếu thao tác."})
    note = data.get("note") or ""
    if not isinstance(note, str):
        raise ValidationError({"note": "Ghi chú phải là văn bản."})
    services.act(
        estimate=estimate,
        action=data.get("action", ""),
        actor=request.auth,
        note=note,
        data=data,
        files=files,
    )
    return _detail(selectors.estimate_for(request.auth, estimate_id))


@router.get("/estimates/{estimate_id}/history", response=list[HistoryOut], summary="Lịch sử dự toán")
def estimate_history(request, estimate_id: int):
    _reader(request)
    estimate = selectors.estimate_for(request.auth, estimate_id)
    return [
        {
            "at": e.created_at,
            "action": e.action,
            "from_state": e.from_state,
            "to_state": e.to_state,
            "actor": str(e.actor) if e.actor else "",
            "note": e.note,
        }
        for e in selectors.estimate_history(estimate)
    ]


@router.get(
    "/estimates/{estimate_id}/document/{fmt}",
    response={200: None, **error_responses(404)},
    summary="Tệp dự toán (docx hoặc xlsx)",
)
def estimate_document(request, estimate_id: int, fmt: Literal["docx", "xlsx"]):
    _reader(request)
    return estimate_file(selectors.estimate_for(request.auth, estimate_id), fmt)


@router.get(
    "/estimates/{estimate_id}/appraisal/{fmt}",
    response={200: None, **error_responses(404)},
    summary="Kết quả thẩm định của Sở Tài chính (docx hoặc xlsx)",
)
def appraisal_document(request, estimate_id: int, fmt: Literal["docx", "xlsx"]):
    _reader(request)
    return appraisal_file(selectors.estimate_for(request.auth, estimate_id), fmt)


@router.get(
    "/balances", response=BalancesOut, summary="Kinh phí theo dòng của năm: duyệt, cam kết, đã chi, còn lại"
)
def balances(request, query: Query[YearQuery]):
    _reader(request)
    user = request.auth
    year = query.year or timezone.localdate().year
    estimate = approved_estimate(user.agency_id, year) if user.agency_id else None
    rows = line_balances(estimate) if estimate else []
    return {
        "year": year,
        "estimate_id": estimate.pk if estimate else None,
        "lines": [
            {
                "line_id": b.line.pk,
                "description": b.line.description,
                "task": b.line.task,
                "content": str(b.line.content) if b.line.content_id else None,
                "planned_vnd": b.planned_vnd,
                "approved_vnd": b.approved_vnd,
                "committed_vnd": b.committed_vnd,
                "paid_vnd": b.paid_vnd,
                "remaining_vnd": b.remaining_vnd,
            }
            for b in rows
        ],
        "totals": totals(rows) if rows else {},
        "counterpart": counterpart.agency_year_totals(user.agency_id, year)
        if user.agency_id
        else counterpart.totals([]),
    }


def _counterpart_out(row: counterpart.CounterpartRow) -> dict:
    d = row.dossier
    return {
        "dossier_id": d.pk,
        "tracking_code": d.tracking_code,
        "enterprise": d.enterprise.name,
        "content": str(d.content),
        "state": d.state,
        "support_vnd": row.support_vnd,
        "counterpart_vnd": row.counterpart_vnd,
        "total_vnd": row.total_vnd,
        "recorded": row.fund is not None,
        "note": row.note,
    }


def _counterpart_reader(request) -> None:
    if not counterpart.can_read(request.auth):
        raise Http404


@router.get(
    "/counterpart-funds",
    response={200: CounterpartsOut, **error_responses(404)},
    summary="Vốn đối ứng của doanh nghiệp theo hồ sơ được hỗ trợ trong năm",
)
def counterpart_funds(request, query: Query[YearQuery]):
    _counterpart_reader(request)
    year = query.year or timezone.localdate().year
    rows = counterpart.year_rows(request.auth, year)
    return {"year": year, "funds": [_counterpart_out(r) for r in rows], "totals": counterpart.totals(rows)}


@router.get(
    "/counterpart-funds/{dossier_id}",
    response={200: CounterpartOut, **error_responses(404)},
    summary="Vốn đối ứng của một hồ sơ",
)
def counterpart_fund(request, dossier_id: int):
    _counterpart_reader(request)
    return _counterpart_out(counterpart.row_for(request.auth, dossier_id))


@router.put(
    "/counterpart-funds/{dossier_id}",
    response={200: CounterpartOut, **error_responses(400, 403, 404, 409)},
    summary="Ghi nhận vốn đối ứng của một hồ sơ (chuyên viên Sở KH&CN)",
)
def put_counterpart_fund(request, dossier_id: int, body: CounterpartIn):
    _counterpart_reader(request)
    user = request.auth
    if user.role == Role.ENTERPRISE:
        counterpart.row_for(user, dossier_id)  # another enterprise's dossier: 404
        raise Forbidden(_("Chỉ chuyên viên Sở KH&CN ghi nhận vốn đối ứng."))
    dossier = Dossier.objects.filter(pk=dossier_id, agency_id=user.agency_id).first()
    if dossier is None or user.agency_id is None:
        raise Http404
    services.record_counterpart_fund(dossier=dossier, actor=user, amount_vnd=body.amount_vnd, note=body.note)
    return _counterpart_out(counterpart.row_for(user, dossier_id))
