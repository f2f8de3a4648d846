"""The officers' pages for the good-practice models: the list, a case drawn from an accepted dossier, its
editor (words, figures, photos, the enterprise's consent), publication and withdrawal."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.errors import Refusal
from nangsuat.core.refusals import refuse
from nangsuat.core.roles import PROGRAMME_MANAGERS
from nangsuat.dossiers.uploads import file_download

from .. import selectors, services
from ..forms import CaseTextForm, ConsentForm, NewCaseForm, PhotoForm, WithdrawForm, figure_formset
from ..models import Case, CasePhoto, CaseState
from .public import photo_response

PAGE_SIZE = 25


def _require_manager(request) -> None:
    if request.user.role not in PROGRAMME_MANAGERS:
        raise PermissionDenied(_("Chỉ cán bộ Sở KH&CN quản lý mô hình điển hình."))


def _case(request, pk: int) -> Case:
    _require_manager(request)
    found = selectors.staff_case(request.user, pk)
    if found is None:
        raise Http404
    return found


@login_required
def case_list(request):
    _require_manager(request)
    filters = selectors.CaseFilters.from_params(request.GET)
    page = Paginator(selectors.staff_cases(request.user, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "showcase/case_list.html",
        {
            "page_obj": page,
            "filters": filters,
            "states": CaseState.choices,
            "eligible": selectors.dossiers_for_cases(request.user).count(),
        },
    )


@login_required
def case_create(request):
    _require_manager(request)
    dossiers = selectors.dossiers_for_cases(request.user)
    initial = {"dossier": request.GET.get("dossier")} if request.GET.get("dossier") else None
    form = NewCaseForm(request.POST or None, initial=initial, dossiers=dossiers)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.create_case(
                dossier=form.cleaned_data["dossier"], actor=request.user, text=form.text()
            )
        except (Refusal, ValidationError) as exc:
            refuse(request, exc, form)
        else:
            messages.success(
                request, _("Đã lập bản nháp mô hình. Thêm số liệu, ảnh và văn bản đồng ý để công bố.")
            )
            return redirect("showcase:case_edit", pk=case.pk)
    return render(request, "showcase/case_create.html", {"form": form, "empty": not dossiers.exists()})


@login_required
def case_edit(request, pk: int):
    case = _case(request, pk)
    form = CaseTextForm(request.POST or None, instance=case)
    figures = figure_formset(case, request.POST or None)
    if request.method == "POST" and form.is_valid() and figures.is_valid():
        rows = [f.figure() for f in figures.forms]
        try:
            services.update_case(
                case=case, actor=request.user, text=form.text(), figures=[r for r in rows if r is not None]
            )
        except (Refusal, ValidationError) as exc:
            refuse(request, exc, form)
        else:
            messages.success(request, _("Đã lưu mô hình."))
            return redirect("showcase:case_edit", pk=case.pk)
    return render(request, "showcase/case_edit.html", _editor(case, form=form, figures=figures))


def _editor(case: Case, **forms) -> dict:
    return {
        "case": case,
        "locked": case.state == CaseState.PUBLISHED,
        "photo_form": PhotoForm(),
        "consent_form": ConsentForm(),
        "withdraw_form": WithdrawForm(),
        "photos_left": services.PHOTOS_PER_CASE - len(case.photos.all()),
        **forms,
    }


def _back(request, case: Case, template_form: str, form) -> object:
    """The editor again with the form that failed, its errors shown where the user typed."""
    context = _editor(case, form=CaseTextForm(instance=case), figures=figure_formset(case))
    context[template_form] = form
    return render(request, "showcase/case_edit.html", context, status=400)


@login_required
@require_POST
def photo_add(request, pk: int):
    case = _case(request, pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_photo(
                case=case,
                actor=request.user,
                upload=form.cleaned_data["file"],
                caption=form.cleaned_data["caption"],
            )
        except (Refusal, ValidationError) as exc:
            refuse(request, exc, form)
        else:
            messages.success(request, _("Đã thêm ảnh."))
            return redirect("showcase:case_edit", pk=case.pk)
    return _back(request, case, "photo_form", form)


@login_required
@require_POST
def photo_remove(request, pk: int, photo_id: int):
    case = _case(request, pk)
    photo = get_object_or_404(CasePhoto, pk=photo_id, case=case)
    try:
        services.remove_photo(photo=photo, actor=request.user)
    except Refusal as exc:
        refuse(request, exc)
    else:
        messages.success(request, _("Đã xóa ảnh."))
    return redirect("showcase:case_edit", pk=case.pk)


@login_required
def photo_preview(request, pk: int, photo_id: int):
    """A photo of a case of any state, for the officers preparing it."""
    case = _case(request, pk)
    return photo_response(get_object_or_404(CasePhoto, pk=photo_id, case=case))


@login_required
@require_POST
def consent(request, pk: int):
    case = _case(request, pk)
    form = ConsentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.record_consent(
                case=case,
                actor=request.user,
                given_by=form.cleaned_data["given_by"],
                given_on=form.cleaned_data["given_on"],
                upload=form.cleaned_data["file"],
            )
        except (Refusal, ValidationError) as exc:
            refuse(request, exc, form)
        else:
            messages.success(request, _("Đã ghi nhận văn bản đồng ý công bố của doanh nghiệp."))
            return redirect("showcase:case_edit", pk=case.pk)
    return _back(request, case, "consent_form", form)


@login_required
def consent_file(request, pk: int):
    case = _case(request, pk)
    return file_download(case.consent_file, f"dong-y-cong-bo-{case.dossier.tracking_code}")


@login_required
@require_POST
def publish(request, pk: int):
    case = _case(request, pk)
    try:
        services.publish(case=case, actor=request.user)
    except Refusal as exc:
        refuse(request, exc)
    else:
        messages.success(request, _("Đã công bố mô hình trên cổng thông tin."))
    return redirect("showcase:case_edit", pk=case.pk)


@login_required
@require_POST
def withdraw(request, pk: int):
    case = _case(request, pk)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.withdraw(case=case, actor=request.user, reason=form.cleaned_data["reason"])
        except (Refusal, ValidationError) as exc:
            refuse(request, exc, form)
        else:
            messages.success(request, _("Đã gỡ mô hình khỏi cổng thông tin."))
            return redirect("showcase:case_edit", pk=case.pk)
    return _back(request, case, "withdraw_form", form)
