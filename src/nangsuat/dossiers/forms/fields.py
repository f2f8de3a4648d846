"""Fields and widgets the dossiers app's forms share."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nangsuat.core.widgets import DateInput

from ..uploads import IMAGE_TYPES, check_upload

__all__ = ["REQUIRED", "DateInput", "MoneyField", "MultipleImageField"]

REQUIRED = {"required": _("Vui lòng nhập trường này."), "invalid": _("Giá trị không hợp lệ.")}


class MoneyField(forms.IntegerField):
    """An amount in đồng; accepts '1.250.000.000' as people write it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault(
            "error_messages",
            {**REQUIRED, "min_value": _("Số tiền không được âm."), "max_value": _("Số tiền quá lớn.")},
        )
        kwargs.setdefault("max_value", 10**15)
        super().__init__(**kwargs)
        self.widget.input_type = "text"
        self.widget.attrs.update({"inputmode": "numeric", "class": "money"})

    def prepare_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}".replace(",", ".")
        return value

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(".", "").replace(",", "").replace(" ", "").replace("đ", "")
        return super().to_python(value)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png"})

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = []
        for upload in files:
            upload = super().clean(upload, initial)
            try:
                check_upload(upload, allowed=IMAGE_TYPES)
            except ValidationError as exc:
                raise ValidationError(exc.messages) from exc
            cleaned.append(upload)
        return cleaned
