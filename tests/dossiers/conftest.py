"""Fixtures for calls and dossiers."""

import pytest
from django.core.cache import cache

from nangsuat.core.roles import Role
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .factories import make_call


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agency(can_tho):
    return can_tho


@pytest.fixture
def officer(agency):
    return UserFactory(role=Role.OFFICER, agency=agency)


@pytest.fixture
def director(agency):
    return UserFactory(role=Role.DIRECTOR, agency=agency)


@pytest.fixture
def call(agency, officer):
    return make_call(agency=agency, actor=officer)


@pytest.fixture
def enterprise(agency):
    return EnterpriseFactory(agency=agency)


@pytest.fixture
def ent_user(enterprise):
    return enterprise_user(enterprise)


@pytest.fixture
def api_client():
    from tests.api.conftest import ApiClient

    return ApiClient
