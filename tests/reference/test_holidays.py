import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from nangsuat.core import calendar
from nangsuat.core.models import Holiday
from nangsuat.reference.holidays import LEGAL_BASIS, load_holidays, public_holidays

pytestmark = pytest.mark.django_db


def test_public_holidays_of_a_year_include_tet_and_days_in_lieu():
    rows = {r.date: r for r in public_holidays(2031)}
    assert rows[dt.date(2031, 1, 1)].kind == Holiday.Kind.HOLIDAY
    assert rows[dt.date(2031, 9, 2)].name == "Quốc khánh"
    assert any(r.name == "Tết Nguyên Đán" for r in rows.values())
    assert all(r.legal_basis == LEGAL_BASIS for r in rows.values())


def test_loading_a_year_adds_its_days_and_keeps_existing_ones():
    calendar.clear_cache()
    Holiday.objects.create(date=dt.date(2031, 9, 2), name="Quốc khánh (đã sửa)", kind=Holiday.Kind.HOLIDAY)
    added = load_holidays(years=[2031])
    assert added == len(public_holidays(2031)) - 1
    assert Holiday.objects.get(date=dt.date(2031, 9, 2)).name == "Quốc khánh (đã sửa)"
    assert load_holidays(years=[2031]) == 0
    assert not calendar.is_working_day(dt.date(2031, 1, 1))


def test_the_years_already_seeded_are_not_duplicated():
    assert load_holidays(years=[2027]) == 0


def test_command_loads_years_and_refuses_odd_ones():
    out = StringIO()
    call_command("load_holidays", "2032", stdout=out)
    assert "Đã thêm" in out.getvalue()
    assert Holiday.objects.filter(date__year=2032).exists()
    with pytest.raises(CommandError):
        call_command("load_holidays", "1800")
