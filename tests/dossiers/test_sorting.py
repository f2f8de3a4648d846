"""The dossier list sorts by each of its columns, shows which one and in which direction, and puts undated
dossiers last whatever the database."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from nangsuat.dossiers.models import Dossier
from tests.core.clients import client_for
from tests.registry.factories import EnterpriseFactory

from .factories import make_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def test_columns_sort_both_ways_and_say_so(call, officer):
    names = ["Công ty Bình Minh", "Công ty An Phát", "Công ty Cửu Long"]
    made = {
        n: make_dossier(
            call=call, enterprise=EnterpriseFactory(agency=call.agency, name=n), state="submitted"
        )
        for n in names
    }
    Dossier.objects.filter(pk=made["Công ty Cửu Long"].pk).update(
        due_on=timezone.localdate() + dt.timedelta(days=2)
    )
    Dossier.objects.filter(pk=made["Công ty An Phát"].pk).update(
        due_on=timezone.localdate() + dt.timedelta(days=9)
    )
    client = client_for(officer)
    url = reverse("dossiers:dossier_list")

    def order(sort):
        page = client.get(url, {"sort": sort}).content.decode()
        return sorted(names, key=page.index), page

    assert order("enterprise")[0] == ["Công ty An Phát", "Công ty Bình Minh", "Công ty Cửu Long"]
    ranked, page = order("-enterprise")
    assert ranked == ["Công ty Cửu Long", "Công ty Bình Minh", "Công ty An Phát"]
    assert 'aria-sort="descending"' in page and page.count("aria-sort=") == 1
    # By due date: the nearest first, the undated one last (SQLite would put it first by itself).
    assert order("due")[0] == ["Công ty Cửu Long", "Công ty An Phát", "Công ty Bình Minh"]
    assert order("-due")[0] == ["Công ty An Phát", "Công ty Cửu Long", "Công ty Bình Minh"]
    assert order("content")[1].count('href="?sort=') >= 7


def test_the_lists_leave_the_long_texts_unread(call, officer):
    from nangsuat.dossiers.selectors import LIST_DEFERRED, dossiers_for_user

    make_dossier(call=call, state="submitted")
    assert set(LIST_DEFERRED) <= dossiers_for_user(user=officer).get().get_deferred_fields()
