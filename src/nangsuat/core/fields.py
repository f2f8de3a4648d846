"""Form fields drawn in Python, to the byte as the templates draw them: ``widget_html`` is Django's
``<input>`` widget template (``django/forms/widgets/input.html``), ``field_html`` is ``core/_field.html``.
A page with a few small forms otherwise spends a template render on every widget, and another on every
field around it. The attributes, values, labels, help texts and errors are the bound field's own, passed
through ``html.escape`` unless already safe, as the templates' autoescaping does. A widget with another
template (a select, a group of checkboxes) is left to its template; a textarea is drawn as Django's
``textarea.html``."""

import html

from django.forms import BoundField
from django.template.loader import render_to_string
from django.utils.safestring import SafeData, SafeString, mark_safe

# The widgets whose template is Django's input.html and nothing else.
_INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "input",
        "text",
        "number",
        "email",
        "url",
        "tel",
        "search",
        "password",
        "date",
        "datetime",
        "time",
        "color",
        "checkbox",
    )
)


def _escaped(value) -> str:
    return value if isinstance(value, SafeData) else html.escape(str(value))


_TEXTAREA = "django/forms/widgets/textarea.html"


def _drawn(field: BoundField) -> bool:
    widget = field.field.widget
    return (
        widget.template_name in _INPUT_TEMPLATES or widget.template_name == _TEXTAREA
    ) and not field.field.show_hidden_initial


def _attrs(attrs: dict) -> str:
    """Django's ``attrs.html``: a true attribute by its name alone, a false one left out."""
    return "".join(
        f" {_escaped(name)}" if value is True else f' {_escaped(name)}="{_escaped(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def widget_html(field: BoundField) -> SafeString:
    """``{{ field }}``: the field's widget, as ``BoundField.as_widget`` renders it."""
    if not _drawn(field):
        return field.as_widget()
    widget = field.field.widget
    if field.field.localize:
        widget.is_localized = True
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    drawn = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    value = drawn["value"]
    if widget.template_name == _TEXTAREA:
        return mark_safe(  # noqa: S308 - every name and value is escaped here
            f'<textarea name="{_escaped(drawn["name"])}"{_attrs(drawn["attrs"])}>\n'
            f"{_escaped(value) if value else ''}</textarea>"
        )
    return mark_safe(  # noqa: S308 - every name and value is escaped here
        f'<input type="{_escaped(drawn["type"])}" name="{_escaped(drawn["name"])}"'
        + ("" if value is None else f' value="{_escaped(value)}"')
        + _attrs(drawn["attrs"])
        + ">"
    )


def field_html(field: BoundField, *, wide: bool = False, errors_first: bool = False) -> SafeString:
    """``{% include "core/_field.html" %}``: the field with its label, required mark, help text and
    errors, the widget's ``aria-describedby`` pointing at the help text and the first error."""
    kind = field.widget_type
    if not _drawn(field):
        context = {"field": field, "wide": wide, "errors_first": errors_first}
        return mark_safe(render_to_string("core/_field.html", context))  # noqa: S308 - a template's output
    errors = field.errors
    auto_id = _escaped(field.auto_id)
    label = _escaped(field.label)
    css = "field" + (" field--wide" if wide else "") + (" field--error" if errors else "")
    if kind == "checkbox":
        css += " field--check"
        body = f'<label for="{_escaped(field.id_for_label)}">{widget_html(field)} {label}</label>'
    else:
        required = field.field.required or getattr(field.field, "needed_to_submit", False)
        mark = ' <span class="required" aria-hidden="true">*</span>' if required else ""
        body = f'<label for="{_escaped(field.id_for_label)}">{label}{mark}</label>\n    {widget_html(field)}'
    first = ""
    if errors_first and errors:
        joined = " ".join(_escaped(e) for e in errors)
        first = f'<div class="field__error" id="{auto_id}_error">{joined}</div>'
    help_text = field.help_text
    helps = (
        f'<span class="field__help" id="{auto_id}_helptext">{_escaped(help_text)}</span>' if help_text else ""
    )
    last = ""
    if not errors_first:
        error_id = f' id="{auto_id}_error"'
        last = "".join(
            f'<p class="field__error"{error_id if i == 0 else ""}>{_escaped(e)}</p>'
            for i, e in enumerate(errors)
        )
    return mark_safe(  # noqa: S308 - every value is escaped above
        f'<div class="{css}">\n  \n    {body}\n  \n  {first}\n  {helps}\n  {last}\n</div>\n'
    )
