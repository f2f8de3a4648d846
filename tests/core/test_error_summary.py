"""A form's errors: the summary above it links to each field by its label; the message is written once,
under the field."""

from django import forms
from django.template.loader import render_to_string


class NoteForm(forms.Form):
    items = forms.CharField(
        label="Nội dung cần bổ sung", error_messages={"required": "Vui lòng nêu nội dung."}
    )

    def clean(self):
        raise forms.ValidationError("Hồ sơ đã được xử lý ở thẻ khác.")


def test_each_message_once_under_its_field_and_the_summary_links_to_it():
    form = NoteForm(data={})
    html = render_to_string("core/_error_summary.html", {"form": form}) + render_to_string(
        "core/_field.html", {"field": form["items"]}
    )
    assert html.count("Vui lòng nêu nội dung.") == 1
    assert f'href="#{form["items"].auto_id}"' in html and "Xem lại: Nội dung cần bổ sung" in html
    assert html.count("Hồ sơ đã được xử lý ở thẻ khác.") == 1  # a form's own error: in the summary
