"""The extra fields of this app's workflow actions (see ``workflow.ACTION_FORMS``)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nangsuat.core.dates import validate_plausible_date

from ..states import Action
from ..workflow import action_form
from .fields import DateInput, MultipleImageField


@action_form(Action.REQUEST_SUPPLEMENT)
class RequestSupplementForm(forms.Form):
    note_field = "items"  # what is missing is the request's one free text, and its note

    items = forms.CharField(
        label=_("Nội dung cần bổ sung"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Vui lòng nêu nội dung cần bổ sung.")},
    )
    deadline = forms.DateField(
        label=_("Hạn bổ sung"),
        required=False,
        widget=DateInput(),
        validators=[validate_plausible_date],
        help_text=_("Để trống: 10 ngày làm việc kể từ hôm nay."),
        error_messages={"invalid": _("Ngày không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).")},
    )

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < timezone.localdate():
            raise ValidationError(_("Hạn bổ sung không được trước ngày hôm nay."))
        return deadline


class VisitForm(forms.Form):
    note_field = "findings"  # the visit's findings are the act's note: one free text, not two

    visited_on = forms.DateField(
        label=_("Ngày"),
        widget=DateInput(),
        validators=[validate_plausible_date],
        error_messages={"required": _("Vui lòng nhập ngày."), "invalid": _("Ngày không hợp lệ.")},
    )
    participants = forms.CharField(
        label=_("Thành phần tham gia"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Vui lòng ghi thành phần tham gia.")},
    )
    findings = forms.CharField(
        label=_("Kết quả, nhận xét"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=8000,
        error_messages={"required": _("Vui lòng ghi kết quả, nhận xét.")},
    )
    photos = MultipleImageField(label=_("Ảnh chụp (JPEG, PNG)"), required=False)

    def clean_visited_on(self):
        day = self.cleaned_data["visited_on"]
        if day > timezone.localdate():
            raise ValidationError(_("Ngày khảo sát, kiểm tra không được sau ngày hôm nay."))
        return day


@action_form(Action.RECORD_SURVEY)
class RecordSurveyForm(VisitForm):
    pass


@action_form(Action.INSPECT)
class InspectForm(VisitForm):
    pass
