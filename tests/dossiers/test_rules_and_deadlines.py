"""Every named rule is registered; deadlines count working days with holidays; priority points."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nangsuat.core.models import Holiday
from nangsuat.dossiers import priority, workflow
from nangsuat.dossiers.states import State

from .factories import make_call, make_dossier

pytestmark = pytest.mark.django_db


def test_every_rule_of_the_table_is_registered():
    assert workflow.missing_rules() == set()


def test_every_action_form_belongs_to_a_known_action():
    assert set(workflow.ACTION_FORMS) <= set(workflow.BY_ACTION)


def _submit_on(day, monkeypatch, call, enterprise, user):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: day)
    monkeypatch.setitem(workflow.EFFECTS, "receipt_slip", lambda step: None)
    dossier = make_dossier(call=call, enterprise=enterprise)
    workflow.perform(dossier=dossier, action="submit", actor=user)
    dossier.refresh_from_db()
    return dossier


def test_validity_clock_counts_five_working_days_after_the_window_skipping_holidays(
    agency, officer, enterprise, ent_user, monkeypatch
):
    # Window closes Thursday 26/3/2026; Friday 27 is made a holiday for the test; Sat/Sun skipped.
    Holiday.objects.filter(date__range=(dt.date(2026, 3, 1), dt.date(2026, 4, 30))).delete()
    Holiday.objects.update_or_create(date=dt.date(2026, 3, 27), defaults={"name": "Ngày nghỉ thử"})
    call = make_call(
        agency=agency,
        actor=officer,
        registration_opens=dt.date(2026, 1, 1),
        registration_closes=dt.date(2026, 3, 26),
        open_now=False,
        year=2026,
    )
    dossier = _submit_on(dt.date(2026, 3, 20), monkeypatch, call, enterprise, ent_user)
    # 30/3 Mon (1), 31/3 (2), 1/4 (3), 2/4 (4), 3/4 Fri (5)
    assert dossier.due_on == dt.date(2026, 4, 3)


def test_validity_clock_around_reunification_day(agency, officer, enterprise, ent_user, monkeypatch):
    Holiday.objects.filter(date__range=(dt.date(2026, 4, 1), dt.date(2026, 5, 31))).delete()
    for day, name in (
        (dt.date(2026, 4, 30), "Ngày Giải phóng miền Nam"),
        (dt.date(2026, 5, 1), "Quốc tế Lao động"),
    ):
        Holiday.objects.update_or_create(date=day, defaults={"name": name, "kind": Holiday.Kind.HOLIDAY})
    call = make_call(
        agency=agency,
        actor=officer,
        registration_opens=dt.date(2026, 4, 1),
        registration_closes=dt.date(2026, 4, 28),
        open_now=False,
        year=2026,
    )
    dossier = _submit_on(dt.date(2026, 4, 27), monkeypatch, call, enterprise, ent_user)
    # from Tue 28/4: 29/4 (1), [30/4, 1/5 holidays, 2–3/5 weekend], 4/5 (2), 5/5 (3), 6/5 (4), 7/5 (5)
    assert dossier.due_on == dt.date(2026, 5, 7)


def test_supplement_deadline_defaults_to_ten_working_days(call, enterprise, officer, monkeypatch):
    from django.utils import timezone

    Holiday.objects.filter(date__range=(dt.date(2026, 8, 1), dt.date(2026, 9, 30))).delete()
    Holiday.objects.update_or_create(date=dt.date(2026, 9, 2), defaults={"name": "Quốc khánh"})
    Holiday.objects.update_or_create(
        date=dt.date(2026, 9, 1), defaults={"name": "Nghỉ liền kề Quốc khánh", "kind": Holiday.Kind.DAY_OFF}
    )
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(2026, 8, 28))  # a Friday
    monkeypatch.setitem(workflow.EFFECTS, "supplement_request_letter", lambda step: None)
    dossier = make_dossier(call=call, enterprise=enterprise, state=State.SUBMITTED)
    payload = workflow.clean_payload("request_supplement", {"items": "Bổ sung BCTC"})
    workflow.perform(
        dossier=dossier, action="request_supplement", actor=officer, note="Thiếu", payload=payload
    )
    dossier.refresh_from_db()
    # 31/8 (1), [1/9, 2/9 off], 3/9 (2), 4/9 (3), 7–11/9 (4–8), 14/9 (9), 15/9 (10)
    assert dossier.due_on == dt.date(2026, 9, 15)


@given(
    size=st.sampled_from(["micro", "small", "medium", "large", ""]),
    domestic=st.booleans(),
    export=st.booleans(),
    jobs=st.integers(min_value=0, max_value=500),
)
def test_priority_points_follow_the_seed_weights(size, domestic, export, jobs):
    expected = (
        (10 if size in ("micro", "small", "medium") else 0)
        + 5 * domestic
        + 5 * export
        + (5 if jobs >= 10 else 0)
    )
    got = sum(
        points
        for basis, points, threshold in priority.DEFAULT_RULES
        if priority.rule_applies(basis, threshold, size=size, domestic=domestic, export=export, jobs=jobs)
    )
    assert got == expected
