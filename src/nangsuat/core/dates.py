"""Dates the product takes from people: from 01/01/2000 to ten years ahead.

Nothing in the programme happens before 2000 (Programme 1322 itself starts in 2021), and no deadline runs
ten years out; a date outside is a typing mistake (year 1, 2099) that would otherwise be written into
contracts, payments and official documents.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

EARLIEST = dt.date(2000, 1, 1)
YEARS_AHEAD = 10


def latest() -> dt.date:
    return dt.date(timezone.localdate().year + YEARS_AHEAD, 12, 31)


def validate_plausible_date(value: dt.date | None) -> None:
    """A validator for form fields (``validators=[validate_plausible_date]``) and API schemas."""
    if value is not None and not EARLIEST <= value <= latest():
        raise ValidationError(
            _("Ngày phải trong khoảng từ %(first)s đến %(last)s.")
            % {"first": EARLIEST.strftime("%d/%m/%Y"), "last": latest().strftime("%d/%m/%Y")},
            code="implausible_date",
        )
