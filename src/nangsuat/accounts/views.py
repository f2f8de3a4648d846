"""Account pages: everyone's own profile (password, two-factor, recovery codes, API keys), and the
administrator's staff-account pages: list, create, deactivate/reactivate."""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.models import User
from nangsuat.core.refusals import add_form_errors, refuse
from nangsuat.core.roles import Role
from nangsuat.registry.selectors import enterprises_of

from .forms import STAFF_ROLE_CHOICES, StaffAccountForm
from .selectors import staff_accounts
from .services import create_staff_account, reset_second_factor, set_staff_active


@login_required
def profile(request):
    """“Tài khoản của tôi”: who the user is, and every way to keep the account safe in one place."""
    kinds = set(Authenticator.objects.filter(user=request.user).values_list("type", flat=True))
    return render(
        request,
        "accounts/profile.html",
        {
            "has_totp": Authenticator.Type.TOTP in kinds,
            "has_recovery_codes": Authenticator.Type.RECOVERY_CODES in kinds,
            "enterprises": list(enterprises_of(request.user)) if request.user.role == Role.ENTERPRISE else [],
        },
    )


def _require_admin(request):
    if not request.user.has_role(Role.ADMIN):
        raise PermissionDenied(_("Chỉ quản trị hệ thống được quản lý tài khoản cán bộ."))


def _staff_or_404(request, pk: int) -> User:
    """A staff account this administrator manages; any other account is not found."""
    _require_admin(request)
    user = staff_accounts(request.user).filter(pk=pk).first()
    if user is None:
        raise Http404
    return user


@login_required
def staff_list(request):
    _require_admin(request)
    filters = {k: request.GET.get(k, "") for k in ("q", "role", "active")}
    page_obj = Paginator(staff_accounts(request.user, **filters), 25).get_page(request.GET.get("page"))
    query = urlencode({k: v for k, v in filters.items() if v})
    return render(
        request,
        "accounts/staff_list.html",
        {"page_obj": page_obj, "filters": filters, "query": query, "roles": STAFF_ROLE_CHOICES},
    )


@login_required
def staff_create(request):
    _require_admin(request)
    form = StaffAccountForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            user = create_staff_account(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(
                request,
                _("Đã tạo tài khoản %(name)s. Ở lần đăng nhập đầu, người dùng phải đăng ký xác thực hai lớp.")
                % {"name": user.full_name},
            )
            return redirect("accounts:staff_list")
    return render(request, "accounts/staff_form.html", {"form": form})


@login_required
@require_POST
def staff_set_active(request, pk: int):
    user = _staff_or_404(request, pk)
    active = request.POST.get("active") == "1"
    try:
        set_staff_active(actor=request.user, user=user, active=active, note=request.POST.get("note", ""))
    except ValidationError as exc:
        refuse(request, exc)
    else:
        text = _("Đã mở lại tài khoản %(name)s.") if active else _("Đã khóa tài khoản %(name)s.")
        messages.success(request, text % {"name": user})
    return redirect("accounts:staff_list")


@login_required
@require_POST
def staff_reset_mfa(request, pk: int):
    user = _staff_or_404(request, pk)
    try:
        reset_second_factor(actor=request.user, user=user)
    except ValidationError as exc:
        refuse(request, exc)
    else:
        messages.success(
            request,
            _(
                "Đã đặt lại xác thực hai lớp của %(name)s: lần đăng nhập tới phải đăng ký lại ứng dụng xác thực."
            )
            % {"name": user},
        )
    return redirect("accounts:staff_list")
