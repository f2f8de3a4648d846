"""Lists of dossiers (staff list with filters and Excel export, an enterprise's own dossiers), the
"Việc cần làm" page, and the public status lookup by tracking code."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.pagination import CappedPaginator
from nangsuat.core.roles import Role
from nangsuat.core.spreadsheets import XLSX_TYPE
from nangsuat.core.throttle import over_limit
from nangsuat.reference.choices import content_choices, ward_choices

from .. import selectors
from ..export import dossier_filters, dossier_workbook
from ..states import State
from ..tasks import awaiting_enterprise, tasks_for

PAGE_SIZE = 25
EXPORT_LIMIT = 20_000
LOOKUPS_PER_WINDOW = 20
LOOKUP_WINDOW_SECONDS = 600


def _filter_choices(user) -> dict:
    """The filters' options, from the shared cache (no query per page)."""
    return {
        "states": [(value, label) for value, label in State.choices if value != State.DRAFT],
        "calls": selectors.call_choices(user) if user.role != Role.ENTERPRISE else [],
        "contents": content_choices(),
        "wards": ward_choices(getattr(user.agency, "province_code", "92")),
    }


@login_required
def dossier_list(request):
    user = request.user
    filters = selectors.DossierFilters.from_params(request.GET)
    qs = selectors.dossiers_for_user(user=user, filters=filters)
    # Counts at most 10,000 dossiers: the page costs the same with a hundred thousand; and once for every
    # page of the same filters while no dossier changes.
    keep = selectors.keep_list_count(user, filters)
    page = CappedPaginator(qs, PAGE_SIZE, keep=keep).get_page(request.GET.get("page"))
    enterprise = user.role == Role.ENTERPRISE
    context = {
        "page_obj": page,
        # The officers' table: the page's rows as plain values (the count above is still on the dossiers, so
        # that it joins nothing).
        "rows": []
        if enterprise and not request.htmx
        else list(page.object_list.values(*selectors.TABLE_VALUES)),
        "filters": filters,
        "today": timezone.localdate(),
        **_filter_choices(user),
    }
    if request.htmx:
        return render(request, "dossiers/_dossier_table.html", context)
    template = "dossiers/my_dossiers.html" if enterprise else "dossiers/dossier_list.html"
    return render(request, template, context)


@login_required
def dossier_export(request):
    """The filtered list as an Excel workbook."""
    filters = selectors.DossierFilters.from_params(request.GET)
    qs = selectors.dossiers_for_user(user=request.user, filters=filters)
    content = dossier_workbook(
        qs, role=request.user.role, filters=dossier_filters(filters), limit=EXPORT_LIMIT
    )
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="ho-so-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


@login_required
def tasks(request):
    user = request.user
    page = Paginator(tasks_for(user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "dossiers/tasks.html",
        {
            "page_obj": page,
            "waiting": awaiting_enterprise(user),
            "enterprise": user.role == Role.ENTERPRISE,
        },
    )


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def lookup_throttled(request) -> bool:
    """At most LOOKUPS_PER_WINDOW lookups every 10 minutes from one address, counted in the cache every
    process of the server shares (``core.throttle``)."""
    return over_limit(
        f"dossier-lookup:{client_ip(request)}", limit=LOOKUPS_PER_WINDOW, window_seconds=LOOKUP_WINDOW_SECONDS
    )


def public_lookup(request):
    """Anyone may read a dossier's state and dates with its tracking code and the enterprise's tax code."""
    code = (request.GET.get("code") or "").strip()
    tax_code = (request.GET.get("tax_code") or "").strip()
    context = {"code": code, "tax_code": tax_code, "searched": bool(code or tax_code)}
    status = 200
    if context["searched"]:
        if lookup_throttled(request):
            context["error"] = _("Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút.")
            status = 429
        else:
            dossier = selectors.public_status(tracking_code=code, tax_code=tax_code)
            if dossier is None:
                context["error"] = _("Không tìm thấy hồ sơ với mã hồ sơ và mã số thuế này.")
                status = 404
            context["dossier"] = dossier
    return render(request, "dossiers/public_lookup.html", context, status=status)
