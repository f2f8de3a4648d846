"""The estimate's named rules, and the budget's hooks on the dossier's contract steps, registered on import.

On the estimate (``budget.workflow``): condition ``has_lines``; effects ``clear_appraisal`` and
``estimate_document`` (submit: the estimate numbered in the register, ``budget.document``),
``record_appraisal`` (appraise: Finance's figure and note per line), ``record_budget_decision`` and
``supersede_previous`` (approve). On the dossier (``dossiers.workflow``): ``commit_to_budget`` after the
contract is recorded (sign_contract), ``settle_commitment`` (liquidate: the final amount; terminate: nothing),
``spend_payment`` after the payment is recorded (pay).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.contracts.models import Payment, SupportContract
from nangsuat.core.errors import Conflict
from nangsuat.core.permissions import ALLOW, deny
from nangsuat.documents.services import issue_document
from nangsuat.dossiers import workflow as dossier_workflow

from . import (
    document,
    forms,  # noqa: F401  registers the action forms
    services,
)
from .models import Estimate, EstimateLine, Spending
from .states import State
from .workflow import condition, effect


@condition("has_lines")
def has_lines(estimate):
    if not estimate.lines.exists():
        return deny(_("Dự toán chưa có dòng nào."))
    return ALLOW


@effect("clear_appraisal")
def clear_appraisal(step):
    step.estimate.lines.update(appraised_amount_vnd=None, appraisal_note="")
    step.estimate.appraisal_note = ""
    step.estimate.appraised_on = None


@effect("estimate_document")
def estimate_document(step):
    """The estimate as sent to Finance, numbered in the agency's register and signed by the director."""
    estimate = step.estimate
    data = document.estimate_data(estimate)
    data["signer"] = {"heading": ["GIÁM ĐỐC"], "name": step.actor.full_name}
    estimate.document = issue_document(
        agency=estimate.agency,
        kind=document.ESTIMATE,
        title=f"{estimate.title} (lần {estimate.version})",
        data=data,
        actor=step.actor,
        signer_name=step.actor.full_name,
        signer_title="Giám đốc",
        visible_to_enterprise=False,
    )


@effect("record_appraisal")
def record_appraisal(step):
    """Finance agrees with a line (no figure) or sets its own; every id must be one of the estimate's lines."""
    estimate = step.estimate
    lines = {line.pk: line for line in estimate.lines.all()}
    errors = {}
    for i, item in enumerate(step.payload.get("lines") or []):
        line = lines.get(item.get("id")) if isinstance(item, dict) else None
        if line is None:
            errors[f"lines.{i}.id"] = _("Dòng dự toán không thuộc dự toán này.")
            continue
        amount = item.get("appraised_amount_vnd")
        if amount in (None, ""):
            line.appraised_amount_vnd = None
        elif isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            errors[f"lines.{i}.appraised_amount_vnd"] = _("Số tiền phải là số nguyên đồng, không âm.")
            continue
        else:
            line.appraised_amount_vnd = amount
        line.appraisal_note = str(item.get("note") or "")[:500]
        line.save(update_fields=["appraised_amount_vnd", "appraisal_note"])
    if errors:
        raise ValidationError(errors)
    estimate.appraisal_note = step.note
    estimate.appraised_on = timezone.localdate()


@effect("record_budget_decision")
def record_budget_decision(step):
    payload = step.payload
    missing = {
        k: _("Thiếu thông tin bắt buộc.") for k in ("decision_number", "decision_date") if not payload.get(k)
    }
    if missing:
        raise ValidationError(missing)
    step.estimate.decision_number = payload["decision_number"]
    step.estimate.decision_date = payload["decision_date"]
    if payload.get("decision_file"):
        step.estimate.decision_file = payload["decision_file"]


@effect("supersede_previous")
def supersede_previous(step):
    """The approved version this one adjusts steps aside; what was spent against its lines follows the lines'
    keys to the new version."""
    estimate = step.estimate
    previous = Estimate.objects.filter(agency_id=estimate.agency_id, year=estimate.year, state=State.APPROVED)
    new_lines = {line.key: line for line in estimate.lines.all()}
    for old in previous.exclude(pk=estimate.pk):
        for line in EstimateLine.objects.filter(estimate=old, spendings__isnull=False).distinct():
            if line.key not in new_lines:
                raise Conflict(
                    _("Dòng “%(line)s” đã có khoản chi, không bỏ được trong bản điều chỉnh.")
                    % {"line": line.description}
                )
            Spending.objects.filter(line=line).update(line=new_lines[line.key])
        old.state = State.SUPERSEDED
        old.save(update_fields=["state"])


@dossier_workflow.effect("commit_to_budget")
def commit_to_budget(step):
    contract = SupportContract.objects.get(dossier=step.dossier)
    services.commit_contract(contract=contract, actor=step.actor)


@dossier_workflow.effect("settle_commitment")
def settle_commitment(step):
    contract = SupportContract.objects.filter(dossier=step.dossier).first()
    if contract is None:
        return
    liquidation = getattr(contract, "liquidation", None)
    settled = liquidation.final_amount_vnd if step.transition.action == "liquidate" and liquidation else 0
    services.settle_commitment(contract=contract, actor=step.actor, amount_vnd=settled)


@dossier_workflow.effect("spend_payment")
def spend_payment(step):
    payment = Payment.objects.filter(contract__dossier=step.dossier).first()
    if payment is not None:
        services.pay_contract(payment=payment, actor=step.actor)
