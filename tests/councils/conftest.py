import pytest

from nangsuat.core.roles import Role
from nangsuat.dossiers import workflow
from tests.core.factories import UserFactory
from tests.dossiers.factories import CallFactory, DossierFactory

from .factories import make_council


@pytest.fixture
def call(can_tho):
    return CallFactory(agency=can_tho)


@pytest.fixture
def officer(can_tho):
    return UserFactory(role=Role.OFFICER, agency=can_tho)


@pytest.fixture
def director(can_tho):
    return UserFactory(role=Role.DIRECTOR, agency=can_tho)


@pytest.fixture
def council(call, officer):
    return make_council(call, officer=officer)


@pytest.fixture
def in_council(call, council, officer):
    """A dossier sent to the council."""
    dossier = DossierFactory(call=call)
    return workflow.perform(dossier=dossier, action="send_to_council", actor=officer)


@pytest.fixture(autouse=True)
def _other_apps_effects(monkeypatch):
    """Effects other apps have not registered yet (documents) run as no-ops here."""
    for name in workflow.missing_rules():
        if name not in workflow.PERMISSIONS and name not in workflow.CONDITIONS:
            monkeypatch.setitem(workflow.EFFECTS, name, lambda step: None)
