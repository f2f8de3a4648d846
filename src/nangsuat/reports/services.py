"""Writes on reports: draft one, edit its narrative, sign it. Each is one transaction with its audit entry.

Signing is the one irreversible step: the report's figures are read at that moment, the document is
numbered and drawn in the register (``documents.services.issue_document``: a "Báo cáo", signed by the
director) and the workbook is kept beside it; neither changes afterwards."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.audit import record_audit
from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.documents.context import signer_for
from nangsuat.documents.models import DocumentKind
from nangsuat.documents.profile import snapshot
from nangsuat.documents.services import issue_document
from nangsuat.indicators.definitions import PERIOD

from . import narrative, selectors
from .figures import figures_of
from .kinds import CITY_KINDS, FIXED_YEARS, MINISTRY_NAME, ReportKind, ReportState, one_line, summary_of
from .models import SECTION_FIELDS, Report
from .workbook import workbook

if TYPE_CHECKING:
    from nangsuat.core.models import User


def check_kind_and_year(kind: str, year: Any) -> int:
    """The year as a number, or a ``ValidationError`` naming the field in Vietnamese."""
    if kind not in ReportKind.values:
        raise ValidationError({"kind": _("Loại báo cáo phải là báo cáo năm, sơ kết, tổng kết hoặc gửi Bộ.")})
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ValidationError({"year": _("Năm báo cáo phải là một số.")}) from None
    if year not in PERIOD:
        raise ValidationError(
            {
                "year": _("Năm báo cáo phải trong giai đoạn %(start)s – %(end)s.")
                % {"start": PERIOD[0], "end": PERIOD[-1]}
            }
        )
    fixed = FIXED_YEARS.get(kind)
    if fixed is not None and year != fixed:
        raise ValidationError(
            {
                "year": _("%(kind)s được lập cho năm %(year)s.")
                % {"kind": ReportKind(kind).label, "year": fixed}
            }
        )
    return year


def addressee_of(kind: str, province: str) -> str:
    return f"Ủy ban nhân dân {province}" if kind in CITY_KINDS else MINISTRY_NAME


@transaction.atomic
def create_report(*, actor: User, kind: str, year: Any) -> tuple[Report, bool]:
    """The agency's report of ``kind`` for ``year``: the one already drafted, or a new draft whose narrative
    starts from the figures. Returns (report, created)."""
    decision = selectors.can_write_reports(actor)
    agency_id = actor.agency_id
    if not decision or agency_id is None:
        raise Forbidden(decision.reason)
    year = check_kind_and_year(kind, year)
    existing = Report.objects.filter(agency_id=agency_id, kind=kind, year=year).first()
    if existing is not None:
        return existing, False
    figures = figures_of(agency_id, kind, year)
    try:
        with transaction.atomic():
            report = Report.objects.create(
                agency_id=agency_id,
                kind=kind,
                year=year,
                created_by=actor,
                **narrative.defaults(kind, year, figures),
            )
    except IntegrityError:  # drafted by someone else a moment ago
        return Report.objects.get(agency_id=agency_id, kind=kind, year=year), False
    record_audit(
        actor=actor, action="reports.created", target=report, to_state=report.state, note=str(report)
    )
    return report, True


@transaction.atomic
def save_narrative(*, report: Report, actor: User, sections: dict[str, str]) -> Report:
    """Write the narrative sections given (the others stay); refused once the report is signed."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    decision = selectors.can_edit(actor, report)
    if not decision:
        raise (Conflict if report.is_signed else Forbidden)(decision.reason)
    changed = []
    for name in SECTION_FIELDS:
        if name in sections and sections[name] != getattr(report, name):
            setattr(report, name, sections[name])
            changed.append(name)
    if changed:
        report.save(update_fields=[*changed, "updated_at"])
        record_audit(actor=actor, action="reports.narrative_saved", target=report, data={"fields": changed})
    return report


def document_data(report: Report, *, signer: User | None, draft: bool) -> dict[str, Any]:
    """What the document is drawn from: the figures now, the narrative, the addressee and the signer."""
    profile = snapshot(report.agency)
    province = profile.get("province") or ""
    return {
        "kind": report.kind,
        "year": report.year,
        "summary": summary_of(report.kind, report.year, province),
        "addressee": addressee_of(report.kind, province),
        "figures": figures_of(report.agency_id, report.kind, report.year),
        "narrative": report.narrative(),
        "signer": {k: v for k, v in signer_for(report.agency, signer).items() if k in ("heading", "name")},
        "draft": draft,
        "profile": profile,
    }


def title_of(report: Report, data: dict[str, Any]) -> str:
    return one_line(data["summary"])


def workbook_of(report: Report, data: dict[str, Any]) -> bytes:
    return workbook(agency_id=report.agency_id, title=title_of(report, data), figures=data["figures"])


@transaction.atomic
def sign_report(*, report: Report, actor: User, issued_on: dt.date | None = None) -> Report:
    """The director signs: the report is numbered and drawn in the register, its workbook kept, its state
    ``signed``; refused to anyone but the agency's director, and once signed."""
    report = Report.objects.select_for_update().select_related("agency").get(pk=report.pk)
    decision = selectors.can_sign(actor, report)
    if not decision:
        raise (Conflict if report.is_signed else Forbidden)(decision.reason)
    data = document_data(report, signer=actor, draft=False)
    signer = signer_for(report.agency, actor)
    document = issue_document(
        agency=report.agency,
        kind=DocumentKind.REPORT,
        title=title_of(report, data),
        data=data,
        actor=actor,
        issued_on=issued_on or timezone.localdate(),
        signer_name=signer["name"],
        signer_title=signer["title"],
        visible_to_enterprise=False,
    )
    name = f"bao-cao-{report.kind}-{report.year}-{uuid.uuid4().hex[:8]}.xlsx"
    report.workbook.save(name, ContentFile(workbook_of(report, data)), save=False)
    report.document = document
    report.state = ReportState.SIGNED
    report.signed_by = actor
    report.signed_at = timezone.now()
    report.save(update_fields=["workbook", "document", "state", "signed_by", "signed_at", "updated_at"])
    record_audit(
        actor=actor,
        action="reports.signed",
        target=report,
        from_state=ReportState.DRAFT,
        to_state=ReportState.SIGNED,
        note=document.number,
    )
    return report
