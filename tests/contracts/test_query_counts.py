"""The contract list and the API's run as many queries with three times the contracts."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.api.conftest import ApiClient

from .test_workflow import contracted

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def _count(get, url: str) -> int:
    get(url)
    with CaptureQueriesContext(connection) as captured:
        assert get(url).status_code == 200, url
    return len(captured)


def test_contract_lists_run_as_many_queries_with_three_times_the_rows(call, officer, director, council):
    page = Client()
    page.force_login(officer)
    api = ApiClient(officer)
    lists = [(page.get, reverse("contracts:list")), (api.get, "/api/v1/contracts")]
    contracted(call, officer, director, council, n=101)
    few = [_count(get, url) for get, url in lists]
    for n in (102, 103):
        contracted(call, officer, director, council, n=n)
    assert [_count(get, url) for get, url in lists] == few
