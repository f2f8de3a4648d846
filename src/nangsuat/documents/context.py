"""Gathering what a document says from the dossier and the records around it.

Every reader is defensive: a record another app has not written yet, a field it does not have, or a
payload key the action's form does not send leaves a dotted blank in the document, never an error —
a workflow step must not fail because its paperwork lacks a detail.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from nangsuat.core import calendar
from nangsuat.core.formatting import format_date_vi, format_vnd
from nangsuat.core.models import User
from nangsuat.core.roles import Role

from .models import Document, DocumentProfile


def date_text(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return format_date_vi(value) if isinstance(value, dt.date) else ""


def day_text(value: Any) -> str:
    """The date as ``date_text`` writes it; today's when there is none (a minutes held today)."""
    return date_text(value) or format_date_vi(timezone.localdate())


def to_vnd(value: Any, default: int | None = None) -> int | None:
    """An amount picked from a form or a record as int đồng; ``default`` when it is blank."""
    return int(value) if value not in (None, "") else default


def moment_text(value: dt.datetime | None) -> str:
    """'09 giờ 15 phút, ngày 05 tháng 01 năm 2027'."""
    if value is None:
        value = timezone.now()
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{local.hour:02d} giờ {local.minute:02d} phút, {format_date_vi(local.date())}"


def pick(payload: dict[str, Any], record: Any, *names: str) -> Any:
    """The first non-empty value among the payload's keys, then the record's attributes."""
    for name in names:
        value = (payload or {}).get(name)
        if value not in (None, ""):
            return value
    for name in names:
        value = getattr(record, name, None) if record is not None else None
        if value not in (None, ""):
            return value
    return None


def latest_related(obj: Any, *names: str) -> Any:
    """The latest record of the first related name that exists (a one-to-one or a reverse FK)."""
    for name in names:
        try:
            related = getattr(obj, name)
        except Exception:  # noqa: BLE001 - a missing one-to-one raises its own DoesNotExist
            continue
        if related is None:
            continue
        if hasattr(related, "all"):
            try:
                found = related.order_by("-pk").first()
            except Exception:  # noqa: BLE001
                found = None
            if found is not None:
                return found
            continue
        return related
    return None


def enterprise_data(dossier) -> dict[str, Any]:
    e = getattr(dossier, "enterprise", None)
    ward = getattr(e, "ward", None)
    address = getattr(e, "address", "") or ""
    if ward is not None and str(ward) not in address:
        address = ", ".join(x for x in (address, str(ward)) if x)
    return {
        "name": getattr(e, "name", ""),
        "tax_code": getattr(e, "tax_code", ""),
        "address": address,
        "representative": getattr(e, "representative", ""),
        "representative_title": getattr(e, "representative_title", ""),
        "phone": getattr(e, "phone", ""),
        "email": getattr(e, "email", ""),
        "bank_account": getattr(e, "bank_account", "") or "",
        "bank_name": getattr(e, "bank_name", "") or "",
        "bank_branch": getattr(e, "bank_branch", "") or "",
    }


def dossier_data(dossier) -> dict[str, Any]:
    start, end = getattr(dossier, "period_start", None), getattr(dossier, "period_end", None)
    requested = getattr(dossier, "requested_support_vnd", None)
    return {
        "tracking_code": getattr(dossier, "tracking_code", "") or "",
        "title": getattr(dossier, "title", ""),
        "content": str(getattr(dossier, "content", "") or ""),
        "call": str(getattr(dossier, "call", "") or ""),
        "requested_support": format_vnd(requested, " đồng") if requested else "",
        "period": f"từ {format_date_vi(start)} đến {format_date_vi(end)}" if start and end else "",
    }


def agency_director(agency):
    """The agency's director (for documents the officer prepares and the director signs)."""
    return (
        User.objects.filter(agency=agency, role=Role.DIRECTOR, is_active=True).order_by("id").first()
        if agency is not None
        else None
    )


def signer_for(agency, actor) -> dict[str, Any]:
    """Who signs for the agency: the acting director, else the agency's director. A deputy signs
    'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC' (Nghị định 30, Phụ lục I: ký thay)."""
    person = actor if getattr(actor, "role", None) == Role.DIRECTOR else agency_director(agency)
    name = (getattr(person, "full_name", "") or getattr(person, "username", "")) if person else ""
    position = (getattr(person, "position", "") or "") if person else ""
    found = DocumentProfile.objects.filter(agency=agency).first() if agency is not None else None
    head = found.director_title if found is not None else "Giám đốc"
    deputy = found.deputy_title if found is not None else "Phó Giám đốc"
    heading = [f"KT. {head.upper()}", deputy.upper()] if "phó" in position.lower() else [head.upper()]
    return {"heading": heading, "name": name, "title": position or head}


def working_days_between(start: Any, end: dt.date | None) -> int | None:
    """Working days from the day of ``start`` (a date or a moment) to ``end``; None when either is missing."""
    day = start
    if isinstance(start, dt.datetime):
        day = timezone.localtime(start).date() if timezone.is_aware(start) else start.date()
    if not isinstance(day, dt.date) or end is None:
        return None
    return calendar.working_days_between(day, end)


def receiving_officer(agency) -> str:
    """The name on a receipt's 'Người tiếp nhận': the agency's first active officer (the one-stop desk)."""
    if agency is None:
        return ""
    officer = User.objects.filter(agency=agency, role=Role.OFFICER, is_active=True).order_by("id").first()
    return person_name(officer)


PERSON_SEPARATORS = ("—", " - ", ";", "|")


def person_rows(value: Any) -> list[list[str]]:
    """Participants typed one per line as 'Họ và tên — Chức vụ — Cơ quan' (a dash, a semicolon or a bar
    between the parts) as rows [name, title, body]; a line without one is a name alone."""
    rows = []
    for line in str(value or "").splitlines():
        line = line.strip(" -•\t")
        if not line:
            continue
        parts = [line]
        for separator in PERSON_SEPARATORS:
            if separator in line:
                parts = [p.strip() for p in line.split(separator) if p.strip()]
                break
        name, title, body = (
            (parts + ["", ""])[:3] if len(parts) <= 3 else (parts[0], parts[1], ", ".join(parts[2:]))
        )
        rows.append([name, title, body])
    return rows


def person_name(user) -> str:
    return (getattr(user, "full_name", "") or getattr(user, "username", "") or "") if user else ""


def document_number(dossier, kind: str) -> str:
    """The number of the dossier's latest document of ``kind`` ('' when none)."""
    if dossier is None or getattr(dossier, "pk", None) is None:
        return ""
    return (
        Document.objects.filter(dossier=dossier, kind=kind)
        .order_by("-id")
        .values_list("number", flat=True)
        .first()
        or ""
    )


def contract_record(dossier):
    return latest_related(dossier, "support_contract", "contract", "support_contracts", "contracts")


def contract_data(dossier, payload: dict[str, Any]) -> dict[str, Any]:
    """The contract's number, amount, deliverables and deadline, from the action's fields first, then
    from the contract record the contracts app keeps."""
    record = contract_record(dossier)
    amount = pick(payload, record, "amount_vnd", "support_amount_vnd", "amount")
    deadline = pick(payload, record, "deadline", "due_on", "end_date", "ends_on", "completion_deadline")
    deliverables = pick(payload, record, "deliverables", "products", "expected_results")
    if deliverables is None:
        deliverables = getattr(dossier, "expected_results", "") or ""
    if isinstance(deliverables, list | tuple):
        deliverables = "\n".join(str(x) for x in deliverables)
    number = pick(payload, record, "contract_number", "number") or document_number(
        dossier, "support_contract"
    )
    signed_on = pick(payload, record, "signed_on", "signed_at", "date")
    return {
        "record": record,
        "number": str(number or ""),
        "amount_vnd": to_vnd(amount, getattr(dossier, "requested_support_vnd", None)),
        "deadline_text": date_text(deadline),
        "deliverables": str(deliverables or ""),
        "signed_on_text": day_text(signed_on),
    }
