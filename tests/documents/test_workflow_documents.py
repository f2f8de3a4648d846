"""The documents a dossier collects as it walks the workflow, with the records other apps keep."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from nangsuat.core.roles import Role
from nangsuat.dossiers import workflow
from tests.core.factories import UserFactory
from tests.councils.factories import make_council, score_all
from tests.dossiers.factories import CallFactory, DossierFactory

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def setting(can_tho):
    call = CallFactory(agency=can_tho)
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    director = UserFactory(
        role=Role.DIRECTOR, agency=can_tho, full_name="Trần Văn Minh", position="Giám đốc Sở"
    )
    council = make_council(call, officer=officer)
    return call, officer, director, council


def _assigned(setting, number="45/QĐ-SKHCN"):
    call, officer, director, (_c, scorers, secretary) = setting
    dossier = DossierFactory(call=call)
    workflow.perform(dossier=dossier, action="send_to_council", actor=officer)
    score_all(dossier, scorers)
    workflow.perform(dossier=dossier, action="recommend", actor=secretary.user)
    workflow.perform(dossier=dossier, action="propose", actor=director)
    workflow.perform(
        dossier=dossier,
        action="approve",
        actor=officer,
        payload={"decision_number": "1234/QĐ-UBND", "decision_date": D(2026, 6, 1)},
    )
    workflow.perform(
        dossier=dossier,
        action="assign",
        actor=director,
        payload={"decision_number": number, "decision_date": D(2026, 6, 10)},
    )
    return dossier


def test_a_number_already_in_the_register_is_refused(setting):
    _assigned(setting, number="45/QĐ-SKHCN")
    with pytest.raises(ValidationError) as exc:
        _assigned(setting, number="45/QĐ-SKHCN")
    assert "decision_number" in exc.value.message_dict
