"""The enterprise's pages: the officers' list, export and creation; the profile with its yearly figures
and contacts, edited by officers or by the enterprise itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from nangsuat.core.audit import history_of
from nangsuat.core.models import with_user_names
from nangsuat.core.pagination import CappedPaginator
from nangsuat.core.permissions import require
from nangsuat.core.refusals import add_form_errors
from nangsuat.core.roles import AGENCY_READERS, Role
from nangsuat.core.spreadsheets import filters_line

from .. import selectors, services
from ..forms import ContactForm, EnterpriseFilterForm, EnterpriseForm, YearFiguresForm
from ..models import Contact, Enterprise
from ..permissions import can_edit_enterprise, can_manage_registry
from ..spreadsheets import export_enterprises

PAGE_SIZES = (20, 50, 100)


def _staff_reader(request) -> None:
    if not request.user.has_role(*AGENCY_READERS):
        raise PermissionDenied(_("Trang này dành cho cán bộ quản lý."))


def _enterprise_or_404(request, pk: int) -> Enterprise:
    try:
        return selectors.enterprise_detail(request.user, pk)
    except Enterprise.DoesNotExist:
        raise Http404(_("Không tìm thấy doanh nghiệp.")) from None


def _editable_or_404(request, pk: int) -> Enterprise:
    enterprise = _enterprise_or_404(request, pk)
    require(can_edit_enterprise(request.user, enterprise))
    return enterprise


def _filtered(request):
    form = EnterpriseFilterForm(
        request.GET or None, province_code=getattr(request.user.agency, "province_code", None)
    )
    qs = selectors.enterprise_list(request.user, **form.selector_kwargs()) if form.is_bound else None
    if qs is None:
        qs = selectors.enterprise_list(request.user)
    return form, qs


@login_required
def enterprise_list(request):
    _staff_reader(request)
    form, qs = _filtered(request)
    try:
        per_page = int(request.GET.get("per_page", PAGE_SIZES[0]))
    except ValueError:
        per_page = PAGE_SIZES[0]
    per_page = per_page if per_page in PAGE_SIZES else PAGE_SIZES[0]
    # A bound form has been cleaned by _filtered (a bad filter value drops that filter only).
    cap = selectors.counted_results(form.cleaned_data.get("q") or "") if form.is_bound else None
    page = CappedPaginator(qs, per_page, cap=cap).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "enterprises": page.object_list,
        "per_page": per_page,
        "page_sizes": PAGE_SIZES,
        "sort": request.GET.get("sort", ""),
        "can_manage": bool(can_manage_registry(request.user)),
        "pending_count": selectors.pending_memberships(request.user).count(),
    }
    template = "registry/_enterprise_results.html" if request.htmx else "registry/enterprise_list.html"
    return render(request, template, context)


@login_required
def enterprise_export(request):
    _staff_reader(request)
    form, qs = _filtered(request)
    handle = export_enterprises(qs, filters=filters_line(form.filters_used()))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return FileResponse(handle, as_attachment=True, filename=f"doanh-nghiep-{stamp}.xlsx")


@login_required
def enterprise_detail(request, pk: int):
    enterprise = _enterprise_or_404(request, pk)
    can_edit = bool(can_edit_enterprise(request.user, enterprise))
    is_staff_editor = can_edit and request.user.role != Role.ENTERPRISE
    context = {
        "enterprise": enterprise,
        "can_edit": can_edit,
        "is_staff_editor": is_staff_editor,
        "year_form": YearFiguresForm(initial={"year": timezone.localdate().year - 1}) if can_edit else None,
        "contact_form": ContactForm() if can_edit else None,
        "changes": selectors.enterprise_changes(enterprise),
        "audit": _labelled(with_user_names(history_of(enterprise), "actor")[:30]) if is_staff_editor else [],
    }
    return render(request, "registry/enterprise_detail.html", context)


AUDIT_LABELS = {
    "enterprise.created": _lazy("Tạo hồ sơ doanh nghiệp"),
    "enterprise.updated": _lazy("Sửa thông tin"),
    "enterprise.year_set": _lazy("Cập nhật số liệu năm"),
    "enterprise.year_deleted": _lazy("Xóa số liệu năm"),
    "enterprise.contact_added": _lazy("Thêm người liên hệ"),
    "enterprise.contact_removed": _lazy("Xóa người liên hệ"),
}


def _labelled(entries):
    entries = list(entries)
    for entry in entries:
        entry.label = AUDIT_LABELS.get(entry.action, entry.action)
        if entry.action == "enterprise.year_set" and entry.data.get("year"):
            entry.label = f"{entry.label} {entry.data['year']}"
    return entries


@login_required
def enterprise_create(request):
    require(can_manage_registry(request.user))
    agency = request.user.agency
    form = EnterpriseForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            enterprise = services.create_enterprise(actor=request.user, agency=agency, data=form.cleaned_data)
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, _("Đã thêm doanh nghiệp “%(name)s”.") % {"name": enterprise.name})
            return redirect("registry:enterprise_detail", enterprise.pk)
    return render(request, "registry/enterprise_form.html", {"form": form, "enterprise": None})


@login_required
def enterprise_edit(request, pk: int):
    enterprise = _editable_or_404(request, pk)
    self_service = request.user.role == Role.ENTERPRISE
    initial = {f: getattr(enterprise, f) for f in services.PROFILE_FIELDS}
    form = EnterpriseForm(
        request.POST or None, initial=initial, agency=enterprise.agency, self_service=self_service
    )
    if request.method == "POST" and form.is_valid():
        fields = services.SELF_SERVICE_FIELDS if self_service else services.PROFILE_FIELDS
        data = {k: v for k, v in form.cleaned_data.items() if k in fields}
        try:
            services.update_enterprise(actor=request.user, enterprise=enterprise, data=data, fields=fields)
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thông tin doanh nghiệp."))
            return redirect("registry:enterprise_detail", enterprise.pk)
    context = {"form": form, "enterprise": enterprise, "self_service": self_service}
    return render(request, "registry/enterprise_form.html", context)


@login_required
@require_POST
def enterprise_year(request, pk: int):
    enterprise = _editable_or_404(request, pk)
    form = YearFiguresForm(request.POST)
    if form.is_valid():
        services.set_year_figures(actor=request.user, enterprise=enterprise, **form.cleaned_data)
        messages.success(request, _("Đã lưu số liệu năm %(year)s.") % {"year": form.cleaned_data["year"]})
    else:
        errors = "; ".join(
            f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items() if f in form.fields
        )
        messages.error(request, _("Chưa lưu số liệu năm — %(errors)s") % {"errors": errors})
    return redirect("registry:enterprise_detail", enterprise.pk)


@login_required
@require_POST
def enterprise_year_delete(request, pk: int, year: int):
    enterprise = _editable_or_404(request, pk)
    services.delete_year_figures(actor=request.user, enterprise=enterprise, year=year)
    messages.success(request, _("Đã xóa số liệu năm %(year)s.") % {"year": year})
    return redirect("registry:enterprise_detail", enterprise.pk)


@login_required
@require_POST
def contact_add(request, pk: int):
    enterprise = _editable_or_404(request, pk)
    form = ContactForm(request.POST)
    if form.is_valid():
        services.add_contact(actor=request.user, enterprise=enterprise, data=form.cleaned_data)
        messages.success(request, _("Đã thêm người liên hệ."))
    else:
        messages.error(request, _("Chưa thêm người liên hệ: vui lòng nhập họ tên và thư điện tử hợp lệ."))
    return redirect("registry:enterprise_detail", enterprise.pk)


@login_required
@require_POST
def contact_delete(request, pk: int, contact_pk: int):
    enterprise = _editable_or_404(request, pk)
    contact = get_object_or_404(Contact, pk=contact_pk, enterprise=enterprise)
    services.remove_contact(actor=request.user, contact=contact)
    messages.success(request, _("Đã xóa người liên hệ."))
    return redirect("registry:enterprise_detail", enterprise.pk)


@login_required
def my_enterprise(request):
    """An enterprise user's own profile ("Hồ sơ doanh nghiệp"); several enterprises are listed."""
    if request.user.role != Role.ENTERPRISE:
        raise PermissionDenied(_("Trang này dành cho tài khoản doanh nghiệp."))
    mine = list(selectors.enterprises_of(request.user))
    if len(mine) == 1:
        return enterprise_detail(request, mine[0].pk)
    pending = request.user.memberships.filter(status="pending").select_related("enterprise")
    return render(request, "registry/my_enterprises.html", {"enterprises": mine, "pending": pending})
