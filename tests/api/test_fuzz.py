"""Whatever a client sends to the enterprise endpoints, the answer is never a 5xx and always the JSON
error shape."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nangsuat.core.roles import Role
from tests.core.factories import UserFactory
from tests.reference.factories import some_vsic, some_ward
from tests.registry.factories import EnterpriseFactory, valid_tax_code

from .conftest import ApiClient

pytestmark = pytest.mark.django_db
URL = "/api/v1/enterprises"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from(
        ["", "0", "company", "C", "10", "31117", valid_tax_code(5), "0100233488-001", "🙂", "\x00"]
    ),
)
values = st.one_of(
    scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=5), scalars, max_size=2)
)
FIELDS = [
    "tax_code",
    "name",
    "kind",
    "vsic_code",
    "ward_code",
    "employees",
    "revenue_vnd",
    "capital_vnd",
    "year",
    "address",
    "email",
    "phone",
    "short_name",
    "representative",
    "size_class",
    "id",
]
payloads = st.dictionaries(st.sampled_from(FIELDS), values, max_size=10)


def _assert_shape(res):
    assert res.status_code < 500, res.content
    if res.status_code >= 400:
        body = res.json()
        assert isinstance(body["detail"], str) and body["detail"]
        assert isinstance(body["errors"], dict)


@pytest.fixture
def clients(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enterprise = EnterpriseFactory(agency=can_tho)
    return ApiClient(officer), enterprise


FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(payload=payloads)
def test_create_never_fails_with_5xx(clients, payload):
    client, _ = clients
    _assert_shape(client.post(URL, payload))


@FUZZ
@given(payload=payloads)
def test_patch_never_fails_with_5xx(clients, payload):
    client, enterprise = clients
    _assert_shape(client.patch(f"{URL}/{enterprise.pk}", payload))


@FUZZ
@given(
    base=st.fixed_dictionaries({}),
    employees=st.integers(min_value=0, max_value=3_000_000),
    revenue=st.one_of(st.none(), st.integers(min_value=0, max_value=10**18)),
    capital=st.one_of(st.none(), st.integers(min_value=0, max_value=10**18)),
    name=st.text(min_size=1, max_size=300),
)
def test_plausible_creates_are_201_or_400(clients, base, employees, revenue, capital, name):
    client, _ = clients
    payload = {
        "tax_code": valid_tax_code(900),
        "name": name,
        "vsic_code": some_vsic().code,
        "ward_code": some_ward().code,
        "employees": employees,
        "revenue_vnd": revenue,
        "capital_vnd": capital,
    }
    res = client.post(URL, payload)
    assert res.status_code in (201, 400), res.content
    if res.status_code == 201:
        assert res.json()["size_class"] in ("micro", "small", "medium", "large")
        from nangsuat.registry.models import Enterprise

        Enterprise.objects.filter(pk=res.json()["id"]).delete()


@FUZZ
@given(raw=st.one_of(st.binary(max_size=60), st.text(max_size=60).map(str.encode)))
def test_raw_bodies_never_fail_with_5xx(clients, raw):
    client, _ = clients
    res = client.client.post(URL, raw, content_type="application/json", **client.headers)
    _assert_shape(res)


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["q", "kind", "ward_code", "vsic_section", "size_class", "page", "page_size", "order"]
        ),
        st.text(max_size=20),
        max_size=4,
    )
)
def test_list_params_never_fail_with_5xx(clients, params):
    client, _ = clients
    _assert_shape(client.get(URL, params))
