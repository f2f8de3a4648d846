"""Widgets every app's forms share."""

from django import forms


class DateInput(forms.DateInput):
    """A date typed dd/mm/yyyy, whatever the browser's locale (a browser's own date picker shows the
    format of its locale, mm/dd/yyyy on an English one). Read by ``nangsuat.formats``."""

    def __init__(self, attrs=None):
        attrs = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", **(attrs or {})}
        super().__init__(attrs=attrs, format="%d/%m/%Y")
