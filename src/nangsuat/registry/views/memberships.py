"""The officers' queue of membership claims: who asks to represent which enterprise, confirmed or refused."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.permissions import require
from nangsuat.core.refusals import refuse

from .. import selectors, services
from ..forms import MembershipDecisionForm
from ..models import EnterpriseMembership
from ..permissions import can_decide_membership, can_manage_registry


@login_required
def membership_queue(request):
    require(can_manage_registry(request.user))
    pending = selectors.pending_memberships(request.user)
    return render(
        request, "registry/membership_queue.html", {"pending": pending, "form": MembershipDecisionForm()}
    )


@login_required
@require_POST
def membership_decide(request, pk: int):
    require(can_manage_registry(request.user))
    membership = get_object_or_404(EnterpriseMembership.objects.select_related("enterprise", "user"), pk=pk)
    decision = can_decide_membership(request.user, membership)
    if not decision:
        raise Http404(decision.reason)
    form = MembershipDecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("registry:membership_queue")
    service = (
        services.confirm_membership
        if form.cleaned_data["decision"] == "confirm"
        else services.reject_membership
    )
    try:
        service(actor=request.user, membership=membership, note=form.cleaned_data["note"])
    except ValidationError as exc:
        refuse(request, exc)
    else:
        text = (
            _("Đã xác nhận %(user)s đại diện cho %(enterprise)s.")
            if membership.status == EnterpriseMembership.Status.CONFIRMED
            else _("Đã từ chối yêu cầu của %(user)s với %(enterprise)s.")
        )
        messages.success(request, text % {"user": membership.user, "enterprise": membership.enterprise})
    return redirect("registry:membership_queue")
