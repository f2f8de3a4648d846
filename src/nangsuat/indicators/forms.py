"""The dashboard's filters (year, ward, and for the ministry an agency) and the targets' form."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from nangsuat.core.models import Agency, User

from .definitions import INDICATORS, PERIOD
from .figures import wards_for


class FigureFilters(forms.Form):
    """``?year=&ward=&agency=``: a bad value drops that filter only, with a message beside it."""

    year = forms.TypedChoiceField(
        label=_("Năm"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Năm phải trong giai đoạn 2026 – 2030.")},
    )
    ward = forms.ChoiceField(
        label=_("Xã/phường"),
        required=False,
        error_messages={"invalid_choice": _("Xã/phường không thuộc tỉnh, thành phố của cơ quan.")},
    )
    agency = forms.TypedChoiceField(
        label=_("Tỉnh, thành phố"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Cơ quan không có trong danh sách.")},
    )

    def __init__(self, data, *, user: User):
        super().__init__(data or None)
        self.user = user
        self.fields["year"].choices = [("", _("Cả giai đoạn 2026 – 2030")), *((y, str(y)) for y in PERIOD)]
        agency = user.agency
        if user.sees_all_agencies:
            agencies = list(Agency.objects.order_by("name"))
            self.fields["agency"].choices = [("", _("Cả nước"))] + [(a.pk, a.name) for a in agencies]
            asked = str((data or {}).get("agency") or "")
            agency = next((a for a in agencies if str(a.pk) == asked), None)
        else:
            del self.fields["agency"]
        self.agency = agency
        self.fields["ward"].choices = [("", _("Tất cả xã/phường")), *wards_for(user, agency)]
        if self.is_bound:
            self.full_clean()

    def value(self, name: str):
        """The cleaned value of one filter: None when absent or bad (a bad value drops that filter only)."""
        if not self.is_bound or name not in self.fields:
            return None
        return self.cleaned_data.get(name) or None

    def query(self, **changes) -> str:
        """The filters in use as a query string, with ``changes`` (None drops one)."""
        params = {name: self.value(name) for name in self.fields}
        params.update(changes)
        return urlencode({k: v for k, v in params.items() if v})


class TargetsForm(forms.Form):
    """One value and one source per indicator."""

    def __init__(self, *args, initial_values: dict[str, int], sources: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for indicator in INDICATORS:
            self.fields[f"value_{indicator.code}"] = forms.IntegerField(
                label=_("Chỉ tiêu cả giai đoạn (%(unit)s)") % {"unit": indicator.unit},
                min_value=0,
                max_value=10**9,
                initial=initial_values[indicator.code],
                error_messages={
                    "required": _("Nhập chỉ tiêu cả giai đoạn."),
                    "invalid": _("Chỉ tiêu phải là một số nguyên."),
                    "min_value": _("Chỉ tiêu không được âm."),
                    "max_value": _("Chỉ tiêu quá lớn."),
                },
            )
            self.fields[f"source_{indicator.code}"] = forms.CharField(
                label=_("Căn cứ"),
                max_length=255,
                initial=sources[indicator.code],
                error_messages={
                    "required": _("Ghi căn cứ của chỉ tiêu (văn bản, điều khoản)."),
                    "max_length": _("Căn cứ dài tối đa 255 ký tự."),
                },
            )

    def rows(self):
        return [(i, self[f"value_{i.code}"], self[f"source_{i.code}"]) for i in INDICATORS]
