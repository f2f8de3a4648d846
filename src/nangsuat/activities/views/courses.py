"""A course's page: its participants (personal data for the agency's staff only), adding and taking one
off, and the way to the attendance sheet's import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nangsuat.core.errors import Conflict
from nangsuat.core.models import Job
from nangsuat.core.pagination import CappedPaginator
from nangsuat.core.permissions import require
from nangsuat.core.refusals import add_form_errors

from .. import selectors, services
from ..forms import ParticipantForm, ParticipationEditForm
from ..models import Course
from ..permissions import can_read_activities, can_record_activities, sees_personal_data
from ..spreadsheets import IMPORT_JOB
from .records import REGISTERS


@login_required
def index(request):
    require(can_read_activities(request.user))
    return redirect("activities:record_list", "courses")


def _course_or_404(request, pk: int) -> Course:
    require(can_read_activities(request.user))
    return get_object_or_404(selectors.visible_courses(request.user), pk=pk)


def _detail(request, course: Course, form: ParticipantForm | None = None):
    q = request.GET.get("q", "")[:200]
    participations = selectors.search_participations(selectors.participations_of(request.user, course), q)
    page = CappedPaginator(participations, 50).get_page(request.GET.get("page"))
    can_record = bool(can_record_activities(request.user))
    context = {
        "course": course,
        "register": REGISTERS["courses"],
        "page_obj": page,
        "participations": page.object_list,
        "q": q,
        "query": f"q={q}" if q else "",
        "personal": sees_personal_data(request.user, course.agency_id),
        "can_record": can_record,
        "form": form or (ParticipantForm(initial={"attended": True}) if can_record else None),
        "imports": Job.objects.filter(kind=IMPORT_JOB, agency_id=course.agency_id, params__course=course.pk)[
            :5
        ]
        if can_record
        else [],
    }
    return render(request, "activities/course_detail.html", context)


@login_required
def course_detail(request, pk: int):
    return _detail(request, _course_or_404(request, pk))


@login_required
@require_POST
def participant_add(request, pk: int):
    course = _course_or_404(request, pk)
    require(can_record_activities(request.user))
    form = ParticipantForm(request.POST)
    if form.is_valid():
        try:
            participation = services.add_participant(
                actor=request.user, course=course, data=request.POST.dict() | form.cleaned_data
            )
        except (ValidationError, Conflict) as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, _("Đã thêm %(name)s.") % {"name": participation.full_name})
            return redirect("activities:course_detail", course.pk)
    return _detail(request, course, form)


@login_required
def participant_delete(request, pk: int, participation_pk: int):
    """GET asks to confirm; POST takes the participation off the course."""
    course = _course_or_404(request, pk)
    require(can_record_activities(request.user))
    participation = get_object_or_404(course.participations, pk=participation_pk, deleted_at__isnull=True)
    if request.method == "POST":
        services.withdraw_participation(actor=request.user, participation=participation)
        messages.success(request, _("Đã xóa %(name)s khỏi khóa.") % {"name": participation.full_name})
        return redirect("activities:course_detail", course.pk)
    context = {
        "register": REGISTERS["courses"],
        "record": participation,
        "course": course,
    }
    return render(request, "activities/confirm_delete.html", context)


@login_required
def participant_edit(request, pk: int, participation_pk: int):
    course = _course_or_404(request, pk)
    require(can_record_activities(request.user))
    participation = get_object_or_404(course.participations, pk=participation_pk, deleted_at__isnull=True)
    form = ParticipationEditForm(instance=participation)
    if request.method == "POST":
        # The service cleans the values; its form, not this one, compares them with the stored ones.
        try:
            services.update_participation(actor=request.user, participation=participation, data=request.POST)
        except ValidationError:
            form = ParticipationEditForm(
                request.POST, instance=course.participations.get(pk=participation.pk)
            )
            form.is_valid()  # shows the same errors on the page
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("activities:course_detail", course.pk)
    context = {"course": course, "participation": participation, "form": form}
    return render(request, "activities/participant_form.html", context)
