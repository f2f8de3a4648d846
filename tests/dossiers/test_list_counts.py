"""The officers' dossier list keeps its count in the shared cache: counted once per agency and filters, and
counted again as soon as a dossier changes."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nangsuat.core.roles import Role
from nangsuat.dossiers import selectors
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.selectors import DossierFilters
from nangsuat.dossiers.states import State
from nangsuat.reference.models import Ward
from nangsuat.registry.models import Enterprise
from nangsuat.registry.signals import enterprises_changed
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory

from .factories import make_call, make_dossier
from .test_pages import client_for

pytestmark = pytest.mark.django_db

LIST = reverse("dossiers:dossier_list")


@pytest.fixture(autouse=True)
def _kept(settings):
    settings.LIST_COUNT_CACHE_SECONDS = 60


def submitted(call, **fields) -> Dossier:
    return make_dossier(
        call=call,
        enterprise=EnterpriseFactory(agency=call.agency),
        state=State.SUBMITTED,
        attachments=False,
        **fields,
    )


def shown_count(client, url: str = LIST) -> int:
    page = client.get(url).content.decode()
    return int(re.search(r'<div class="result-bar"><span>(\d+) hồ sơ', page).group(1))


def counts_in(queries) -> list[str]:
    return [q["sql"] for q in queries if "COUNT(" in q["sql"] and "dossiers_dossier" in q["sql"]]


def test_a_kept_count_is_not_counted_again_and_changes_with_a_dossier(call, officer):
    submitted(call)
    client = client_for(officer)
    assert shown_count(client) == 1
    with CaptureQueriesContext(connection) as again:
        assert shown_count(client) == 1
    assert counts_in(again) == []
    with CaptureQueriesContext(connection) as second_page:
        client.get(LIST + "?page=2&sort=due")  # another page, another sort: the same count
    assert counts_in(second_page) == []

    dossier = submitted(call)
    assert shown_count(client) == 2
    dossier.state = State.WITHDRAWN
    dossier.save(update_fields=["state"])
    assert shown_count(client, LIST + "?state=submitted") == 1
    dossier.delete()
    assert shown_count(client) == 1


def test_filters_and_agencies_are_counted_apart(call, officer, vinh_long):
    submitted(call)
    submitted(call)
    client = client_for(officer)
    assert shown_count(client) == 2
    assert shown_count(client, LIST + "?state=valid") == 0
    other_call = make_call(agency=vinh_long, actor=UserFactory(role=Role.OFFICER, agency=vinh_long))
    submitted(other_call)
    elsewhere = client_for(UserFactory(role=Role.OFFICER, agency=vinh_long))
    assert shown_count(elsewhere) == 1
    assert shown_count(client) == 2


def test_a_ward_rewritten_in_bulk_is_counted_again(call, officer):
    dossier = submitted(call)
    client = client_for(officer)
    ward = dossier.enterprise_ward
    assert shown_count(client, f"{LIST}?ward={ward}") == 1
    # The registry's import moves the enterprise to another ward in bulk (no save) and says so.
    Enterprise.objects.filter(pk=dossier.enterprise_id).update(ward=Ward.objects.exclude(code=ward).first())
    enterprises_changed.send(sender=Enterprise, ids=[dossier.enterprise_id])
    assert shown_count(client, f"{LIST}?ward={ward}") == 0


def test_searches_enterprises_and_council_members_count_each_time(call, officer, ent_user):
    assert selectors.keep_list_count(officer, DossierFilters()) is not None
    assert selectors.keep_list_count(officer, DossierFilters(q="Công ty")) is None
    assert selectors.keep_list_count(ent_user, DossierFilters()) is None
    council = UserFactory(role=Role.COUNCIL, agency=call.agency)
    assert selectors.keep_list_count(council, DossierFilters()) is None


def test_nothing_is_kept_when_the_setting_is_zero(call, officer, settings):
    settings.LIST_COUNT_CACHE_SECONDS = 0
    submitted(call)
    client = client_for(officer)
    client.get(LIST)
    with CaptureQueriesContext(connection) as again:
        client.get(LIST)
    assert len(counts_in(again)) == 1
