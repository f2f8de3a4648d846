"""Only the roles that act on a dossier comment on it (the enterprise reads its timeline): its
enterprise's members, the officers and the director. The ministry, the city, finance, council members and
administrators read it and cannot post."""

import pytest
from django.urls import reverse

from nangsuat.core.errors import Forbidden
from nangsuat.core.roles import Role
from nangsuat.councils import services as council_services
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Comment
from nangsuat.dossiers.services import dossiers as dossier_services
from tests.core.clients import client_for
from tests.core.factories import UserFactory
from tests.councils.factories import make_council
from tests.dossiers.factories import DossierFactory
from tests.registry.factories import enterprise_user

pytestmark = pytest.mark.django_db

READERS = (Role.MINISTRY, Role.CITY, Role.FINANCE, Role.ADMIN, Role.COUNCIL)
COMMENTERS = (Role.ENTERPRISE, Role.OFFICER, Role.DIRECTOR)


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.STAFF_MFA_REQUIRED = False


@pytest.fixture
def dossier(can_tho):
    """A dossier in council; one member has declared no conflict and reads it."""
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    dossier = DossierFactory(call__agency=can_tho)
    _council, scorers, _secretary = make_council(dossier.call, officer=officer)
    workflow.perform(dossier=dossier, action="send_to_council", actor=officer)
    sheet = scorers[0].sheets.get(dossier=dossier)
    council_services.declare_conflict(sheet=sheet, actor=scorers[0].user, has_conflict=False)
    dossier.member = scorers[0].user
    return dossier


def _user(role, dossier):
    if role == Role.ENTERPRISE:
        return enterprise_user(dossier.enterprise)
    if role == Role.COUNCIL:
        return dossier.member
    return UserFactory(role=role, agency=dossier.agency)


def _form_action(dossier) -> str:
    return f'action="{reverse("dossiers:comment_add", args=[dossier.pk])}"'


@pytest.mark.parametrize("role", READERS)
def test_read_only_roles_read_the_dossier_but_cannot_comment(dossier, role):
    user = _user(role, dossier)
    client = client_for(user)
    page = client.get(reverse("dossiers:dossier_detail", args=[dossier.pk]))
    assert page.status_code == 200 and _form_action(dossier) not in page.content.decode()
    posted = client.post(
        reverse("dossiers:comment_add", args=[dossier.pk]), {"body": "Ý kiến của tôi", "internal": ""}
    )
    assert posted.status_code == 403
    with pytest.raises(Forbidden):
        dossier_services.add_comment(dossier=dossier, author=user, body="Ý kiến", internal=False)
    assert not Comment.objects.exists()


@pytest.mark.parametrize("role", COMMENTERS)
def test_the_roles_that_act_on_a_dossier_comment(dossier, role):
    client = client_for(_user(role, dossier))
    page = client.get(reverse("dossiers:dossier_detail", args=[dossier.pk]))
    assert _form_action(dossier) in page.content.decode()
    posted = client.post(reverse("dossiers:comment_add", args=[dossier.pk]), {"body": "Ý kiến của tôi"})
    assert posted.status_code == 302
    assert Comment.objects.get().body == "Ý kiến của tôi"
