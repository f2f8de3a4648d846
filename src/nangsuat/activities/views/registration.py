"""Online registration: an enterprise registers its people for the courses open to it; officers then mark
who attended."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.errors import Conflict
from nangsuat.core.permissions import require
from nangsuat.core.refusals import add_form_errors
from nangsuat.core.roles import Role
from nangsuat.registry.selectors import enterprises_of

from .. import selectors, services
from ..forms import RegistrationForm
from ..permissions import can_read_activities, can_record_activities


def _enterprise_user(request) -> None:
    if request.user.role != Role.ENTERPRISE:
        raise PermissionDenied(_("Trang này dành cho tài khoản doanh nghiệp."))


def _page(request, forms_by_course=None):
    enterprises = list(enterprises_of(request.user))
    courses = list(selectors.open_courses(request.user))
    forms_by_course = forms_by_course or {}
    rows = [
        {
            "course": course,
            "form": forms_by_course.get(course.pk)
            or RegistrationForm(enterprises=enterprises, prefix=f"c{course.pk}"),
            "registered": list(selectors.registrations_of(request.user, course)),
        }
        for course in courses
    ]
    return render(request, "activities/registration.html", {"rows": rows, "enterprises": enterprises})


@login_required
def registration(request):
    _enterprise_user(request)
    return _page(request)


@login_required
@require_POST
def register(request, pk: int):
    _enterprise_user(request)
    course = get_object_or_404(selectors.open_courses(request.user), pk=pk)
    enterprises = list(enterprises_of(request.user))
    form = RegistrationForm(request.POST, enterprises=enterprises, prefix=f"c{course.pk}")
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "enterprise"}
        data["enterprise"] = form.cleaned_data["enterprise"].pk
        try:
            participation = services.register_online(actor=request.user, course=course, data=data)
        except (ValidationError, Conflict) as exc:
            add_form_errors(form, exc)
        else:
            messages.success(
                request,
                _("Đã đăng ký %(name)s vào khóa “%(course)s”.")
                % {"name": participation.full_name, "course": course},
            )
            return redirect("activities:registration")
    return _page(request, {course.pk: form})


@login_required
@require_POST
def participant_attendance(request, pk: int, participation_pk: int):
    require(can_read_activities(request.user))
    require(can_record_activities(request.user))
    course = get_object_or_404(selectors.visible_courses(request.user), pk=pk)
    participation = get_object_or_404(course.participations, pk=participation_pk, deleted_at__isnull=True)
    services.set_attendance(
        actor=request.user, participation=participation, attended=request.POST.get("attended") == "1"
    )
    return redirect("activities:course_detail", course.pk)
