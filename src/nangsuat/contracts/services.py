"""Writes from the city list to the payment. The workflow effects (``contracts.effects``) call these
inside ``workflow.perform``'s transaction; progress reports are written here directly; the city list's
steps on several dossiers at once go through ``dossier_services.act`` for each.

Rules: the contract's amount never above ``CallContent.max_support_for(total cost)`` (the support rate
of the cost or the ceiling, whichever is lower) nor above the support the city approved; the liquidated
amount never above the contract's; the payment equals the liquidated amount; the sum of the amounts
proposed in a call never above the call's budget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.audit import record_audit
from nangsuat.core.calendar import add_working_days
from nangsuat.core.errors import Conflict, Forbidden, Refusal
from nangsuat.core.formatting import format_points, format_vnd
from nangsuat.core.refusals import message_of
from nangsuat.documents import context as ctx
from nangsuat.documents.models import Document, DocumentKind
from nangsuat.documents.services import issue_document
from nangsuat.dossiers.models import Call, Dossier
from nangsuat.dossiers.registration import call_content_for
from nangsuat.dossiers.services import dossiers as dossier_services
from nangsuat.registry.permissions import is_enterprise_member

from . import amounts
from .amounts import approved_support, proposed_support
from .models import (
    Acceptance,
    Assignment,
    CitySubmission,
    CompletionEvidence,
    CompletionRequest,
    Liquidation,
    Payment,
    ProgressReport,
    ProposedDossier,
    SupportContract,
    Termination,
)
from .selectors import city_rows
from .states import REPORTING_STATES

if TYPE_CHECKING:
    from nangsuat.core.models import User


# --- The city list -------------------------------------------------------------------------------------


def _council_rank(dossier: Dossier) -> tuple:
    result = getattr(dossier, "council_result", None)
    rank = result.rank if result is not None and result.rank is not None else 10_000
    return (rank, dossier.submitted_at or timezone.now(), dossier.pk)


def add_to_city_submission(*, dossier: Dossier, actor: User) -> ProposedDossier:
    """Put the dossier on its call's city list and renumber the list in the council's rank order."""
    submission, _created = CitySubmission.objects.get_or_create(
        call=dossier.call, defaults={"agency_id": dossier.agency_id, "created_by": actor}
    )
    item, _created = ProposedDossier.objects.update_or_create(
        dossier=dossier,
        defaults={
            "submission": submission,
            "rank": 0,
            "support_vnd": proposed_support(dossier),
            "proposed_by": actor,
        },
    )
    items = list(submission.items.select_related("dossier__council_result"))
    items.sort(key=lambda i: _council_rank(i.dossier))
    for rank, it in enumerate(items, start=1):
        if it.rank != rank:
            it.rank = rank
            it.save(update_fields=["rank"])
    submission.save(update_fields=["updated_at"])
    item.refresh_from_db()
    return item


def _act_on_each(
    steps: Iterable[tuple[Dossier, str, str, dict[str, Any]]], *, actor: User
) -> tuple[list[Dossier], list[str]]:
    """Take each (dossier, action, note, payload) step in turn: a dossier refused by its own step leaves
    the others done. Returns (dossiers done, refusals as text)."""
    done: list[Dossier] = []
    refused: list[str] = []
    for dossier, action, note, payload in steps:
        try:
            dossier_services.act(dossier=dossier, action=action, actor=actor, note=note, payload=payload)
            done.append(dossier)
        except (Refusal, ValidationError) as exc:
            refused.append(f"{dossier}: {message_of(exc)}")
    return done, refused


# The payload key ``propose_to_city`` gives each of its steps, so the ``city_proposal`` effect leaves the
# Tờ trình to it: one for all the dossiers. (The API's transitions endpoint cannot send this key: its
# payload is cleaned by the action's form.)
IN_ONE_PROPOSAL = "in_one_proposal"


def propose_to_city(
    *, call: Call, dossier_ids: set[int], actor: User
) -> tuple[list[Dossier], list[str], Document | None]:
    """The director sends the ticked dossiers to the city, best ranked first so the budget goes to them,
    and signs one Tờ trình listing them. Returns (dossiers proposed, refusals as text, the Tờ trình or
    None when nothing was proposed). One transaction: the proposals and their Tờ trình stand or fall
    together, and a dossier refused by its own step leaves the others proposed."""
    with transaction.atomic():
        steps = [
            (row.dossier, "propose", "", {IN_ONE_PROPOSAL: True})
            for row in city_rows(call)
            if not row.proposed and row.dossier.pk in dossier_ids
        ]
        done, refused = _act_on_each(steps, actor=actor)
        document = issue_city_proposal(call=call, dossiers=done, actor=actor) if done else None
    return done, refused, document


def issue_city_proposal(*, call: Call, dossiers: list[Dossier], actor: User) -> Document:
    """Sign the Tờ trình that proposes ``dossiers`` (already on the city list) to the city, and link
    each of them to it, so it shows on their timelines."""
    items = ProposedDossier.objects.filter(dossier__in=dossiers).select_related(
        "dossier__enterprise", "dossier__content", "dossier__council_result"
    )
    lines, total = [], 0
    for n, item in enumerate(sorted(items, key=lambda i: i.rank), 1):
        dossier, total = item.dossier, total + item.support_vnd
        result = getattr(dossier, "council_result", None)
        score = format_points(result.total_mean if result else None)
        lines.append(
            [
                str(n),
                f"{dossier.enterprise.name} ({dossier.enterprise.tax_code})",
                str(dossier.content),
                score,
                format_vnd(item.support_vnd, ""),
            ]
        )
    earlier = amounts.committed_total(call, exclude=[d.pk for d in dossiers])
    council = call.councils.order_by("-id").first()
    signer = ctx.signer_for(call.agency, actor)
    document = issue_document(
        agency=call.agency,
        kind=DocumentKind.CITY_PROPOSAL,
        title=f"Tờ trình đề nghị phê duyệt danh sách doanh nghiệp được hỗ trợ — {call}",
        data={
            "year": call.year,
            "call": str(call),
            "addressee": call.agency.parent_body,
            "council": str(council) if council else "",
            "count": len(lines),
            "rows": lines,
            "total_vnd": total,
            "total_text": format_vnd(total, ""),
            "earlier_vnd": earlier,
            "list_total_vnd": earlier + total,
            "budget_vnd": call.budget_vnd,
            "signer": signer,
        },
        actor=actor,
        signer_name=signer.get("name", ""),
        signer_title=signer.get("title", ""),
        visible_to_enterprise=False,
    )
    ProposedDossier.objects.filter(pk__in=[i.pk for i in items]).update(proposal=document)
    return document


def record_city_decision(
    *, dossier: Dossier, actor: User, approved: bool, payload: dict[str, Any]
) -> ProposedDossier:
    item = ProposedDossier.objects.filter(dossier=dossier).first()
    if item is None:
        raise Conflict(_("Hồ sơ chưa có trong tờ trình UBND thành phố."))
    item.decision = ProposedDossier.Decision.APPROVED if approved else ProposedDossier.Decision.NOT_APPROVED
    item.decision_number = payload["decision_number"]
    item.decision_date = payload["decision_date"]
    if payload.get("decision_file"):
        item.decision_file = payload["decision_file"]
    item.decision_recorded_by = actor
    item.decision_recorded_at = timezone.now()
    item.save()
    return item


def record_city_decisions(
    *, decisions: list[tuple[Dossier, str, str]], actor: User, payload: dict[str, Any]
) -> tuple[list[Dossier], list[str]]:
    """The officer records the city's decision, one number, date and file for all, on each
    (dossier, ``approve`` or ``not_approve``, reason). Returns (dossiers recorded, refusals as text)."""

    def steps():
        # A generator, not a list: the one uploaded file is rewound just before each step stores it.
        for dossier, action, reason in decisions:
            each = dict(payload)
            if each.get("decision_file"):
                each["decision_file"].seek(0)
            yield dossier, action, reason, each

    return _act_on_each(steps(), actor=actor)


# --- Assignment and contract ----------------------------------------------------------------------------


def record_assignment(*, dossier: Dossier, actor: User, payload: dict[str, Any]) -> Assignment:
    assignment, _created = Assignment.objects.update_or_create(
        dossier=dossier,
        defaults={
            "decision_number": payload["decision_number"],
            "decision_date": payload["decision_date"],
            "assigned_by": actor,
        },
    )
    return assignment


def start_contract_clock(*, dossier: Dossier, today: dt.date | None = None) -> dt.date:
    """The contract is due ``call.contract_days`` working days from today (holidays as data)."""
    due = add_working_days(today or timezone.localdate(), dossier.call.contract_days)
    dossier.due_on = due
    dossier.due_step = "sign_contract"
    Assignment.objects.filter(dossier=dossier).update(contract_due_on=due)
    return due


def record_contract(*, dossier: Dossier, actor: User, payload: dict[str, Any]) -> SupportContract:
    """Record the signed contract. Refuses an amount above the support limit (rate × cost or ceiling)
    or above the support the city approved."""
    amount = payload["amount_vnd"]
    content = call_content_for(dossier)
    if content is None:
        raise ValidationError({"amount_vnd": _("Đợt đăng ký không quy định mức hỗ trợ cho nội dung này.")})
    if dossier.total_cost_vnd is None:
        raise ValidationError({"amount_vnd": _("Hồ sơ chưa có tổng kinh phí thực hiện.")})
    limit = content.max_support_for(dossier.total_cost_vnd)
    if amount > limit:
        raise ValidationError(
            {
                "amount_vnd": _(
                    "Kinh phí hỗ trợ vượt mức tối đa %(limit)s (%(rate)s%% tổng kinh phí %(cost)s, không quá %(ceiling)s)."
                )
                % {
                    "limit": format_vnd(limit),
                    "rate": content.support_rate_percent,
                    "cost": format_vnd(dossier.total_cost_vnd),
                    "ceiling": format_vnd(content.ceiling_vnd),
                }
            }
        )
    approved = approved_support(dossier)
    if amount > approved:
        raise ValidationError(
            {
                "amount_vnd": _("Kinh phí hỗ trợ vượt mức UBND thành phố đã phê duyệt %(approved)s.")
                % {"approved": format_vnd(approved)}
            }
        )
    if payload["deadline"] < payload["signed_on"]:
        raise ValidationError({"deadline": _("Thời hạn hoàn thành phải sau ngày ký hợp đồng.")})
    if SupportContract.objects.filter(dossier=dossier).exists():
        raise Conflict(_("Hồ sơ đã có hợp đồng."))
    return SupportContract.objects.create(
        agency_id=dossier.agency_id,
        dossier=dossier,
        number=payload["number"],
        signed_on=payload["signed_on"],
        amount_vnd=amount,
        deliverables=payload["deliverables"],
        deadline=payload["deadline"],
        signed_by=actor,
    )


def contract_of(dossier: Dossier) -> SupportContract:
    contract = SupportContract.objects.filter(dossier=dossier).first()
    if contract is None:
        raise Conflict(_("Hồ sơ chưa có hợp đồng hỗ trợ."))
    return contract


# --- Implementation, acceptance, liquidation, payment ---------------------------------------------------


def precheck_progress_report(*, contract: SupportContract, actor: User) -> None:
    """Refuse early (403 not the enterprise, 409 not running) before a report's fields are validated."""
    if not is_enterprise_member(actor, contract.dossier.enterprise_id):
        raise Forbidden(_("Chỉ doanh nghiệp thực hiện hợp đồng được gửi báo cáo tiến độ."))
    if contract.dossier.state not in REPORTING_STATES:
        raise Conflict(_("Chỉ gửi báo cáo tiến độ khi hợp đồng đang thực hiện."))


def add_progress_report(
    *, contract: SupportContract, actor: User, period: str, text: str, file=None
) -> ProgressReport:
    """A progress report by the enterprise while the contract runs (contracted / in progress)."""
    precheck_progress_report(contract=contract, actor=actor)
    period, text = (period or "").strip(), (text or "").strip()
    errors = {}
    if not period:
        errors["period"] = _("Vui lòng nhập kỳ báo cáo.")
    if not text:
        errors["text"] = _("Vui lòng nhập nội dung báo cáo.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report = ProgressReport.objects.create(
            contract=contract, period=period, text=text, file=file or "", submitted_by=actor
        )
        record_audit(actor=actor, action="progress_report", target=contract.dossier, note=period)
    return report


def record_completion_request(*, dossier: Dossier, actor: User, payload: dict[str, Any]) -> CompletionRequest:
    contract = contract_of(dossier)
    request, _created = CompletionRequest.objects.update_or_create(
        contract=contract, defaults={"self_assessment": payload["self_assessment"], "requested_by": actor}
    )
    for upload in payload.get("evidence") or []:
        name = getattr(upload, "original_name", upload.name)
        CompletionEvidence.objects.create(request=request, file=upload, original_name=name[:255])
    return request


def record_acceptance(
    *, dossier: Dossier, actor: User, passed: bool, payload: dict[str, Any], note: str = ""
) -> Acceptance:
    """Acceptance with a rating of the call's scale: the last rating is the failing one."""
    ratings = dossier.call.ratings()
    rating = payload.get("rating") or (ratings[-1] if not passed else "")
    allowed = ratings[:-1] if passed else ratings[-1:]
    if rating not in allowed:
        raise ValidationError(
            {"rating": _("Xếp loại phải là một trong: %(list)s.") % {"list": ", ".join(allowed)}}
        )
    contract = contract_of(dossier)
    acceptance, _created = Acceptance.objects.update_or_create(
        contract=contract,
        defaults={
            "rating": rating,
            "passed": passed,
            "minutes_date": payload["minutes_date"],
            "note": note,
            "recorded_by": actor,
        },
    )
    return acceptance


def record_liquidation(
    *, dossier: Dossier, actor: User, payload: dict[str, Any], note: str = ""
) -> Liquidation:
    """Refuses a final amount above the contract's."""
    contract = contract_of(dossier)
    final = payload["final_amount_vnd"]
    if final > contract.amount_vnd:
        raise ValidationError(
            {
                "final_amount_vnd": _("Kinh phí quyết toán không được vượt giá trị hợp đồng %(amount)s.")
                % {"amount": format_vnd(contract.amount_vnd)}
            }
        )
    liquidation, _created = Liquidation.objects.update_or_create(
        contract=contract,
        defaults={
            "final_amount_vnd": final,
            "liquidated_on": payload["liquidated_on"],
            "note": note,
            "recorded_by": actor,
        },
    )
    return liquidation


def record_payment(*, dossier: Dossier, actor: User, payload: dict[str, Any]) -> Payment:
    """The one-time payment: exactly the liquidated amount."""
    contract = contract_of(dossier)
    liquidation = Liquidation.objects.filter(contract=contract).first()
    if liquidation is None:
        raise Conflict(_("Hợp đồng chưa được thanh lý."))
    if payload["amount_vnd"] != liquidation.final_amount_vnd:
        raise ValidationError(
            {
                "amount_vnd": _("Số tiền thanh toán phải bằng kinh phí quyết toán %(amount)s.")
                % {"amount": format_vnd(liquidation.final_amount_vnd)}
            }
        )
    if payload["paid_on"] < liquidation.liquidated_on:
        raise ValidationError({"paid_on": _("Ngày thanh toán không được trước ngày thanh lý.")})
    return Payment.objects.create(
        contract=contract,
        amount_vnd=payload["amount_vnd"],
        paid_on=payload["paid_on"],
        reference=payload["reference"],
        recorded_by=actor,
    )


def record_termination(*, dossier: Dossier, actor: User, reason: str, payload: dict[str, Any]) -> Termination:
    contract = contract_of(dossier)
    termination, _created = Termination.objects.update_or_create(
        contract=contract,
        defaults={
            "reason": reason,
            "terminated_on": payload.get("terminated_on") or timezone.localdate(),
            "recorded_by": actor,
        },
    )
    return termination


def next_contract_number(dossier: Dossier) -> str:
    """A suggestion for the contract number field: nn/year/HĐ-<agency symbol>."""
    year = timezone.localdate().year
    n = SupportContract.objects.filter(agency_id=dossier.agency_id, signed_on__year=year).count() + 1
    return f"{n:02d}/{year}/HĐ-{dossier.agency.doc_symbol}"
