"""The agency's targets: the director or administrator writes each figure with its source (an audit entry
each)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from nangsuat.core.permissions import require

from ..definitions import INDICATORS
from ..forms import TargetsForm
from ..permissions import can_set_targets
from ..targets import set_target, sources_of, targets_of


@login_required
def targets_edit(request):
    require(can_set_targets(request.user))
    agency = request.user.agency
    values, sources = targets_of([agency.pk]), sources_of(agency)
    form = TargetsForm(request.POST or None, initial_values=values, sources=sources)
    if request.method == "POST" and form.is_valid():
        changed = 0
        with transaction.atomic():
            for indicator in INDICATORS:
                value = form.cleaned_data[f"value_{indicator.code}"]
                source = form.cleaned_data[f"source_{indicator.code}"]
                if value != values[indicator.code] or source != sources[indicator.code]:
                    set_target(
                        agency=agency, code=indicator.code, value=value, source=source, actor=request.user
                    )
                    changed += 1
        if changed:
            messages.success(request, _("Đã lưu %(n)s chỉ tiêu.") % {"n": changed})
        else:
            messages.info(request, _("Không có chỉ tiêu nào thay đổi."))
        return redirect("indicators:dashboard")
    return render(request, "indicators/targets.html", {"form": form, "agency": agency})
