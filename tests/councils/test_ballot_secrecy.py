"""Until the council's result is closed a member sees only their own declaration and sheet: not who else
has declared a conflict or submitted, on the dossier's timeline or its history over the API. Officers and
directors follow the ballots; once the result is closed every member sees them."""

import pytest
from django.urls import reverse

from nangsuat.councils import services
from nangsuat.dossiers import workflow
from nangsuat.dossiers.selectors import timeline
from tests.api.conftest import ApiClient
from tests.core.clients import client_for

from .factories import score_all

pytestmark = pytest.mark.django_db

BALLOTS = {"conflict_declared", "score_sheet_submitted"}


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def _ballots_over_api(user, dossier) -> list[tuple[str, str]]:
    history = ApiClient(user).get(f"/api/v1/dossiers/{dossier.pk}/history").json()
    return [(e["action"], e["actor"]) for e in history if e["action"] in BALLOTS]


def _ballots_on_timeline(user, dossier) -> list[tuple[str, str]]:
    return [
        (e.obj.action, str(e.actor))
        for e in timeline(dossier, user)
        if getattr(e.obj, "action", "") in BALLOTS
    ]


@pytest.fixture
def ballots(in_council, council):
    """The first member has submitted, the second recused; the third has just declared no conflict."""
    _council, scorers, _secretary = council
    score_all(in_council, scorers[:1])
    score_all(in_council, scorers[1:2], conflicted=scorers[1:2])
    me = scorers[2]
    services.declare_conflict(sheet=me.sheets.get(dossier=in_council), actor=me.user, has_conflict=False)
    return in_council, scorers, me


def test_a_member_sees_only_their_own_ballot_before_the_result_closes(ballots):
    dossier, scorers, me = ballots
    mine = [("conflict_declared", str(me.user))]
    assert _ballots_on_timeline(me.user, dossier) == mine
    assert _ballots_over_api(me.user, dossier) == mine
    page = client_for(me.user).get(reverse("dossiers:dossier_detail", args=[dossier.pk])).content.decode()
    assert all(f"{m.user}</span>" not in page for m in scorers[:2])


def test_officers_follow_every_ballot(ballots, officer):
    dossier, _scorers, _me = ballots
    assert len(_ballots_over_api(officer, dossier)) == 4  # two declarations, a recusal, one sheet


def test_every_ballot_is_shown_once_the_result_is_closed(ballots, council):
    dossier, scorers, me = ballots
    _council, _all, secretary = council
    score_all(dossier, scorers[3:])
    sheet = me.sheets.get(dossier=dossier)
    services.save_score(
        sheet=sheet, actor=me.user, points={"urgency": 12, "feasibility": 40, "effectiveness": 28}
    )
    services.submit_sheet(sheet=sheet, actor=me.user)
    workflow.perform(dossier=dossier, action="recommend", actor=secretary.user)
    assert {actor for _action, actor in _ballots_over_api(me.user, dossier)} == {str(m.user) for m in scorers}
