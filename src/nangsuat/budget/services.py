"""Writes of the budget: one function, one transaction, one audit entry; refusals from ``core.errors``."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.audit import record_audit
from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.formatting import format_vnd
from nangsuat.core.roles import DEPARTMENT, Role
from nangsuat.core.text import nfc

from . import balances, counterpart, norms
from .models import CommitmentOverride, CounterpartFund, Estimate, EstimateLine, Spending
from .states import EDITABLE, SpendingKind, State, Task
from .workflow import WORKFLOW

MAX_VND = 10**13  # ten thousand billion đồng: beyond any dossier of the programme

if TYPE_CHECKING:
    from nangsuat.contracts.models import Payment, SupportContract
    from nangsuat.core.models import Agency, User
    from nangsuat.dossiers.models import Dossier


def _department(actor: User, agency_id: int) -> None:
    if not actor.has_role(*DEPARTMENT) or actor.agency_id != agency_id:
        raise Forbidden(_("Chỉ Sở KH&CN của đơn vị lập và chỉnh sửa dự toán."))


@transaction.atomic
def create_estimate(*, agency: Agency, year: int, actor: User, title: str = "") -> Estimate:
    """The year's first estimate; a later change is an adjustment (:func:`create_adjustment`)."""
    _department(actor, agency.pk)
    if Estimate.objects.filter(agency=agency, year=year).exists():
        raise Conflict(_("Đã có dự toán năm %(year)s; hãy lập dự toán điều chỉnh.") % {"year": year})
    estimate = Estimate.objects.create(
        agency=agency,
        year=year,
        version=1,
        title=nfc(title) or _("Dự toán kinh phí Chương trình năm %(year)s") % {"year": year},
        opened_on=timezone.localdate(),
        created_by=actor,
    )
    record_audit(actor=actor, action="estimate.created", target=estimate, to_state=estimate.state)
    return estimate


@transaction.atomic
def create_adjustment(*, estimate: Estimate, actor: User) -> Estimate:
    """A new version of an approved estimate, carrying its lines (at their approved figures) and their keys."""
    _department(actor, estimate.agency_id)
    if estimate.state != State.APPROVED:
        raise Conflict(_("Chỉ điều chỉnh được dự toán đã phê duyệt."))
    if Estimate.objects.filter(based_on=estimate).exclude(state=State.SUPERSEDED).exists():
        raise Conflict(_("Dự toán này đang có một bản điều chỉnh chưa phê duyệt."))
    last = Estimate.objects.filter(agency_id=estimate.agency_id, year=estimate.year).aggregate(
        v=Max("version")
    )
    adjustment = Estimate.objects.create(
        agency_id=estimate.agency_id,
        year=estimate.year,
        version=(last["v"] or 1) + 1,
        based_on=estimate,
        title=_("Dự toán điều chỉnh kinh phí Chương trình năm %(year)s") % {"year": estimate.year},
        opened_on=timezone.localdate(),
        created_by=actor,
    )
    for line in estimate.lines.all():
        approved = line.approved_vnd
        EstimateLine.objects.create(
            estimate=adjustment,
            key=line.key,
            task=line.task,
            content_id=line.content_id,
            description=line.description,
            unit=line.unit,
            quantity=1 if approved != line.amount_vnd else line.quantity,
            norm=line.norm,
            norm_vnd=approved if approved != line.amount_vnd else line.norm_vnd,
            amount_vnd=approved,
            justification=line.justification,
            plan_section=line.plan_section,
        )
    record_audit(
        actor=actor,
        action="estimate.adjusted",
        target=adjustment,
        to_state=adjustment.state,
        data={"based_on": estimate.pk},
    )
    return adjustment


LINE_FIELDS = (
    "task",
    "content",
    "description",
    "unit",
    "quantity",
    "norm_vnd",
    "justification",
    "plan_section",
)


@transaction.atomic
def save_line(
    *, estimate: Estimate, actor: User, data: dict[str, Any], line: EstimateLine | None = None
) -> EstimateLine:
    """Add or change a line: quantity × norm = amount. Without a norm given, the norm in force on the day the
    estimate was opened applies."""
    _department(actor, estimate.agency_id)
    estimate = Estimate.objects.select_for_update().get(pk=estimate.pk)
    if estimate.state not in EDITABLE:
        raise Conflict(
            _("Dự toán đang ở trạng thái “%(state)s”, không sửa được.")
            % {"state": estimate.get_state_display()}
        )
    task = data["task"]
    content = data.get("content")
    if task == Task.SUPPORT and content is None:
        raise ValidationError({"content": _("Dòng hỗ trợ doanh nghiệp cần nội dung hỗ trợ.")})
    norm = norms.norm_for_line(
        agency_id=estimate.agency_id,
        task=task,
        on=estimate.opened_on,
        content_id=getattr(content, "pk", None),
    )
    norm_vnd = data.get("norm_vnd")
    if norm_vnd is None:
        if norm is None:
            raise ValidationError({"norm_vnd": _("Chưa có định mức áp dụng; vui lòng nhập định mức.")})
        norm_vnd = norms.per_unit_vnd(norm)
    if line is None:
        last = estimate.lines.aggregate(k=Max("key"))["k"] or 0
        line = EstimateLine(estimate=estimate, key=last + 1)
    line.task = task
    line.content = content if task == Task.SUPPORT else None
    line.description = nfc(data["description"])
    line.unit = nfc(data.get("unit") or "")
    line.quantity = int(data["quantity"])
    line.norm = norm
    line.norm_vnd = int(norm_vnd)
    line.amount_vnd = line.quantity * line.norm_vnd
    line.justification = nfc(data.get("justification") or "")
    line.plan_section = nfc(data.get("plan_section") or "")
    line.save()
    record_audit(
        actor=actor,
        action="estimate.line_saved",
        target=estimate,
        data={"key": line.key, "amount_vnd": line.amount_vnd},
    )
    return line


@transaction.atomic
def delete_line(*, line: EstimateLine, actor: User) -> None:
    estimate = Estimate.objects.select_for_update().get(pk=line.estimate_id)
    _department(actor, estimate.agency_id)
    if estimate.state not in EDITABLE:
        raise Conflict(
            _("Dự toán đang ở trạng thái “%(state)s”, không sửa được.")
            % {"state": estimate.get_state_display()}
        )
    record_audit(actor=actor, action="estimate.line_deleted", target=estimate, data={"key": line.key})
    line.delete()


def act(
    *, estimate: Estimate, action: str, actor: User, note: str = "", data=None, files=None, payload=None
) -> Estimate:
    """The one door for a step of the estimate: refuses early (403 role or scope, 409 state), cleans the
    action's fields (400), then performs it under the lock (``core.workflow``)."""
    transition = WORKFLOW.by_action.get(action)
    if transition is None:
        raise ValidationError({"action": _("Thao tác “%(action)s” không tồn tại.") % {"action": action}})
    decision = WORKFLOW.may_act(actor, estimate, transition)
    if not decision:
        raise Forbidden(decision.reason)
    decision = WORKFLOW.check_conditions(estimate, transition)
    if not decision:
        raise Conflict(decision.reason)
    if payload is None:
        payload = WORKFLOW.clean_payload(action, data, files)
    return WORKFLOW.perform(estimate, action=action, actor=actor, note=note, payload=payload)


# --- Money against the budget ------------------------------------------------------------------------


def line_for_dossier(dossier: Dossier) -> EstimateLine | None:
    """The approved budget's support line for a dossier's content, in its call's year."""
    estimate = balances.approved_estimate(dossier.agency_id, dossier.call.year)
    if estimate is None:
        return None
    lines = estimate.lines.filter(task=Task.SUPPORT)
    return (
        lines.filter(content_id=dossier.content_id).order_by("key").first()
        or lines.filter(content__isnull=True).first()
    )


def commit_contract(*, contract: SupportContract, actor: User) -> Spending | None:
    """A signed contract commits its amount against its line (409 beyond the balance unless the director
    allowed it). Without an approved budget for the year there is nothing to commit against yet."""
    dossier = contract.dossier
    estimate = balances.approved_estimate(dossier.agency_id, dossier.call.year)
    if estimate is None:
        return None
    line = line_for_dossier(dossier)
    if line is None:
        raise Conflict(
            _("Dự toán năm %(year)s không có dòng cho nội dung “%(content)s”.")
            % {"year": dossier.call.year, "content": dossier.content}
        )
    EstimateLine.objects.select_for_update().filter(pk=line.pk).first()  # one commitment per line at a time
    balance = balances.balance_of(line)
    override = CommitmentOverride.objects.filter(dossier=dossier).first()
    if contract.amount_vnd > balance and override is None:
        raise Conflict(
            _("Kinh phí hợp đồng %(amount)s vượt số dư của dòng dự toán “%(line)s” (%(balance)s).")
            % {
                "amount": format_vnd(contract.amount_vnd),
                "line": line.description,
                "balance": format_vnd(balance),
            }
        )
    spending = Spending.objects.create(
        agency_id=dossier.agency_id,
        line=line,
        kind=SpendingKind.CONTRACT,
        amount_vnd=contract.amount_vnd,
        contract=contract,
        recorded_on=contract.signed_on,
        created_by=actor,
        override_reason=override.reason if override and contract.amount_vnd > balance else "",
    )
    record_audit(
        actor=actor,
        action="budget.committed",
        target=line.estimate,
        data={
            "line": line.key,
            "amount_vnd": contract.amount_vnd,
            "contract": contract.pk,
            "override": bool(spending.override_reason),
        },
    )
    return spending


def pay_contract(*, payment: Payment, actor: User) -> Spending | None:
    """A payment is spent on the line its contract committed against."""
    commitment = Spending.objects.filter(contract_id=payment.contract_id, kind=SpendingKind.CONTRACT).first()
    if commitment is None:
        return None
    spending = Spending.objects.create(
        agency_id=commitment.agency_id,
        line=commitment.line,
        kind=SpendingKind.PAYMENT,
        amount_vnd=payment.amount_vnd,
        payment=payment,
        contract_id=payment.contract_id,
        recorded_on=payment.paid_on,
        created_by=actor,
    )
    record_audit(
        actor=actor,
        action="budget.paid",
        target=commitment.line.estimate,
        data={"line": commitment.line.key, "amount_vnd": payment.amount_vnd},
    )
    return spending


def settle_commitment(*, contract: SupportContract, actor: User, amount_vnd: int) -> Spending | None:
    """A liquidated contract commits its final amount, a terminated one what was paid (nothing): the rest
    returns to its line's balance."""
    commitment = Spending.objects.filter(contract=contract, kind=SpendingKind.CONTRACT).first()
    if commitment is None or commitment.amount_vnd == amount_vnd:
        return commitment
    record_audit(
        actor=actor,
        action="budget.settled",
        target=commitment.line.estimate,
        data={"line": commitment.line.key, "from_vnd": commitment.amount_vnd, "to_vnd": amount_vnd},
    )
    commitment.amount_vnd = amount_vnd
    commitment.save(update_fields=["amount_vnd"])
    return commitment


@transaction.atomic
def allow_overrun(*, dossier: Dossier, director: User, reason: str) -> CommitmentOverride:
    """The director lets a dossier's contract commit beyond its line's balance, with a reason."""
    if director.role != Role.DIRECTOR or director.agency_id != dossier.agency_id:
        raise Forbidden(_("Chỉ Lãnh đạo Sở cho phép vượt số dư dự toán."))
    reason = nfc(reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Vui lòng ghi rõ lý do.")})
    override, _created = CommitmentOverride.objects.update_or_create(
        dossier=dossier, defaults={"agency_id": dossier.agency_id, "reason": reason, "decided_by": director}
    )
    record_audit(actor=director, action="budget.overrun_allowed", target=dossier, note=reason)
    return override


@transaction.atomic
def spend_on_activity(
    *, line: EstimateLine, actor: User, course=None, event=None, amount_vnd: int | None = None
) -> Spending:
    """A course's or an event's cost, spent on a line of the approved budget (409 beyond its balance)."""
    if not actor.has_role(*DEPARTMENT) or actor.agency_id != line.estimate.agency_id:
        raise Forbidden(_("Chỉ Sở KH&CN của đơn vị ghi nhận khoản chi."))
    if line.estimate.state != State.APPROVED:
        raise Conflict(_("Chỉ chi theo dự toán đã phê duyệt."))
    record = course or event
    amount = amount_vnd if amount_vnd is not None else (record.cost_vnd or 0)
    EstimateLine.objects.select_for_update().filter(pk=line.pk).first()
    if amount > balances.balance_of(line):
        raise Conflict(
            _("Khoản chi %(amount)s vượt số dư của dòng dự toán.") % {"amount": format_vnd(amount)}
        )
    spending = Spending.objects.create(
        agency_id=line.estimate.agency_id,
        line=line,
        amount_vnd=amount,
        created_by=actor,
        kind=SpendingKind.COURSE if course else SpendingKind.EVENT,
        course=course,
        event=event,
        recorded_on=getattr(record, "starts_on", None)
        or getattr(record, "held_on", None)
        or datetime.date.today(),
    )
    record_audit(
        actor=actor,
        action="budget.spent",
        target=line.estimate,
        data={"line": line.key, "amount_vnd": amount},
    )
    return spending


@transaction.atomic
def record_counterpart_fund(
    *, dossier: Dossier, actor: User, amount_vnd: int, note: str = ""
) -> CounterpartFund:
    """The enterprise's own funds in a supported dossier, recorded or changed by the Department's officer."""
    if actor.role != Role.OFFICER or actor.agency_id != dossier.agency_id:
        raise Forbidden(_("Chỉ chuyên viên Sở KH&CN của đơn vị ghi nhận vốn đối ứng."))
    if dossier.state not in counterpart.SUPPORTED:
        raise Conflict(
            _(
                "Hồ sơ đang ở trạng thái “%(state)s”; chỉ ghi nhận vốn đối ứng khi hồ sơ đã được phê duyệt hỗ trợ."
            )
            % {"state": dossier.get_state_display()}
        )
    if isinstance(amount_vnd, bool) or not isinstance(amount_vnd, int):
        raise ValidationError({"amount_vnd": _("Số tiền phải là số nguyên đồng.")})
    if amount_vnd < 0:
        raise ValidationError({"amount_vnd": _("Số tiền không được âm.")})
    if amount_vnd > MAX_VND:
        raise ValidationError({"amount_vnd": _("Số tiền quá lớn.")})
    note = nfc(note or "").strip()
    if len(note) > 300:
        raise ValidationError({"note": _("Ghi chú tối đa 300 ký tự.")})
    existing = CounterpartFund.objects.select_for_update().filter(dossier=dossier).first()
    from_vnd = existing.amount_vnd if existing is not None else None
    fund, _created = CounterpartFund.objects.update_or_create(
        dossier=dossier,
        defaults={"agency_id": dossier.agency_id, "amount_vnd": amount_vnd, "note": note},
    )
    record_audit(
        actor=actor,
        action="budget.counterpart_recorded",
        target=dossier,
        note=note,
        data={"amount_vnd": amount_vnd, "from_vnd": from_vnd},
    )
    return fund
