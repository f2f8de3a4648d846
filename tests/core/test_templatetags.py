from django import forms
from django.template import Context, Template


class _Form(forms.Form):
    kind = forms.ChoiceField(
        choices=[("", "Tất cả"), ("a", "Hộ <kinh> doanh"), ("b", "Hợp tác xã")], required=False
    )


def render(data):
    form = _Form(data)
    form.is_valid()
    return Template("{% load nangsuat %}{% select form.kind %}").render(Context({"form": form}))


def test_select_marks_the_chosen_option_and_escapes_labels():
    html = render({"kind": "b"})
    assert html.startswith('<select name="kind" id="id_kind">')
    assert '<option value="b" selected>Hợp tác xã</option>' in html
    assert '<option value="a">Hộ &lt;kinh&gt; doanh</option>' in html
    assert html.count("selected") == 1


def test_select_without_a_value_chooses_the_empty_option():
    assert '<option value="" selected>Tất cả</option>' in render({})


def test_select_marks_a_rejected_value_invalid_as_the_widget_does():
    assert render({"kind": "z"}).startswith('<select name="kind" id="id_kind" aria-invalid="true">')
    assert "aria-invalid" not in render({"kind": "a"})


def test_ngay_writes_the_date_in_the_pages_language():
    import datetime as dt

    from django.utils import translation

    from nangsuat.core.templatetags.nangsuat import ngay

    day = dt.date(2027, 1, 5)
    assert ngay(day) == "ngày 05 tháng 01 năm 2027"
    with translation.override("en"):
        assert ngay(day) == "5 January 2027"
