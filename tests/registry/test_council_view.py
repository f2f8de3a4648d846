"""A council member reads the registry only for the enterprises of the dossiers they may open: after
declaring no conflict of interest (the secretary: the dossiers of their council's call)."""

import pytest
from django.urls import reverse

from nangsuat.councils import services as council_services
from nangsuat.dossiers import workflow
from nangsuat.registry.permissions import can_view_enterprise
from nangsuat.registry.selectors import visible_enterprises
from tests.api.conftest import ApiClient
from tests.core.clients import client_for
from tests.core.factories import UserFactory
from tests.councils.factories import make_council
from tests.dossiers.factories import DossierFactory
from tests.registry.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.STAFF_MFA_REQUIRED = False


@pytest.fixture
def world(can_tho):
    """A dossier in council; another enterprise of the same agency with no dossier before the council."""
    officer = UserFactory(role="officer", agency=can_tho)
    dossier = DossierFactory(call__agency=can_tho)
    _council, scorers, secretary = make_council(dossier.call, officer=officer)
    workflow.perform(dossier=dossier, action="send_to_council", actor=officer)
    return dossier, scorers, secretary, EnterpriseFactory(agency=can_tho)


def _declare(member, dossier, *, conflict: bool):
    sheet = member.sheets.get(dossier=dossier)
    council_services.declare_conflict(
        sheet=sheet, actor=member.user, has_conflict=conflict, reason="Người thân"
    )


def _api_ids(user) -> set[int]:
    body = ApiClient(user).get("/api/v1/enterprises", {"page_size": 100}).json()
    return {e["id"] for e in body["items"]}


def test_a_member_reads_no_enterprise_before_declaring(world):
    dossier, scorers, _secretary, other = world
    member = scorers[0].user
    assert _api_ids(member) == set()
    api = ApiClient(member)
    for enterprise in (dossier.enterprise, other):
        assert api.get(f"/api/v1/enterprises/{enterprise.pk}").status_code == 404
        page = client_for(member).get(reverse("registry:enterprise_detail", args=[enterprise.pk]))
        assert page.status_code == 404
        assert not can_view_enterprise(member, enterprise)


def test_a_member_who_declared_no_conflict_reads_that_dossiers_enterprise_only(world):
    dossier, scorers, _secretary, other = world
    member = scorers[0]
    _declare(member, dossier, conflict=False)
    assert _api_ids(member.user) == {dossier.enterprise.pk}
    api = ApiClient(member.user)
    assert api.get(f"/api/v1/enterprises/{dossier.enterprise.pk}").status_code == 200
    assert api.get(f"/api/v1/enterprises/{other.pk}").status_code == 404
    client = client_for(member.user)
    assert client.get(reverse("registry:enterprise_detail", args=[dossier.enterprise.pk])).status_code == 200
    assert client.get(reverse("registry:enterprise_detail", args=[other.pk])).status_code == 404
    assert can_view_enterprise(member.user, dossier.enterprise) and not can_view_enterprise(
        member.user, other
    )


def test_a_recused_member_never_reads_the_enterprise(world):
    dossier, scorers, _secretary, _other = world
    _declare(scorers[1], dossier, conflict=True)
    assert not visible_enterprises(scorers[1].user).exists()


def test_the_secretary_reads_the_enterprises_of_the_councils_dossiers(world):
    dossier, _scorers, secretary, other = world
    assert set(visible_enterprises(secretary.user)) == {dossier.enterprise}
    assert other not in visible_enterprises(secretary.user)
