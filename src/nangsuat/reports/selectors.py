"""Who reads which reports, and what each may do with one.

The Department's officers and directors read every report of their agency, drafts included; the City
People's Committee reads the signed reports addressed to it (annual, mid-term, final) of its agency; the
Ministry reads the signed reports addressed to it, of every agency. Nobody else reads them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from nangsuat.core.permissions import ALLOW, Decision, deny
from nangsuat.core.roles import DEPARTMENT, Role
from nangsuat.core.tenancy import scope_to_agency

from .kinds import CITY_KINDS, ReportKind, ReportState
from .models import Report

if TYPE_CHECKING:
    from nangsuat.core.models import User

READERS = DEPARTMENT | {Role.CITY, Role.MINISTRY}


def visible_reports(user: User) -> QuerySet[Report]:
    qs = Report.objects.select_related("agency", "document", "created_by", "signed_by")
    if not (user.is_authenticated and user.is_active):
        return qs.none()
    if user.role in DEPARTMENT:
        return scope_to_agency(qs, user)
    if user.role == Role.CITY:
        return scope_to_agency(qs, user).filter(state=ReportState.SIGNED, kind__in=CITY_KINDS)
    if user.role == Role.MINISTRY:
        return qs.filter(state=ReportState.SIGNED, kind=ReportKind.MINISTRY)
    return qs.none()


def can_read_reports(user: User) -> Decision:
    if user.is_authenticated and user.role in READERS:
        return ALLOW
    return deny(
        _("Báo cáo chỉ dành cho Sở Khoa học và Công nghệ, UBND thành phố và Bộ Khoa học và Công nghệ.")
    )


def can_write_reports(user: User) -> Decision:
    """Draft a report and edit its narrative: the Department's officers and directors of an agency."""
    if user.is_authenticated and user.role in DEPARTMENT and user.agency_id is not None:
        return ALLOW
    return deny(_("Chỉ chuyên viên và lãnh đạo Sở được lập, sửa báo cáo."))


def can_edit(user: User, report: Report) -> Decision:
    decision = can_write_reports(user)
    if not decision:
        return decision
    if report.agency_id != user.agency_id:
        return deny(_("Báo cáo này thuộc cơ quan khác."))
    if report.is_signed:
        return deny(_("Báo cáo đã ký, không sửa được nữa."))
    return ALLOW


def can_sign(user: User, report: Report) -> Decision:
    if not (user.is_authenticated and user.role == Role.DIRECTOR and user.agency_id == report.agency_id):
        return deny(_("Chỉ Giám đốc Sở ký báo cáo."))
    if report.is_signed:
        return deny(_("Báo cáo đã được ký."))
    return ALLOW


def filtered(qs: QuerySet[Report], *, kind: str = "", year: int | None = None, state: str = "") -> QuerySet:
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(year=year)
    if state:
        qs = qs.filter(state=state)
    return qs
