"""The document register (sổ văn bản) and the downloads, each checking who may see what."""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.audit import record_audit
from nangsuat.core.downloads import named_file_response
from nangsuat.core.roles import AGENCY_READERS, PROGRAMME_MANAGERS, Role

from . import selectors, services
from .export import register_filters, register_workbook
from .filenames import download_name
from .forms import DocumentProfileForm
from .models import Document, DocumentKind, DocumentProfile
from .pdf import can_convert
from .profile import province_of

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _register_user(request) -> None:
    """Staff keep the register; an enterprise sees the same page with its own dossiers' documents."""
    if request.user.role not in AGENCY_READERS | {Role.ENTERPRISE}:
        raise PermissionDenied(_("Sổ văn bản chỉ dành cho cán bộ Sở và doanh nghiệp."))


@login_required
def register(request):
    _register_user(request)
    filters = selectors.RegisterFilters.from_params(request.GET)
    qs = selectors.register(user=request.user, filters=filters)
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "documents": page.object_list,
        "filters": filters,
        "kinds": DocumentKind.choices,
        "years": selectors.years_in_register(request.user),
        "total": page.paginator.count,
        "can_redraw": request.user.role in PROGRAMME_MANAGERS,
        "pdf_on_demand": can_convert(),
        "is_enterprise": request.user.role == Role.ENTERPRISE,
        "can_edit_profile": request.user.role in PROFILE_EDITORS,
    }
    template = "documents/_register_table.html" if request.htmx else "documents/register.html"
    return render(request, template, context)


@login_required
def export(request):
    _register_user(request)
    filters = selectors.RegisterFilters.from_params(request.GET)
    qs = selectors.register(user=request.user, filters=filters)[:20000]
    content = register_workbook(qs, register_filters(filters))
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"so-van-ban-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _file_response(
    document: Document, field: str, extension: str, content_type: str, *, inline: bool = False
):
    """The document's file under its Vietnamese name ("Tờ trình 02-TTr-SKHCN.pdf")."""
    stored = getattr(document, field)
    if not stored:
        raise Http404(_("Văn bản chưa có tệp %(ext)s.") % {"ext": extension.upper()})
    try:
        handle = stored.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("Không tìm thấy tệp của văn bản.")) from exc
    return named_file_response(
        handle, filename=download_name(document, extension), content_type=content_type, inline=inline
    )


def _document_for(request, pk: int) -> Document:
    document = get_object_or_404(Document.objects.select_related("dossier"), pk=pk)
    decision = selectors.can_download(request.user, document)
    if not decision:
        # Same answer as a missing document: never confirm another enterprise's document exists.
        raise Http404(decision.reason)
    return document


@login_required
def download(request, pk: int):
    document = _document_for(request, pk)
    return _file_response(document, "file", "docx", DOCX_TYPE)


@login_required
def download_pdf(request, pk: int):
    """The PDF; one not drawn yet (issued while conversion was off, or still queued) is drawn now."""
    document = _document_for(request, pk)
    if not document.pdf and document.file and can_convert():
        try:
            services.convert_to_pdf(document.pk)
        except Exception:  # noqa: BLE001 - the status says FAILED; the page offers the DOCX
            services.log.exception("PDF on demand failed for document %s", document.pk)
        document.refresh_from_db()
    # A PDF opens in the browser's viewer; the DOCX, which a browser cannot show, downloads.
    pdf_type = mimetypes.types_map.get(".pdf", "application/pdf")
    return _file_response(document, "pdf", "pdf", pdf_type, inline=True)


@login_required
@require_POST
def redraw_pdf(request, pk: int):
    document = _document_for(request, pk)
    if request.user.role not in PROGRAMME_MANAGERS:
        raise PermissionDenied(_("Bạn không được tạo lại tệp PDF."))
    services.redraw_pdf(document=document, actor=request.user)
    messages.info(request, _("Đang tạo lại tệp PDF của văn bản %(number)s.") % {"number": document.number})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "documents:register"
    return redirect(target)


PROFILE_EDITORS = frozenset({Role.ADMIN, Role.DIRECTOR})


@login_required
def profile_edit(request):
    """The agency's document profile, edited by its administrator or director; saved in one transaction
    with an audit entry, applied to documents issued from then on."""
    user = request.user
    if user.role not in PROFILE_EDITORS or user.agency_id is None:
        raise PermissionDenied(_("Chỉ quản trị hoặc Giám đốc của Sở được sửa thiết lập văn bản."))
    profile = DocumentProfile.objects.filter(agency=user.agency).first() or DocumentProfile(
        agency=user.agency, province=province_of(user.agency)
    )
    form = DocumentProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            record_audit(
                actor=user,
                action="document_profile.updated",
                target=saved,
                data={"fields": form.changed_data},
            )
        messages.success(request, _("Đã lưu thiết lập văn bản. Văn bản ban hành từ nay dùng thiết lập mới."))
        return redirect("documents:profile")
    return render(request, "documents/profile_form.html", {"form": form, "profile": profile})
