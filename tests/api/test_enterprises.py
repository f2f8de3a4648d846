"""/api/v1/enterprises: every status code, isolation between agencies and enterprises."""

import pytest

from nangsuat.core.roles import Role
from nangsuat.registry.models import Enterprise, EnterpriseMembership
from nangsuat.registry.services import refresh_search_text
from tests.core.factories import UserFactory
from tests.reference.factories import some_vsic, some_ward
from tests.registry.factories import EnterpriseFactory, enterprise_user, valid_tax_code

pytestmark = pytest.mark.django_db
URL = "/api/v1/enterprises"


@pytest.fixture
def officer(can_tho):
    return UserFactory(role=Role.OFFICER, agency=can_tho)


def _payload(**over):
    data = {
        "tax_code": valid_tax_code(4242),
        "name": "Công ty TNHH Gạo Sạch Cần Thơ",
        "kind": "company",
        "vsic_code": some_vsic().code,
        "ward_code": some_ward().code,
        "employees": 25,
        "revenue_vnd": 12_000_000_000,
        "year": 2025,
    }
    data.update(over)
    return data


def test_list_is_paginated_and_scoped(api_client, officer, can_tho, vinh_long):
    EnterpriseFactory.create_batch(3, agency=can_tho)
    EnterpriseFactory(agency=vinh_long, name="Công ty Vĩnh Long")
    res = api_client(officer).get(URL, {"page_size": 2})
    assert res.status_code == 200
    body = res.json()
    assert body["total"] == 3 and body["pages"] == 2 and body["page"] == 1 and len(body["items"]) == 2
    assert all(item["agency"] == "can-tho" for item in body["items"])
    assert api_client(officer).get(URL, {"page": 9}).json()["items"] == []
    assert body["total_capped"] is False


def test_total_counts_at_most_the_cap(api_client, officer, can_tho, monkeypatch):
    """``total`` stops at the cap (the count's cost does not grow with the table) and says so; every
    page still answers its rows, including those past the cap."""
    monkeypatch.setattr("nangsuat.api.pagination.TOTAL_CAP", 4)
    EnterpriseFactory.create_batch(7, agency=can_tho)
    body = api_client(officer).get(URL, {"page_size": 2}).json()
    assert (body["total"], body["pages"], body["total_capped"], len(body["items"])) == (4, 2, True, 2)
    assert len(api_client(officer).get(URL, {"page_size": 2, "page": 4}).json()["items"]) == 1
    monkeypatch.setattr("nangsuat.api.pagination.TOTAL_CAP", 7)
    body = api_client(officer).get(URL, {"page_size": 2}).json()
    assert (body["total"], body["pages"], body["total_capped"]) == (7, 4, False)


def test_list_filters_and_search(api_client, officer, can_tho):
    for e in (
        EnterpriseFactory(agency=can_tho, name="Hợp tác xã Đồng Xanh", kind="cooperative"),
        EnterpriseFactory(agency=can_tho, name="Công ty Cơ khí Tây Đô"),
    ):
        refresh_search_text(e)
        e.save()
    client = api_client(officer)
    assert [e["name"] for e in client.get(URL, {"q": "dong xanh"}).json()["items"]] == [
        "Hợp tác xã Đồng Xanh"
    ]
    assert client.get(URL, {"kind": "cooperative"}).json()["total"] == 1
    assert client.get(URL, {"vsic_section": "c"}).json()["total"] == 2
    assert client.get(URL, {"ward_code": some_ward().code}).json()["total"] == 2
    assert client.get(URL, {"size_class": "small"}).json()["total"] == 2
    assert client.get(URL, {"size_class": "large"}).json()["total"] == 0


@pytest.mark.parametrize(
    "params,field",
    [
        ({"kind": "bank"}, "kind"),
        ({"size_class": "huge"}, "size_class"),
        ({"page": 0}, "page"),
        ({"page_size": 1000}, "page_size"),
        ({"vsic_section": "ZZ"}, "vsic_section"),
        ({"page": "x"}, "page"),
        ({"order": "password"}, "order"),
    ],
)
def test_bad_filters_are_400_with_field(api_client, officer, params, field):
    res = api_client(officer).get(URL, params)
    assert res.status_code == 400
    assert field in res.json()["errors"]


def test_create_returns_201_with_size_class(api_client, officer):
    res = api_client(officer).post(URL, _payload())
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["size_class"] == "small"
    assert body["latest_year"] == 2025 and body["employees"] == 25
    assert body["agency"] == "can-tho"
    assert Enterprise.objects.get(pk=body["id"]).tax_code == body["tax_code"]


def test_create_without_figures(api_client, officer):
    res = api_client(officer).post(URL, _payload(employees=None, revenue_vnd=None, year=None))
    assert res.status_code == 201
    assert res.json()["size_class"] == ""


@pytest.mark.parametrize(
    "over,field",
    [
        ({"tax_code": "0123456789"}, "tax_code"),
        ({"tax_code": "abc"}, "tax_code"),
        ({"name": ""}, "name"),
        ({"kind": "bank"}, "kind"),
        ({"vsic_code": "99999"}, "vsic_code"),
        ({"ward_code": "00001"}, "ward_code"),
        ({"employees": -1}, "employees"),
        ({"revenue_vnd": "lots"}, "revenue_vnd"),
        ({"email": "not-mail"}, "email"),
        ({"name": "A\x00B"}, "name"),
        ({"employees": 5, "revenue_vnd": None, "capital_vnd": None}, "revenue_vnd"),
    ],
)
def test_create_bad_input_is_400_with_field(api_client, officer, over, field):
    res = api_client(officer).post(URL, _payload(**over))
    assert res.status_code == 400, res.content
    body = res.json()
    assert field in body["errors"], body
    assert body["detail"]


def test_create_missing_fields_are_named(api_client, officer):
    res = api_client(officer).post(URL, {})
    assert res.status_code == 400
    assert {"tax_code", "name", "vsic_code", "ward_code"} <= set(res.json()["errors"])


def test_duplicate_tax_code_is_400_on_tax_code(api_client, officer, can_tho):
    existing = EnterpriseFactory(agency=can_tho)
    res = api_client(officer).post(URL, _payload(tax_code=existing.tax_code))
    assert res.status_code == 400 and "tax_code" in res.json()["errors"]


def test_create_refused_to_enterprise_users_and_readers(api_client, can_tho):
    ent_user = enterprise_user(EnterpriseFactory(agency=can_tho))
    assert api_client(ent_user).post(URL, _payload()).status_code == 403
    city = UserFactory(role=Role.CITY, agency=can_tho)
    assert api_client(city).post(URL, _payload()).status_code == 403
    ministry = UserFactory(role=Role.MINISTRY, agency=None)
    assert api_client(ministry).post(URL, _payload()).status_code == 403


def test_read_and_404(api_client, officer, can_tho):
    e = EnterpriseFactory(agency=can_tho)
    res = api_client(officer).get(f"{URL}/{e.pk}")
    assert res.status_code == 200 and res.json()["tax_code"] == e.tax_code
    res = api_client(officer).get(f"{URL}/999999")
    assert res.status_code == 404 and res.json()["detail"]
    assert api_client(officer).get(f"{URL}/abc").status_code == 404


def test_other_agency_is_404(api_client, can_tho, vinh_long):
    theirs = EnterpriseFactory(agency=can_tho)
    vl_officer = UserFactory(role=Role.OFFICER, agency=vinh_long)
    client = api_client(vl_officer)
    assert client.get(f"{URL}/{theirs.pk}").status_code == 404
    assert client.patch(f"{URL}/{theirs.pk}", {"name": "X"}).status_code == 404
    assert client.get(URL).json()["total"] == 0


def test_enterprise_user_sees_and_edits_only_its_own(api_client, can_tho):
    mine = EnterpriseFactory(agency=can_tho)
    other = EnterpriseFactory(agency=can_tho)
    client = api_client(enterprise_user(mine))
    items = client.get(URL).json()["items"]
    assert [i["id"] for i in items] == [mine.pk]
    assert client.get(f"{URL}/{other.pk}").status_code == 404
    assert client.patch(f"{URL}/{other.pk}", {"address": "x"}).status_code == 404
    res = client.patch(f"{URL}/{mine.pk}", {"address": "Số 9 Hòa Bình", "employees": 80})
    assert res.status_code == 200, res.content
    assert res.json()["address"] == "Số 9 Hòa Bình" and res.json()["employees"] == 80
    res = client.patch(f"{URL}/{mine.pk}", {"tax_code": valid_tax_code(777)})
    assert res.status_code == 400 and "tax_code" in res.json()["errors"]


def test_pending_member_sees_nothing(api_client, can_tho):
    e = EnterpriseFactory(agency=can_tho)
    user = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    EnterpriseMembership.objects.create(user=user, enterprise=e)
    assert api_client(user).get(f"{URL}/{e.pk}").status_code == 404


def test_patch_and_put_by_officer(api_client, officer, can_tho):
    e = EnterpriseFactory(agency=can_tho)
    client = api_client(officer)
    res = client.patch(
        f"{URL}/{e.pk}", {"name": "Công ty Mới", "revenue_vnd": 400_000_000_000, "employees": 300}
    )
    assert res.status_code == 200 and res.json()["size_class"] == "large"
    res = client.put(f"{URL}/{e.pk}", _payload(tax_code=e.tax_code, employees=5, revenue_vnd=1_000_000_000))
    assert res.status_code == 200 and res.json()["size_class"] == "micro"
    res = client.put(f"{URL}/{e.pk}", {"name": "thiếu"})
    assert res.status_code == 400 and "tax_code" in res.json()["errors"]
    res = client.patch(f"{URL}/{e.pk}", {"name": None})
    assert res.status_code == 400 and "name" in res.json()["errors"]


def test_readers_cannot_write(api_client, can_tho):
    e = EnterpriseFactory(agency=can_tho)
    for role in (Role.CITY, Role.FINANCE):
        res = api_client(UserFactory(role=role, agency=can_tho)).patch(f"{URL}/{e.pk}", {"name": "X"})
        assert res.status_code == 403, role
    ministry = UserFactory(role=Role.MINISTRY, agency=None)
    assert api_client(ministry).get(f"{URL}/{e.pk}").status_code == 200
    assert api_client(ministry).patch(f"{URL}/{e.pk}", {"name": "X"}).status_code == 403


def test_unauthenticated_is_401(api_client):
    assert api_client().get(URL).status_code == 401
    assert api_client().post(URL, _payload()).status_code == 401


def test_malformed_json_and_wrong_method(api_client, officer):
    assert api_client(officer).post(URL, raw="{").status_code == 400
    assert api_client(officer).delete(URL).status_code == 405
