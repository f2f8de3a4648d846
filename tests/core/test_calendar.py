import datetime as dt
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nangsuat.core import calendar
from nangsuat.core.models import Holiday

pytestmark = pytest.mark.django_db

fixture_ok = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
days = st.dates(min_value=dt.date(2025, 6, 1), max_value=dt.date(2031, 6, 30))


@pytest.fixture(autouse=True)
def _fresh_calendar():
    calendar.clear_cache()
    yield
    calendar.clear_cache()


def test_holidays_2026_to_2030_are_loaded_with_their_legal_basis():
    rows = Holiday.objects.filter(date__year__gte=2026, date__year__lte=2030)
    assert rows.count() >= 70
    assert all("Bộ luật Lao động 2019, Điều 112" in r.legal_basis for r in rows)
    for year in range(2026, 2031):
        assert rows.filter(date__year=year, name="Tết Nguyên Đán").exists()
        assert rows.filter(date=dt.date(year, 9, 2)).exists()


def test_weekends_are_off_and_weekdays_worked():
    assert calendar.is_working_day(dt.date(2027, 3, 10))  # Wednesday
    assert not calendar.is_working_day(dt.date(2027, 3, 13))  # Saturday
    assert not calendar.is_working_day(dt.date(2027, 3, 14))  # Sunday


def test_tet_2027_days_are_off():
    # Tết Đinh Mùi: mùng 1 = Saturday 06/02/2027; the weekend days are compensated on 04/02 and 10/02.
    for day in range(4, 11):
        assert not calendar.is_working_day(dt.date(2027, 2, day)), day
    assert calendar.is_working_day(dt.date(2027, 2, 3))
    assert calendar.is_working_day(dt.date(2027, 2, 11))


def test_five_working_days_across_tet_2027():
    # From Tuesday 02/02/2027: Wed 03/02 is the 1st, then Tết until 10/02, then 11, 12, 15, 16.
    assert calendar.add_working_days(dt.date(2027, 2, 2), 5) == dt.date(2027, 2, 16)
    assert calendar.working_days_between(dt.date(2027, 2, 2), dt.date(2027, 2, 16)) == 5
    assert calendar.next_working_day(dt.date(2027, 2, 3)) == dt.date(2027, 2, 11)
    assert calendar.on_or_after(dt.date(2027, 2, 6)) == dt.date(2027, 2, 11)
    assert calendar.on_or_after(dt.date(2027, 2, 11)) == dt.date(2027, 2, 11)
    assert calendar.add_working_days(dt.date(2027, 2, 11), -1) == dt.date(2027, 2, 3)


def test_observed_day_off_and_make_up_working_day_2026():
    assert not calendar.is_working_day(dt.date(2026, 4, 27))  # Giỗ Tổ on Sunday, observed Monday
    assert not calendar.is_working_day(dt.date(2026, 8, 31))
    assert calendar.is_working_day(dt.date(2026, 8, 22))  # Saturday worked instead
    assert calendar.next_working_day(dt.date(2026, 8, 21)) == dt.date(2026, 8, 22)


def test_cache_follows_holiday_edits():
    day = dt.date(2031, 3, 12)  # a Wednesday, no holiday
    assert calendar.is_working_day(day)
    row = Holiday.objects.create(date=day, name="Nghỉ đột xuất", kind=Holiday.Kind.DAY_OFF)
    assert not calendar.is_working_day(day)
    row.delete()
    assert calendar.is_working_day(day)
    Holiday.objects.create(date=dt.date(2031, 3, 15), name="Làm bù", kind=Holiday.Kind.WORKDAY)
    assert calendar.is_working_day(dt.date(2031, 3, 15))


def test_cache_is_kept_outside_transactions(django_assert_num_queries, monkeypatch):
    monkeypatch.setattr(calendar, "connection", SimpleNamespace(in_atomic_block=False))
    calendar.is_working_day(dt.date(2027, 1, 1))
    with django_assert_num_queries(0):
        calendar.add_working_days(dt.date(2027, 1, 1), 30)


def test_datetimes_are_taken_as_their_date():
    assert not calendar.is_working_day(dt.datetime(2027, 9, 2, 10, 0))


@fixture_ok
@given(start=days, n=st.integers(min_value=-60, max_value=60))
def test_add_working_days_never_lands_on_a_day_off(start, n):
    result = calendar.add_working_days(start, n)
    if n == 0:
        assert result == start
    else:
        assert calendar.is_working_day(result)
        assert (result > start) == (n > 0)


@fixture_ok
@given(start=days, n=st.integers(min_value=-60, max_value=60))
def test_between_is_the_inverse_of_add(start, n):
    assert calendar.working_days_between(start, calendar.add_working_days(start, n)) == n


@fixture_ok
@given(a=days, b=days)
def test_add_is_the_inverse_of_between_on_working_days(a, b):
    if calendar.is_working_day(b):
        assert calendar.add_working_days(a, calendar.working_days_between(a, b)) == b


def test_cache_expires_so_other_processes_see_edits(monkeypatch):
    monkeypatch.setattr(calendar, "connection", SimpleNamespace(in_atomic_block=False))
    day = dt.date(2031, 3, 19)  # a Wednesday
    assert calendar.is_working_day(day)
    Holiday.objects.bulk_create([Holiday(date=day, name="Nghỉ", kind=Holiday.Kind.DAY_OFF)])  # no signal
    assert calendar.is_working_day(day)  # still the cached copy
    monkeypatch.setattr(calendar, "CACHE_SECONDS", 0)
    assert not calendar.is_working_day(day)
