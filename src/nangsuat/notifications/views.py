"""The notifications page, opening a notification, marking them read, and the bell's fragment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .models import Notification


@login_required
def notification_list(request):
    unread_only = request.GET.get("filter") == "unread"
    qs = selectors.notifications_for(request.user, unread_only=unread_only)
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {"page_obj": page, "unread_only": unread_only, "unread": selectors.unread_count(request.user)},
    )


@login_required
def open_notification(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.mark_read(user=request.user, ids=[notification.pk])
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect("notifications:list")
    return redirect(target)


@login_required
@require_POST
def mark_read(request):
    raw = request.POST.getlist("id")
    ids = [int(x) for x in raw if x.isdigit()] if raw else None
    count = services.mark_read(user=request.user, ids=ids)
    messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count})
    if request.htmx:
        return render(request, "notifications/_bell.html", {"count": selectors.unread_count(request.user)})
    return redirect("notifications:list")


@login_required
@require_POST
def email_preference(request):
    enabled = request.POST.get("enabled") == "1"
    services.set_email_preference(user=request.user, enabled=enabled)
    messages.success(
        request,
        _("Bạn sẽ nhận thông báo qua thư điện tử.")
        if enabled
        else _("Bạn sẽ không nhận thông báo qua thư điện tử nữa; thông báo vẫn hiện trên hệ thống."),
    )
    return redirect("notifications:list")


@login_required
def bell(request):
    return render(request, "notifications/_bell.html", {"count": selectors.unread_count(request.user)})
