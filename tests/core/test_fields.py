"""Fields drawn in Python (``core.fields``) are the templates' output to the byte: ``core/_field.html`` and
Django's widgets, for every state a field can be in, with what the user typed escaped."""

import pytest
from django import forms
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from nangsuat.core.fields import field_html, widget_html
from nangsuat.core.widgets import DateInput

TYPED = "<script>alert(\"x\")</script> & 'y'"


class _Form(forms.Form):
    name = forms.CharField(label="Tên <b>đơn vị</b>", help_text="Ghi <đủ> tên & mã", max_length=200)
    note = forms.CharField(label="Ghi chú", required=False)
    agree = forms.BooleanField(label="Đồng ý & gửi", required=False, help_text="Đã đọc")
    sure = forms.BooleanField(label="Chắc chắn")
    amount = forms.IntegerField(label="Số tiền", min_value=0, localize=True)
    email = forms.EmailField(label="Thư", required=False)
    site = forms.URLField(label="Trang web", required=False, assume_scheme="https")
    secret = forms.CharField(label="Mật khẩu", widget=forms.PasswordInput)
    day = forms.DateField(label="Ngày", widget=DateInput, required=False)
    styled = forms.CharField(label="Mã", widget=forms.TextInput(attrs={"class": "mono", "data-x": TYPED}))
    safe_help = forms.CharField(label=mark_safe("<abbr>MST</abbr>"), help_text=mark_safe("<a href='#'>?</a>"))
    choice = forms.ChoiceField(label="Loại", choices=[("a", "A <1>"), ("b", "B")])
    text = forms.CharField(label="Nội dung", widget=forms.Textarea)
    body = forms.CharField(
        label="Ý kiến", widget=forms.Textarea(attrs={"rows": 3}), max_length=80, required=False
    )
    many = forms.MultipleChoiceField(
        label="Nhiều", choices=[("a", "A <1>"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )

    def clean_name(self):
        raise forms.ValidationError(["Lỗi <một>", "Lỗi hai & ba"])


class _Needed(forms.Form):
    title = forms.CharField(label="Tiêu đề", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].needed_to_submit = True


BOUND = {
    "name": TYPED,
    "note": TYPED,
    "agree": "on",
    "amount": "-5",
    "email": TYPED,
    "site": "javascript:x",
    "secret": TYPED,
    "day": "31/02/2027",
    "styled": TYPED,
    "choice": "z",
    "text": TYPED,
    "body": "Dòng một\nDòng <hai>",
    "many": ["a", "z"],
}
FORMS = {
    "blank": lambda: _Form(),
    "initial": lambda: _Form(initial={"name": TYPED, "amount": 1234567, "agree": True, "many": ["b"]}),
    "bound": lambda: _Form(BOUND),
    "needed": lambda: _Needed(),
    "prefixed": lambda: _Form(BOUND, prefix="p", auto_id="f_%s"),
    "no ids": lambda: _Form(BOUND, auto_id=False),
}


@pytest.mark.parametrize("state", FORMS)
@pytest.mark.parametrize("wide", [False, True])
@pytest.mark.parametrize("errors_first", [False, True])
def test_field_is_the_templates_output_to_the_byte(state, wide, errors_first):
    form = FORMS[state]()
    for field in form:
        context = {"field": field, "wide": wide, "errors_first": errors_first}
        assert field_html(field, wide=wide, errors_first=errors_first) == render_to_string(
            "core/_field.html", context
        ), field.name


@pytest.mark.parametrize("state", FORMS)
def test_widget_is_djangos_output_to_the_byte(state):
    for field in FORMS[state]():
        assert widget_html(field) == str(field), field.name


def test_what_was_typed_is_escaped_everywhere():
    form = _Form(BOUND)
    html = "".join(field_html(field) for field in form)
    assert (
        "<script>" not in html
        and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;y&#x27;" in html
    )
    assert 'data-x="&lt;script&gt;' in html
    assert "Tên &lt;b&gt;đơn vị&lt;/b&gt;" in html and "Ghi &lt;đủ&gt; tên &amp; mã" in html
    assert (
        '<p class="field__error" id="id_name_error">Lỗi &lt;một&gt;</p><p class="field__error">Lỗi hai &amp; ba</p>'
        in html
    )
    # what the code marked safe stays as it is
    assert "<abbr>MST</abbr>" in html and "<a href='#'>?</a>" in html


def test_label_id_required_mark_and_aria_are_kept():
    form = _Form(BOUND)
    name = field_html(form["name"])
    assert name.startswith('<div class="field field--error">')
    assert (
        '<label for="id_name">Tên &lt;b&gt;đơn vị&lt;/b&gt; <span class="required" aria-hidden="true">*</span></label>'
        in name
    )
    assert 'id="id_name"' in name and " required" in name and 'aria-invalid="true"' in name
    assert 'aria-describedby="id_name_helptext id_name_error"' in name
    assert '<span class="field__help" id="id_name_helptext">' in name
    note = field_html(form["note"])
    assert '<label for="id_note">Ghi chú</label>' in note and " required" not in note and "aria-" not in note
    agree = field_html(_Form()["agree"])
    assert agree.startswith('<div class="field field--check">')
    assert (
        '<label for="id_agree"><input type="checkbox" name="agree" aria-describedby="id_agree_helptext" id="id_agree"> Đồng ý &amp; gửi</label>'
        in agree
    )
    assert '<span class="required"' in field_html(_Needed()["title"])
    assert field_html(_Form()["name"], wide=True).startswith('<div class="field field--wide">')


def test_errors_first_puts_them_in_one_line_above_the_help():
    html = field_html(_Form(BOUND)["name"], errors_first=True)
    assert '<div class="field__error" id="id_name_error">Lỗi &lt;một&gt; Lỗi hai &amp; ba</div>' in html
    assert html.index("field__error") < html.index("field__help") and "<p " not in html


def test_the_template_tags_draw_the_same():
    form = _Form(BOUND)
    html = Template(
        "{% load nangsuat %}{% form_field form.name wide=True %}|{% form_widget form.amount %}"
    ).render(Context({"form": form}))
    assert html == field_html(form["name"], wide=True) + "|" + str(form["amount"])
