"""Workflow effects that issue the step's document (see ``dossiers.workflow``): each numbers and draws
its document inside the step's transaction and leaves the PDF for after the commit.

Effect names (as the TRANSITIONS table uses them): receipt_slip, supplement_request_letter,
validity_minutes, survey_minutes, council_minutes, assignment_decision, support_contract,
inspection_minutes, acceptance_minutes, liquidation_minutes, payment_request.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nangsuat.core.formatting import format_date_vi, format_points
from nangsuat.councils.models import Council, CouncilMember, ScoreSheet
from nangsuat.dossiers.models import EligibilityCheck
from nangsuat.dossiers.registration import kind_label
from nangsuat.dossiers.workflow import Step, effect

from . import context as ctx
from .models import Document, DocumentKind
from .services import issue_document

log = logging.getLogger(__name__)
K = DocumentKind


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _issue(step: Step, kind: str, title: str, data: dict[str, Any], **options) -> Document:
    dossier = step.dossier
    options["issued_on"] = _as_date(options.get("issued_on"))
    base: dict[str, Any] = {}
    for key, read in (("enterprise", ctx.enterprise_data), ("dossier", ctx.dossier_data)):
        try:
            base[key] = read(dossier)
        except Exception:  # noqa: BLE001 - a blank in the document rather than a failed step
            log.exception("could not read %s of dossier %s for its document", key, dossier.pk)
            base[key] = {"tracking_code": dossier.tracking_code or ""} if key == "dossier" else {}
    signer = options.pop("signer", None) or ctx.signer_for(dossier.agency, step.actor)
    base["signer"] = signer
    return issue_document(
        agency=dossier.agency,
        kind=kind,
        title=title,
        data={**base, **data},
        dossier=dossier,
        actor=step.actor,
        signer_name=signer.get("name", ""),
        signer_title=signer.get("title", ""),
        **options,
    )


def _code(step: Step) -> str:
    return step.dossier.tracking_code or f"#{step.dossier.pk}"


def _visit(step: Step, kind: str):
    visits = getattr(step.dossier, "visits", None)
    return visits.filter(kind=kind).order_by("-visited_on", "-pk").first() if visits is not None else None


def _visit_data(step: Step, kind: str) -> dict[str, Any]:
    visit = _visit(step, kind)
    payload = step.payload or {}
    photos = getattr(visit, "photos", None)
    enterprise = ctx.enterprise_data(step.dossier)
    representative = [enterprise["representative"], enterprise["representative_title"] or "Người đại diện"]
    return {
        "held_on_text": ctx.day_text(ctx.pick(payload, visit, "visited_on")),
        "people": ctx.person_rows(ctx.pick(payload, visit, "participants")),
        "enterprise_people": [representative] if enterprise["representative"] else [],
        "findings": str(ctx.pick(payload, visit, "findings") or step.note or ""),
        "photos": photos.count() if photos is not None else 0,
        "signatures": {
            "left": ctx.enterprise_data(step.dossier)["representative"],
            "right": ctx.person_name(step.actor),
        },
    }


def _visit_day(step: Step, kind: str):
    """The minutes of a visit are dated the day of the visit."""
    return ctx.pick(step.payload or {}, _visit(step, kind), "visited_on")


@effect("receipt_slip")
def receipt_slip(step: Step) -> None:
    """The receipt slip of a submission. It must always be issued: if the full slip cannot be drawn
    (an unexpected record), a plain one with the tracking code and date is issued instead."""
    try:
        with transaction.atomic():
            _full_receipt_slip(step)
    except ValidationError:
        raise
    except Exception:  # noqa: BLE001 - the submission must go through with its slip
        log.exception("full receipt slip failed for dossier %s; issuing the plain one", step.dossier.pk)
        _issue(
            step,
            K.RECEIPT_SLIP,
            f"Phiếu tiếp nhận hồ sơ {_code(step)}",
            {"received_at_text": ctx.moment_text(step.dossier.submitted_at)},
            signer=_receiver(step),
        )


def _full_receipt_slip(step: Step) -> None:
    dossier = step.dossier
    attachments: dict[str, int] = {}
    for kind in dossier.attachments.filter(is_current=True).values_list("kind", flat=True):
        label = str(kind_label(kind))
        attachments[label] = attachments.get(label, 0) + 1
    rows = [["Phiếu đăng ký tham gia Chương trình (trực tuyến)", "01"]]
    rows += [[label, f"{count:02d}"] for label, count in attachments.items()]
    _issue(
        step,
        K.RECEIPT_SLIP,
        f"Phiếu tiếp nhận hồ sơ {_code(step)}",
        {
            "received_at_text": ctx.moment_text(dossier.submitted_at),
            "due_on_text": format_date_vi(dossier.due_on) if dossier.due_on else "",
            "attachments": rows,
            "submitted_by": ctx.person_name(step.actor),
            "submitter_phone": getattr(step.actor, "phone", "") or "",
            "submitter_email": getattr(step.actor, "email", "") or "",
            "processing_days": ctx.working_days_between(dossier.submitted_at, dossier.due_on),
            "return_at_text": ctx.date_text(dossier.due_on),
        },
        signer=_receiver(step),
    )


def _receiver(step: Step) -> dict[str, Any]:
    return {
        "heading": ["NGƯỜI TIẾP NHẬN HỒ SƠ"],
        "name": ctx.receiving_officer(step.dossier.agency),
        "title": "",
    }


@effect("supplement_request_letter")
def supplement_request_letter(step: Step) -> None:
    request = ctx.latest_related(step.dossier, "supplement_requests")
    items = ctx.pick(step.payload, request, "items") or step.note
    deadline = ctx.pick(step.payload, request, "deadline") or step.dossier.due_on
    _issue(
        step,
        K.SUPPLEMENT_REQUEST,
        f"Thông báo bổ sung hồ sơ {_code(step)}",
        {"items": str(items or ""), "deadline_text": ctx.date_text(deadline)},
    )


@effect("validity_minutes")
def validity_minutes(step: Step) -> None:
    """The check of the five conditions, each with its own evidence; a condition not recorded is said
    so. A refusal says which conditions failed and why (the officer's note)."""
    dossier = step.dossier
    valid = step.transition.target == "valid"
    recorded = {check.item: check for check in dossier.eligibility.all()}
    checks, failed = [], []
    for item, label in EligibilityCheck.Item.choices:
        check = recorded.get(item)
        if check is None:
            checks.append([str(label), "Chưa kiểm tra", ""])
            continue
        checks.append([str(label), "Đạt" if check.met else "Không đạt", check.evidence or ""])
        if not check.met:
            failed.append(str(label))
    override = dossier.duplicate_override_reason
    director = ctx.signer_for(dossier.agency, None)
    now = timezone.localtime()
    _issue(
        step,
        K.VALIDITY_MINUTES,
        f"Biên bản xác nhận {'hồ sơ hợp lệ' if valid else 'hồ sơ không hợp lệ'} {_code(step)}",
        {
            "held_on_text": format_date_vi(now.date()),
            "closed_at_text": f"{now.hour:02d} giờ {now.minute:02d} phút",
            "people": [
                [
                    ctx.person_name(step.actor),
                    getattr(step.actor, "position", "") or "Chuyên viên",
                    dossier.agency.name,
                ],
            ],
            "checks": checks,
            "failed": failed,
            "valid": valid,
            "note": step.note,
            "duplicate_note": f"Hỗ trợ trùng nội dung được lãnh đạo Sở chấp nhận: {override}"
            if override
            else "",
            "signatures": {"left": ctx.person_name(step.actor), "right": director.get("name", "")},
        },
    )


@effect("survey_minutes")
def survey_minutes(step: Step) -> None:
    _issue(
        step,
        K.SURVEY_MINUTES,
        f"Biên bản khảo sát thực tế {_code(step)}",
        _visit_data(step, "survey"),
        issued_on=_visit_day(step, "survey"),
    )


@effect("inspection_minutes")
def inspection_minutes(step: Step) -> None:
    data = _visit_data(step, "inspection")
    data["contract_number"] = ctx.contract_data(step.dossier, {})["number"]
    _issue(
        step,
        K.INSPECTION_MINUTES,
        f"Biên bản kiểm tra thực tế {_code(step)}",
        data,
        issued_on=_visit_day(step, "inspection"),
    )


def _council_data(step: Step) -> dict[str, Any]:
    """Members with their title and body, who attended and who stood aside, each member's comment,
    the per-criterion means, the total, the vote and the verdict, from the council's records."""
    dossier = step.dossier
    result = ctx.latest_related(dossier, "council_result")
    council = (
        getattr(result, "council", None)
        or Council.objects.filter(call_id=dossier.call_id).order_by("-pk").first()
    )
    sheets = {
        sheet.member_id: sheet
        for sheet in ScoreSheet.objects.filter(dossier=dossier).prefetch_related("lines")
    }
    pass_min = dossier.call.pass_total_min
    members, comments, chair, secretary = [], [], "", ""
    votes_for = votes_against = 0
    seats = council.members.select_related("user", "user__agency").order_by("pk") if council else []
    for member in seats:
        user = member.user
        name = ctx.person_name(user)
        body = member.organisation or (user.agency.name if user.agency_id else "")
        sheet = sheets.get(member.pk)
        if member.position == CouncilMember.Position.SECRETARY:
            presence = "Có mặt (thư ký)"
        elif sheet is None or sheet.status == ScoreSheet.Status.PENDING:
            presence = "Vắng"
        elif sheet.status == ScoreSheet.Status.RECUSED:
            presence = "Không tham gia đánh giá (xung đột lợi ích)"
        elif sheet.status == ScoreSheet.Status.SUBMITTED:
            presence = "Có mặt"
            total = sheet.total
            if total is not None and total >= pass_min:
                votes_for += 1
            else:
                votes_against += 1
            if sheet.comment.strip():
                comments.append(f"{name} ({member.get_position_display()}): {sheet.comment.strip()}")
        else:
            presence = "Có mặt, chưa nộp phiếu"
        members.append([name, str(member.get_position_display()), user.position or "", body, presence])
        chair = name if member.position == CouncilMember.Position.CHAIR else chair
        secretary = name if member.position == CouncilMember.Position.SECRETARY else secretary
    criteria = []
    means = result.criterion_means if result is not None else {}
    for criterion in dossier.call.criteria.all():
        criteria.append([criterion.name, str(criterion.max_points), format_points(means.get(criterion.code))])
    decision = ""
    if council is not None and council.decision_number:
        decision = council.decision_number + (
            f" {format_date_vi(council.decision_date)}" if council.decision_date else ""
        )
    return {
        "council": {"name": council.name if council else "", "decision": decision, "members": members},
        "criteria": criteria,
        "total": format_points(result.total_mean if result is not None else None),
        "sheets": str(result.sheet_count if result is not None else votes_for + votes_against),
        "votes": {"for": votes_for, "against": votes_against, "pass_min": format_points(pass_min)},
        "comments": comments,
        "priority_points": str(dossier.priority_points),
        "passed": step.transition.target == "recommended",
        "note": step.note,
        "held_on_text": format_date_vi(timezone.localdate()),
        "signatures": {"left": secretary or ctx.person_name(step.actor), "right": chair},
    }


@effect("council_minutes")
def council_minutes(step: Step) -> None:
    try:
        data = _council_data(step)
    except Exception:  # noqa: BLE001 - the minutes are issued even when the council's records are partial
        log.exception("council records unreadable for dossier %s", step.dossier.pk)
        data = {"passed": step.transition.target == "recommended", "note": step.note}
    _issue(
        step,
        K.COUNCIL_MINUTES,
        f"Biên bản họp Hội đồng tư vấn, hồ sơ {_code(step)}",
        data,
        visible_to_enterprise=False,
    )


@effect("assignment_decision")
def assignment_decision(step: Step) -> None:
    """The director's decision; its number and date are those typed on the assignment form."""
    dossier = step.dossier
    payload = step.payload or {}
    assignment = ctx.latest_related(dossier, "assignment")
    city = ctx.latest_related(dossier, "city_item")
    city_number = getattr(city, "decision_number", "") or ""
    amount = ctx.pick({}, city, "support_vnd") or getattr(dossier, "requested_support_vnd", None)
    due = getattr(assignment, "contract_due_on", None)
    days = getattr(dossier.call, "contract_days", None)
    if due:
        deadline = f"chậm nhất {format_date_vi(due)}"
    else:
        deadline = f"trong thời hạn {days} ngày làm việc kể từ ngày Quyết định có hiệu lực" if days else ""
    _issue(
        step,
        K.ASSIGNMENT_DECISION,
        f"Quyết định giao trực tiếp thực hiện nhiệm vụ cho {dossier.enterprise.name}",
        {
            "city_decision": " ".join(
                x for x in (city_number, ctx.date_text(getattr(city, "decision_date", None))) if x
            ),
            "amount_vnd": ctx.to_vnd(amount),
            "period_text": ctx.dossier_data(dossier)["period"],
            "contract_deadline_text": deadline,
        },
        number=str(ctx.pick(payload, assignment, "decision_number") or ""),
        number_field="decision_number",
        issued_on=ctx.pick(payload, assignment, "decision_date"),
    )


def _parties(step: Step, signer: dict[str, Any]) -> dict[str, Any]:
    return {
        "party_a": {"representative": signer.get("name", ""), "title": signer.get("title", "")},
        "signatures": {
            "left": ctx.enterprise_data(step.dossier)["representative"],
            "right": signer.get("name", ""),
        },
    }


@effect("support_contract")
def support_contract(step: Step) -> None:
    contract = ctx.contract_data(step.dossier, step.payload)
    signer = ctx.signer_for(step.dossier.agency, step.actor)
    _issue(
        step,
        K.SUPPORT_CONTRACT,
        f"Hợp đồng hỗ trợ thực hiện nhiệm vụ với {step.dossier.enterprise.name}",
        {
            **_parties(step, signer),
            "amount_vnd": contract["amount_vnd"],
            "deliverables": contract["deliverables"],
            "deadline_text": contract["deadline_text"],
            "signed_on_text": contract["signed_on_text"],
            "assignment_decision": ctx.document_number(step.dossier, K.ASSIGNMENT_DECISION),
        },
        signer=signer,
        number=str(ctx.pick(step.payload or {}, contract["record"], "number", "contract_number") or ""),
        issued_on=ctx.pick(step.payload or {}, contract["record"], "signed_on"),
    )


@effect("acceptance_minutes")
def acceptance_minutes(step: Step) -> None:
    payload = step.payload or {}
    signer = ctx.signer_for(step.dossier.agency, step.actor)
    passed = step.transition.target == "accepted"
    contract_record = ctx.contract_record(step.dossier)
    record = ctx.latest_related(contract_record, "acceptance") if contract_record else None
    held_on = ctx.pick(payload, record, "minutes_date")
    _issue(
        step,
        K.ACCEPTANCE_MINUTES,
        f"Biên bản nghiệm thu {_code(step)}",
        {
            **_parties(step, signer),
            "passed": passed,
            "rating": str(ctx.pick(payload, record, "rating") or ("Đạt" if passed else "Không đạt")),
            "findings": _acceptance_findings(step, record),
            "contract_number": ctx.contract_data(step.dossier, {})["number"],
            "inspection_minutes": ctx.document_number(step.dossier, K.INSPECTION_MINUTES),
            "held_on_text": ctx.day_text(held_on),
        },
        signer=signer,
        issued_on=held_on,
    )


def _acceptance_findings(step: Step, record) -> str:
    """The acceptance's own note; without one, what the record holds: the enterprise's self-assessment,
    the inspection's findings and the products the contract asked for."""
    note = (getattr(record, "note", "") or step.note or "").strip()
    if note:
        return note
    lines = []
    contract = ctx.contract_record(step.dossier)
    completion = ctx.latest_related(contract, "completion_request") if contract else None
    if completion is not None and completion.self_assessment.strip():
        lines.append(f"Báo cáo tự đánh giá của doanh nghiệp: {completion.self_assessment.strip()}")
    inspection = _visit(step, "inspection")
    if inspection is not None and inspection.findings.strip():
        lines.append(
            f"Kết quả kiểm tra thực tế {format_date_vi(inspection.visited_on)}: {inspection.findings.strip()}"
        )
    if contract is not None and contract.deliverables.strip():
        lines.append(f"Sản phẩm theo Hợp đồng: {contract.deliverables.strip()}")
    return "\n".join(lines)


@effect("liquidation_minutes")
def liquidation_minutes(step: Step) -> None:
    payload = step.payload or {}
    signer = ctx.signer_for(step.dossier.agency, step.actor)
    contract = ctx.contract_data(step.dossier, {})
    record = ctx.latest_related(contract["record"], "liquidation") if contract["record"] else None
    final = ctx.pick(payload, record, "final_amount_vnd", "amount_vnd")
    held_on = ctx.pick(payload, record, "liquidated_on")
    _issue(
        step,
        K.LIQUIDATION_MINUTES,
        f"Biên bản thanh lý hợp đồng {contract['number'] or _code(step)}",
        {
            **_parties(step, signer),
            "contract_number": contract["number"],
            "contract_amount_vnd": contract["amount_vnd"],
            "final_amount_vnd": ctx.to_vnd(final, contract["amount_vnd"]),
            "acceptance_minutes": ctx.document_number(step.dossier, K.ACCEPTANCE_MINUTES),
            "result": str(ctx.pick(payload, record, "result", "note") or step.note or ""),
            "held_on_text": ctx.day_text(held_on),
        },
        signer=signer,
        issued_on=held_on,
    )


@effect("payment_request")
def payment_request(step: Step) -> None:
    payload = step.payload or {}
    contract = ctx.contract_data(step.dossier, {})
    record = ctx.latest_related(contract["record"], "payment") if contract["record"] else None
    liquidation = ctx.latest_related(contract["record"], "liquidation") if contract["record"] else None
    amount = ctx.pick(payload, record, "amount_vnd", "paid_amount_vnd") or ctx.pick(
        {}, liquidation, "final_amount_vnd"
    )
    _issue(
        step,
        K.PAYMENT_REQUEST,
        f"Đề nghị thanh toán kinh phí hỗ trợ {_code(step)}",
        {
            "contract_number": contract["number"],
            "liquidation_minutes": ctx.document_number(step.dossier, K.LIQUIDATION_MINUTES),
            "amount_vnd": ctx.to_vnd(amount, contract["amount_vnd"]),
            "reference": str(ctx.pick(payload, record, "reference") or ""),
        },
    )
