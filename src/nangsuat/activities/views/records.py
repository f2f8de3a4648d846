"""The registers of the activity records: one list page per kind (search, filters, pages, Excel export), its
create and edit forms, and the confirmation before a record is withdrawn. Officers write; the agency's other
readers read; an enterprise reads what concerns it."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from nangsuat.core.formatting import format_date_vi, format_vnd
from nangsuat.core.pagination import CappedPaginator
from nangsuat.core.permissions import require
from nangsuat.core.refusals import add_form_errors, refuse

from .. import selectors, services
from ..forms import ReachForm, RecordSearchForm
from ..models import (
    AwardKind,
    ConformityKind,
    CourseKind,
    EventKind,
    ExpertLevel,
)
from ..permissions import can_read_activities, can_record_activities
from ..spreadsheets import export_rows

PER_PAGE = 20


def _enterprise(record) -> str:
    e = getattr(record, "enterprise", None)
    return f"{e.name} ({e.tax_code})" if e else ""


def _number(value) -> str:
    return f"{value:,}".replace(",", ".") if value is not None else ""


def _date(value) -> str:
    return format_date_vi(value) if value else ""


@dataclass(frozen=True)
class Register:
    slug: str
    service_kind: str  # ``services.KINDS``
    title: Any
    intro: Any
    add_label: Any
    columns: tuple[tuple[Any, Callable[[Any], Any]], ...]
    kinds: tuple = ()
    detail: str = ""  # the route of a record's own page, if it has one
    visible: Callable[..., Any] | None = None


REGISTERS: dict[str, Register] = {
    r.slug: r
    for r in (
        Register(
            "courses",
            "course",
            _lazy("Khóa đào tạo, tập huấn"),
            _lazy("Đào tạo cán bộ quản lý, chuyên gia; tập huấn, phổ biến (Kế hoạch 14, mục I.2.a)."),
            _lazy("Thêm khóa đào tạo"),
            (
                (_lazy("Tên khóa"), lambda r: r.title),
                (_lazy("Loại"), lambda r: r.get_kind_display()),
                (_lazy("Năm"), lambda r: r.year),
                (_lazy("Thời gian"), lambda r: f"{_date(r.starts_on)} – {_date(r.ends_on)}"),
                (_lazy("Địa điểm"), lambda r: r.place),
                (_lazy("Kinh phí"), lambda r: format_vnd(r.cost_vnd) if r.cost_vnd is not None else ""),
                (_lazy("Lượt tham gia"), lambda r: getattr(r, "participant_count", "")),
            ),
            tuple(CourseKind.choices),
            detail="activities:course_detail",
            visible=selectors.visible_courses,
        ),
        Register(
            "experts",
            "expert",
            _lazy("Chuyên gia năng suất"),
            _lazy(
                "Chuyên gia được đào tạo, chứng nhận về năng suất chất lượng (mục I.2.a: khoảng 20 chuyên gia)."
            ),
            _lazy("Thêm chuyên gia"),
            (
                (_lazy("Họ và tên"), lambda r: r.person.full_name),
                (_lazy("Nơi công tác"), lambda r: r.workplace or _enterprise(r)),
                (_lazy("Số chứng chỉ"), lambda r: r.certificate_number),
                (_lazy("Cấp"), lambda r: r.get_level_display()),
                (_lazy("Ngày cấp"), lambda r: _date(r.certified_on)),
                (_lazy("Hiệu lực đến"), lambda r: _date(r.valid_until)),
            ),
            tuple(ExpertLevel.choices),
            visible=selectors.visible_experts,
        ),
        Register(
            "events",
            "event",
            _lazy("Thông tin, tuyên truyền"),
            _lazy(
                "Hội nghị, hội thảo, báo chí, phát thanh, truyền hình, tham quan và doanh nghiệp được tiếp cận."
            ),
            _lazy("Thêm hoạt động"),
            (
                (_lazy("Hoạt động"), lambda r: r.title),
                (_lazy("Hình thức"), lambda r: r.get_kind_display()),
                (_lazy("Ngày"), lambda r: _date(r.held_on)),
                (_lazy("Địa điểm, cơ quan báo chí"), lambda r: r.place),
                (_lazy("Người tham dự"), lambda r: _number(r.audience)),
                (_lazy("Doanh nghiệp được tiếp cận"), lambda r: getattr(r, "enterprise_count", "")),
            ),
            tuple(EventKind.choices),
            detail="activities:event_detail",
            visible=selectors.visible_events,
        ),
        Register(
            "systems",
            "system",
            _lazy("Hệ thống quản lý, công cụ"),
            _lazy(
                "Doanh nghiệp áp dụng hệ thống quản lý, công cụ cải tiến (ISO, HACCP, VietGAP, 5S, Kaizen…)."
            ),
            _lazy("Thêm chứng nhận"),
            (
                (_lazy("Doanh nghiệp"), _enterprise),
                (_lazy("Hệ thống, công cụ"), lambda r: r.content.name),
                (_lazy("Số giấy chứng nhận"), lambda r: r.certificate_number),
                (_lazy("Tổ chức chứng nhận"), lambda r: r.certifying_body),
                (_lazy("Ngày cấp"), lambda r: _date(r.issued_on)),
                (_lazy("Ngày hết hạn"), lambda r: _date(r.expires_on)),
                (_lazy("Hồ sơ hỗ trợ"), lambda r: r.dossier.tracking_code if r.dossier_id else ""),
            ),
            visible=selectors.visible_systems,
        ),
        Register(
            "certifications",
            "conformity",
            _lazy("Chứng nhận hợp chuẩn, hợp quy"),
            _lazy(
                "Nhóm sản phẩm được chứng nhận hợp chuẩn (TCVN…), hợp quy (QCVN) — mục I.2.d: ít nhất 20 nhóm."
            ),
            _lazy("Thêm chứng nhận"),
            (
                (_lazy("Doanh nghiệp"), _enterprise),
                (_lazy("Loại"), lambda r: r.get_kind_display()),
                (_lazy("Nhóm sản phẩm"), lambda r: r.product_group),
                (_lazy("Tiêu chuẩn, quy chuẩn"), lambda r: r.standard_code),
                (_lazy("Số giấy chứng nhận"), lambda r: r.certificate_number),
                (_lazy("Ngày cấp"), lambda r: _date(r.issued_on)),
                (_lazy("Ngày hết hạn"), lambda r: _date(r.expires_on)),
            ),
            tuple(ConformityKind.choices),
            visible=selectors.visible_conformity,
        ),
        Register(
            "awards",
            "award",
            _lazy("Giải thưởng, tôn vinh, khen thưởng"),
            _lazy(
                "Doanh nghiệp tham gia Giải thưởng Chất lượng Quốc gia (mục I.2.d: 05 doanh nghiệp); tôn vinh, khen thưởng."
            ),
            _lazy("Thêm giải thưởng"),
            (
                (_lazy("Loại"), lambda r: r.get_kind_display()),
                (_lazy("Năm"), lambda r: r.year),
                (_lazy("Danh hiệu, giải thưởng"), lambda r: r.title),
                (_lazy("Doanh nghiệp, cá nhân"), lambda r: _enterprise(r) or r.recipient_name),
                (_lazy("Kết quả"), lambda r: r.result),
            ),
            tuple(AwardKind.choices),
            visible=selectors.visible_awards,
        ),
    )
}


def _register(kind: str) -> Register:
    try:
        return REGISTERS[kind]
    except KeyError:
        raise Http404(_("Không có danh mục này.")) from None


def _filtered(request, register: Register):
    form = RecordSearchForm(request.GET or None, kinds=register.kinds)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():  # a bad filter value drops that filter only
        filters = {k: v for k, v in form.cleaned_data.items() if v}
    elif form.is_bound:
        filters = {k: v for k, v in form.cleaned_data.items() if v and k not in form.errors}
    qs = selectors.register(
        request.user,
        register.slug,
        q=filters.get("q", ""),
        year=filters.get("year"),
        kind=filters.get("kind", ""),
    )
    return form, qs


@login_required
def record_list(request, kind: str):
    register = _register(kind)
    require(can_read_activities(request.user))
    form, qs = _filtered(request, register)
    page = CappedPaginator(qs, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    rows = [
        {
            "record": r,
            "cells": [column(r) for _label, column in register.columns],
            "url": reverse(register.detail, args=[r.pk]) if register.detail else "",
        }
        for r in page.object_list
    ]
    context = {
        "register": register,
        "registers": REGISTERS.values(),
        "form": form,
        "page_obj": page,
        "rows": rows,
        "headers": [label for label, _column in register.columns],
        "query": query.urlencode(),
        "can_record": bool(can_record_activities(request.user)),
    }
    return render(request, "activities/record_list.html", context)


@login_required
def record_export(request, kind: str):
    register = _register(kind)
    require(can_read_activities(request.user))
    _form, qs = _filtered(request, register)
    handle = export_rows(
        title=str(register.title),
        headers=[str(label) for label, _column in register.columns],
        rows=([column(r) for _label, column in register.columns] for r in qs.iterator(chunk_size=2000)),
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return FileResponse(handle, as_attachment=True, filename=f"{register.slug}-{stamp}.xlsx")


def _record_or_404(request, register: Register, pk: int) -> Model:
    assert register.visible is not None
    return get_object_or_404(register.visible(request.user), pk=pk)


def _initial(record: Model) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    enterprise = getattr(record, "enterprise", None)
    if enterprise is not None:
        initial["tax_code"] = enterprise.tax_code
    person = getattr(record, "person", None)
    if person is not None:
        initial.update(full_name=person.full_name, identity_number=person.identity_number, phone=person.phone)
    return initial


def _after_save(register: Register, record: Model):
    if register.detail:
        return redirect(register.detail, record.pk)
    return redirect("activities:record_list", register.slug)


def _edit(request, register: Register, record: Model | None):
    require(can_record_activities(request.user))
    agency = request.user.agency
    initial = _initial(record) if record is not None else {}
    form = services.record_form(
        register.service_kind, request.POST or None, instance=record, initial=initial, agency=agency
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_record(
                actor=request.user,
                agency=agency,
                kind=register.service_kind,
                data=request.POST.dict(),
                record=record,
            )
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return _after_save(register, saved)
    context = {"register": register, "form": form, "record": record}
    return render(request, "activities/record_form.html", context)


@login_required
def record_create(request, kind: str):
    return _edit(request, _register(kind), None)


@login_required
def record_edit(request, kind: str, pk: int):
    register = _register(kind)
    require(can_record_activities(request.user))
    return _edit(request, register, _record_or_404(request, register, pk))


@login_required
def record_delete(request, kind: str, pk: int):
    """GET asks to confirm; POST withdraws the record (kept, out of the lists and counts)."""
    register = _register(kind)
    require(can_record_activities(request.user))
    record = _record_or_404(request, register, pk)
    if request.method == "POST":
        services.withdraw_record(actor=request.user, record=record)
        messages.success(request, _("Đã xóa “%(record)s”.") % {"record": record})
        return redirect("activities:record_list", register.slug)
    back = (
        reverse(register.detail, args=[pk])
        if register.detail
        else reverse("activities:record_list", args=[register.slug])
    )
    return render(
        request, "activities/confirm_delete.html", {"register": register, "record": record, "back": back}
    )


# --- An event's page: the enterprises it reached ----------------------------------------------------------


@login_required
def event_detail(request, pk: int):
    require(can_read_activities(request.user))
    event = get_object_or_404(selectors.visible_events(request.user), pk=pk)
    links = selectors.reached_enterprises(request.user, event)
    page = CappedPaginator(links, 50).get_page(request.GET.get("page"))
    context = {
        "event": event,
        "page_obj": page,
        "links": page.object_list,
        "register": REGISTERS["events"],
        "can_record": bool(can_record_activities(request.user)),
        "reach_form": ReachForm() if can_record_activities(request.user) else None,
    }
    return render(request, "activities/event_detail.html", context)


@login_required
@require_POST
def event_reach(request, pk: int):
    require(can_record_activities(request.user))
    event = get_object_or_404(selectors.visible_events(request.user), pk=pk)
    try:
        link, created = services.reach_enterprise(actor=request.user, event=event, data=request.POST.dict())
    except ValidationError as exc:
        refuse(request, exc)
    else:
        if created:
            messages.success(request, _("Đã ghi nhận %(name)s.") % {"name": link.enterprise.name})
        else:
            messages.info(request, _("%(name)s đã có trong danh sách.") % {"name": link.enterprise.name})
    return redirect("activities:event_detail", event.pk)


@login_required
@require_POST
def event_unreach(request, pk: int, link_pk: int):
    require(can_record_activities(request.user))
    event = get_object_or_404(selectors.visible_events(request.user), pk=pk)
    link = get_object_or_404(event.reached, pk=link_pk, deleted_at__isnull=True)
    services.unreach_enterprise(actor=request.user, link=link)
    messages.success(request, _("Đã bỏ doanh nghiệp khỏi danh sách."))
    return redirect("activities:event_detail", event.pk)
