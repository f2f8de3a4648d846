"""Pages of calls: officers create, edit and publish; enterprises see open calls and start a dossier."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.formatting import amount_in_words
from nangsuat.core.refusals import add_form_errors
from nangsuat.core.roles import Role
from nangsuat.registry.models import Enterprise
from nangsuat.registry.permissions import member_enterprise_ids

from .. import selectors
from ..effects import SUPPLEMENT_WORKING_DAYS, VALIDITY_WORKING_DAYS
from ..forms.calls import CallContentFormSet, CallForm, PriorityForm, RubricForm
from ..forms.dossiers import DossierForm
from ..forms.fields import MoneyField
from ..models import Call
from ..registration import FORM_CODE, kind_label
from ..services import calls as call_services
from ..services import dossiers as dossier_services


def _is_manager(user) -> bool:
    return user.has_role(*call_services.CALL_MANAGERS)


@login_required
def call_list(request):
    user = request.user
    if user.role == Role.ENTERPRISE:
        calls = selectors.calls_for_enterprise(user).prefetch_related("contents__content")
    else:
        calls = selectors.calls_for_staff(user).prefetch_related("contents__content")
    return render(
        request,
        "dossiers/call_list.html",
        {"calls": calls, "today": timezone.localdate(), "can_manage": _is_manager(user)},
    )


def _papers(call: Call) -> list[tuple[str, list[str]]]:
    """Each support content's required papers by name; one list when every content asks the same."""
    rows = [
        (cc.content.name, [kind_label(k) for k in cc.required_attachments or []])
        for cc in call.contents.all()
    ]
    if len({tuple(papers) for _name, papers in rows}) == 1:
        return [("", rows[0][1])]
    return rows


@login_required
def call_detail(request, pk: int):
    call = get_object_or_404(
        selectors.visible_calls(request.user).prefetch_related("contents__content"), pk=pk
    )
    return render(
        request,
        "dossiers/call_detail.html",
        {
            "call": call,
            "criteria": call.criteria.all(),
            "rules": call.priority_rules.all(),
            "pass_rule": call_services.pass_rule_text(call),
            "can_manage": _is_manager(request.user),
            "open_now": call.window_open_on(timezone.localdate()),
            "dossier_count": call.dossiers.exclude(state="draft").count(),
            "papers": _papers(call),
            "form_code": FORM_CODE,
            "validity_days": VALIDITY_WORKING_DAYS,
            "supplement_days": SUPPLEMENT_WORKING_DAYS,
        },
    )


def _contents_initial(call: Call | None) -> list[dict]:
    if call is None:
        return []
    return [
        {
            "content": cc.content,
            "support_rate_percent": cc.support_rate_percent,
            "ceiling_vnd": cc.ceiling_vnd,
            "required_attachments": cc.required_attachments,
        }
        for cc in call.contents.select_related("content")
    ]


def _contents_from(formset) -> list[dict]:
    return [
        f.cleaned_data
        for f in formset.forms
        if f.cleaned_data.get("content") and not f.cleaned_data.get("DELETE")
    ]


@login_required
def call_edit(request, pk: int | None = None):
    user = request.user
    if not _is_manager(user):
        raise PermissionDenied(_("Chỉ cán bộ Sở KH&CN được quản lý đợt đăng ký."))
    call = get_object_or_404(selectors.calls_for_staff(user), pk=pk) if pk else None
    if call is None:
        year = timezone.localdate().year
        initial = {
            "year": year,
            "budget_vnd": 0,
            "legal_basis": call_services.DEFAULT_LEGAL_BASIS,
            "title": _("Đợt đăng ký hỗ trợ năm %(y)s") % {"y": year},
            **call_services.default_window(year),
            "effective_date": call_services.default_window(year)["registration_opens"],
        }
        form = CallForm(request.POST or None, initial=initial)
    else:
        form = CallForm(request.POST or None, instance=call)
    contents = CallContentFormSet(request.POST or None, initial=_contents_initial(call), prefix="contents")
    rubric = RubricForm(
        request.POST or None, criteria=list(call.criteria.all()) if call else [], prefix="rubric"
    )
    if call is None:
        rubric = RubricForm(
            request.POST or None,
            prefix="rubric",
            criteria=[
                type("C", (), {"name": n, "max_points": p}) for _c, n, p in call_services.DEFAULT_RUBRIC
            ],
        )
    priority = PriorityForm(
        request.POST or None, rules=list(call.priority_rules.all()) if call else [], prefix="priority"
    )
    if call is None and not request.POST:
        priority = PriorityForm(
            prefix="priority",
            rules=[
                type("R", (), {"basis": b, "points": p, "threshold": t})
                for b, p, t in call_services.DEFAULT_RULES
            ],
        )
    rubric_locked = bool(call) and call_services.rubric_locked(call)
    if (
        request.method == "POST"
        and form.is_valid()
        and contents.is_valid()
        and priority.is_valid()
        and (rubric_locked or rubric.is_valid())
    ):
        try:
            call = call_services.save_call(
                actor=user,
                call=call,
                fields=form.cleaned_data,
                contents=_contents_from(contents),
                criteria=None if rubric_locked else rubric.cleaned_data["criteria"],
                priority_rules=priority.rules(),
            )
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu đợt đăng ký “%(t)s”.") % {"t": call.title})
            return redirect("dossiers:call_detail", pk=call.pk)
    return render(
        request,
        "dossiers/call_form.html",
        {
            "form": form,
            "contents": contents,
            "rubric": rubric,
            "priority": priority,
            "call": call,
            "rubric_locked": rubric_locked,
        },
    )


@login_required
def call_publish(request, pk: int):
    if request.method != "POST":
        return redirect("dossiers:call_detail", pk=pk)
    call = get_object_or_404(selectors.calls_for_staff(request.user), pk=pk)
    publish = request.POST.get("publish") != "0"
    try:
        call_services.publish_call(call=call, actor=request.user, published=publish)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Đã công bố đợt đăng ký.") if publish else _("Đã hủy công bố đợt đăng ký.")
        )
    return redirect("dossiers:call_detail", pk=pk)


@login_required
def dossier_start(request, pk: int):
    """An enterprise starts a dossier (bản nháp) from an open call."""
    user = request.user
    if user.role != Role.ENTERPRISE:
        raise PermissionDenied(_("Chỉ doanh nghiệp được lập hồ sơ đăng ký."))
    call = get_object_or_404(selectors.calls_for_enterprise(user), pk=pk)
    enterprises = Enterprise.objects.filter(pk__in=member_enterprise_ids(user), agency_id=call.agency_id)
    enterprise = enterprises.first()
    if enterprise is None:
        raise Http404
    form = DossierForm(request.POST or None, request.FILES or None, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # the draft and its papers, or nothing
                dossier = dossier_services.create_draft(
                    call=call, enterprise=enterprise, actor=user, data=form.dossier_data()
                )
                dossier_services.attach_papers(dossier=dossier, actor=user, papers=form.papers())
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu bản nháp. Hãy đính kèm hồ sơ rồi nộp."))
            return redirect("dossiers:dossier_detail", pk=dossier.pk)
    return render(
        request, "dossiers/dossier_form.html", {"form": form, "call": call, "enterprise": enterprise}
    )


@login_required
def support_hint(request, pk: int):
    """The registration form's hint, drawn as the enterprise types (htmx): each amount in words, and the
    most the programme may pay for the chosen content at the typed total cost."""
    if request.user.role != Role.ENTERPRISE:
        raise PermissionDenied(_("Chỉ doanh nghiệp được lập hồ sơ đăng ký."))
    call = get_object_or_404(selectors.calls_for_enterprise(request.user), pk=pk)
    money = MoneyField(required=False)
    amounts = {}
    for name in ("total_cost_vnd", "requested_support_vnd"):
        try:
            amounts[name] = money.clean(request.GET.get(name, ""))
        except ValidationError:
            amounts[name] = None
    content = None
    if str(request.GET.get("content", "")).isdigit():
        content = (
            call.contents.select_related("content").filter(content_id=int(request.GET["content"])).first()
        )
    total, asked = amounts["total_cost_vnd"], amounts["requested_support_vnd"]
    limit = content.max_support_for(total) if content is not None and total else None
    return render(
        request,
        "dossiers/_support_hint.html",
        {
            "total": total,
            "asked": asked,
            "total_words": amount_in_words(total) if total else "",
            "asked_words": amount_in_words(asked) if asked else "",
            "content": content,
            "limit": limit,
            "over": limit is not None and asked is not None and asked > limit,
        },
    )
