"""Forms of the council pages. Messages in Vietnamese; services re-check every rule."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nangsuat.core.dates import validate_plausible_date
from nangsuat.core.widgets import DateInput
from nangsuat.dossiers.models import Call

from .models import CouncilMember


class CouncilForm(forms.Form):
    call = forms.ModelChoiceField(
        label=_("Đợt đăng ký"),
        queryset=Call.objects.none(),
        error_messages={
            "required": _("Vui lòng chọn đợt đăng ký."),
            "invalid_choice": _("Đợt đăng ký không hợp lệ."),
        },
    )
    name = forms.CharField(
        label=_("Tên hội đồng"), max_length=255, error_messages={"required": _("Vui lòng nhập tên hội đồng.")}
    )
    decision_number = forms.CharField(label=_("Số quyết định thành lập"), max_length=50, required=False)
    decision_date = forms.DateField(
        label=_("Ngày quyết định"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        validators=[validate_plausible_date],
        widget=DateInput(),
        error_messages={"invalid": _("Ngày không hợp lệ.")},
    )

    def __init__(self, *args, calls=None, **kwargs):
        super().__init__(*args, **kwargs)
        if calls is not None:
            self.fields["call"].queryset = calls


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Thành viên"),
        queryset=None,
        error_messages={
            "required": _("Vui lòng chọn thành viên."),
            "invalid_choice": _("Thành viên không hợp lệ."),
        },
    )
    position = forms.ChoiceField(
        label=_("Chức danh"),
        choices=[("", _("— Chọn chức danh —")), *CouncilMember.Position.choices],
        error_messages={
            "required": _("Vui lòng chọn chức danh."),
            "invalid_choice": _("Chức danh không hợp lệ."),
        },
    )
    organisation = forms.CharField(
        label=_("Cơ quan công tác"),
        max_length=200,
        required=False,
        help_text=_("Như ghi trong quyết định thành lập Hội đồng; để trống: cơ quan của tài khoản."),
    )

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].empty_label = _("— Chọn thành viên —")
        self.fields["user"].label_from_instance = lambda u: f"{u} — {u.position or u.get_role_display()}"


class ConflictForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Khai báo"),
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        choices=[
            ("no", _("Tôi không có xung đột lợi ích với hồ sơ này")),
            ("yes", _("Tôi có xung đột lợi ích (không chấm hồ sơ này)")),
        ],
        error_messages={"required": _("Vui lòng chọn một trong hai khai báo.")},
    )
    reason = forms.CharField(
        label=_("Lý do (nếu có xung đột)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("has_conflict") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Vui lòng nêu rõ lý do xung đột lợi ích."))
        return data
