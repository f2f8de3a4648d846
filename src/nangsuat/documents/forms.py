"""The agency's document profile, as its administrator edits it: the plain fields of the model, then one
box per kind for its legal bases and recipients (a line each), and one per paragraph of wording."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nangsuat.core.widgets import DateInput

from .legal import DEFAULT_RECIPIENTS, NATIONAL_BASES, WORDING
from .models import DocumentKind, DocumentProfile

PLAIN_FIELDS = (
    "province",
    "plan_number",
    "plan_date",
    "plan_title",
    "authority",
    "director_title",
    "deputy_title",
    "treasury_account",
    "treasury_name",
    "budget_unit_code",
)
BASES_KINDS = [kind for kind in NATIONAL_BASES if kind in DocumentKind.values]
RECIPIENT_KINDS = [kind for kind in DEFAULT_RECIPIENTS if kind in DocumentKind.values]
MAX_LINES = 20


def _lines(value: str) -> list[str]:
    return [" ".join(line.split()) for line in value.splitlines() if line.strip()]


class DocumentProfileForm(forms.ModelForm):
    class Meta:
        model = DocumentProfile
        fields = PLAIN_FIELDS
        widgets = {
            "plan_date": DateInput(),
            "authority": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile = self.instance
        labels = dict(DocumentKind.choices)
        for kind in BASES_KINDS:
            self.fields[f"bases__{kind}"] = forms.CharField(
                label=_("Căn cứ pháp lý — %(kind)s") % {"kind": labels[kind]},
                required=False,
                max_length=6000,
                widget=forms.Textarea(attrs={"rows": 3, "placeholder": "\n".join(NATIONAL_BASES[kind])}),
                initial="\n".join(profile.legal_bases.get(kind, [])),
                help_text=_(
                    "Mỗi dòng một căn cứ. Để trống: các căn cứ mặc định (hiện mờ) và kế hoạch của tỉnh."
                ),
            )
        for kind in RECIPIENT_KINDS:
            self.fields[f"recipients__{kind}"] = forms.CharField(
                label=_("Nơi nhận — %(kind)s") % {"kind": labels[kind]},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2, "placeholder": "\n".join(DEFAULT_RECIPIENTS[kind])}),
                initial="\n".join(profile.recipients.get(kind, [])),
                help_text=_("Mỗi dòng một nơi nhận; $enterprise là tên doanh nghiệp, $province là tên tỉnh."),
            )
        for key, (label, default) in WORDING.items():
            self.fields[f"wording__{key}"] = forms.CharField(
                label=label,
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=profile.wording.get(key, default),
                help_text=_("Để trống: nội dung mặc định."),
            )

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if name.startswith(("bases__", "recipients__")) and len(_lines(value or "")) > MAX_LINES:
                self.add_error(name, _("Tối đa %(n)s dòng.") % {"n": MAX_LINES})
        return cleaned

    def save(self, commit: bool = True) -> DocumentProfile:
        profile = super().save(commit=False)
        data = self.cleaned_data
        profile.legal_bases = {
            k: lines for k in BASES_KINDS if (lines := _lines(data.get(f"bases__{k}", "")))
        }
        profile.recipients = {
            k: lines for k in RECIPIENT_KINDS if (lines := _lines(data.get(f"recipients__{k}", "")))
        }
        profile.wording = {
            key: text.strip()
            for key, (_label, default) in WORDING.items()
            if (text := (data.get(f"wording__{key}") or "").strip()) and text != default.strip()
        }
        if commit:
            profile.save()
        return profile
