"""The dossier page's road: each milestone done, the one under way, or where the dossier ended."""

import pytest
from django.urls import reverse

from nangsuat.dossiers.stepper import steps
from tests.core.clients import client_for

from .factories import make_dossier


def _statuses(state, **kwargs):
    return [s.status for s in steps(state, **kwargs)]


def test_the_road_marks_what_is_done_and_what_is_under_way():
    assert _statuses("draft") == ["todo"] * 8
    assert _statuses("submitted") == ["done", "current"] + ["todo"] * 6
    assert _statuses("in_council") == ["done"] * 3 + ["current"] + ["todo"] * 4
    assert _statuses("paid") == ["done"] * 8


@pytest.mark.parametrize(
    ("state", "ended_at"),
    [("invalid", 1), ("not_recommended", 3), ("not_approved", 4), ("not_accepted", 6), ("terminated", 6)],
)
def test_a_dossier_that_ended_shows_where(state, ended_at):
    statuses = _statuses(state)
    assert statuses.index("ended") == ended_at and "current" not in statuses
    assert statuses[:ended_at] == ["done"] * ended_at


def test_a_withdrawn_dossier_ends_after_the_step_it_had_reached():
    assert _statuses("withdrawn", withdrawn_from="valid").index("ended") == 2


@pytest.mark.django_db
def test_the_dossier_page_draws_the_road(call, ent_user):
    dossier = make_dossier(call=call, enterprise=ent_user.memberships.get().enterprise, state="submitted")
    page = client_for(ent_user).get(reverse("dossiers:dossier_detail", args=[dossier.pk])).content.decode()
    assert 'class="stepper stepper--road"' in page and 'aria-current="step"' in page
