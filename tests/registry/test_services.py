import pytest
from django.core.exceptions import ValidationError

from nangsuat.core.audit import history_of
from nangsuat.registry import services
from nangsuat.registry.models import EnterpriseMembership

pytestmark = pytest.mark.django_db


def test_create_folds_search_text_and_audits(officer, profile):
    e = services.create_enterprise(actor=officer, agency=officer.agency, data=profile)
    assert e.search_text.startswith("cong ty tnhh thuy san cuu long")
    assert "0100233488" in e.search_text and "tran hung dao" in e.search_text
    assert e.vsic_section == "C"
    assert [a.action for a in history_of(e)] == ["enterprise.created"]
    assert e.history.first().history_user == officer


def test_create_refuses_bad_and_duplicate_tax_code(officer, profile):
    with pytest.raises(ValidationError) as err:
        services.create_enterprise(
            actor=officer, agency=officer.agency, data={**profile, "tax_code": "0100233480"}
        )
    assert "chữ số kiểm tra" in err.value.message_dict["tax_code"][0]
    services.create_enterprise(actor=officer, agency=officer.agency, data=profile)
    with pytest.raises(ValidationError) as err:
        services.create_enterprise(
            actor=officer, agency=officer.agency, data={**profile, "tax_code": "0100 233 488"}
        )
    assert "đã có" in err.value.message_dict["tax_code"][0]


def test_same_tax_code_allowed_in_another_agency(officer, profile, vinh_long):
    services.create_enterprise(actor=officer, agency=officer.agency, data=profile)
    vinh_long.province_code = officer.agency.province_code  # same wards for the test
    e = services.create_enterprise(actor=None, agency=vinh_long, data=profile)
    assert e.agency == vinh_long


def test_personal_number_only_for_households(officer, profile):
    with pytest.raises(ValidationError):
        services.create_enterprise(
            actor=officer, agency=officer.agency, data={**profile, "tax_code": "092080001234"}
        )
    e = services.create_enterprise(
        actor=officer,
        agency=officer.agency,
        data={**profile, "tax_code": "092080001234", "kind": "household"},
    )
    assert e.tax_code == "092080001234"


def test_update_changes_only_what_differs(officer, profile):
    e = services.create_enterprise(actor=officer, agency=officer.agency, data=profile)
    services.update_enterprise(actor=officer, enterprise=e, data={"name": profile["name"]})
    assert e.history.count() == 1
    services.update_enterprise(actor=officer, enterprise=e, data={"name": "Công ty CP Đông Á"})
    assert e.history.count() == 2 and e.search_text.startswith("cong ty cp dong a")
    entry = history_of(e).first()
    assert entry.action == "enterprise.updated" and entry.data["changed"]["name"][1] == "Công ty CP Đông Á"


def test_update_refuses_fields_outside_the_allowed_set(officer, profile):
    e = services.create_enterprise(actor=officer, agency=officer.agency, data=profile)
    with pytest.raises(ValidationError):
        services.update_enterprise(
            actor=officer,
            enterprise=e,
            data={"tax_code": "0314409058-002"},
            fields=services.SELF_SERVICE_FIELDS,
        )


def test_year_figures_denormalise_latest_and_size(officer, profile):
    e = services.create_enterprise(actor=officer, agency=officer.agency, data=profile)
    assert e.size_class == ""
    services.set_year_figures(actor=officer, enterprise=e, year=2024, employees=250, revenue_vnd=10**12)
    services.set_year_figures(actor=officer, enterprise=e, year=2023, employees=5, revenue_vnd=10**9)
    e.refresh_from_db()
    assert (e.latest_year, e.employees, e.size_class) == (2024, 250, "large")
    services.set_year_figures(actor=officer, enterprise=e, year=2024, employees=8, revenue_vnd=2 * 10**9)
    e.refresh_from_db()
    assert (e.employees, e.size_class) == (8, "micro")
    assert e.years.count() == 2
    services.delete_year_figures(actor=officer, enterprise=e, year=2024)
    e.refresh_from_db()
    assert e.latest_year == 2023


@pytest.mark.parametrize(
    "figures, field",
    [
        ({"employees": -1, "revenue_vnd": 1}, "employees"),
        ({"employees": 3}, "revenue_vnd"),
        ({"employees": "abc", "revenue_vnd": 1}, "employees"),
        ({"employees": 3, "capital_vnd": -5}, "capital_vnd"),
    ],
)
def test_year_figures_refused_with_vietnamese_message(officer, profile, figures, field):
    e = services.create_enterprise(actor=officer, agency=officer.agency, data=profile)
    with pytest.raises(ValidationError) as err:
        services.set_year_figures(actor=officer, enterprise=e, year=2024, **figures)
    assert field in err.value.message_dict


def test_membership_claim_confirm_reject(officer, profile):
    from tests.core.factories import UserFactory

    e = services.create_enterprise(actor=officer, agency=officer.agency, data=profile)
    user = UserFactory(role="enterprise", agency=None)
    m = services.claim_membership(user=user, enterprise=e)
    assert m.status == "pending"
    services.reject_membership(actor=officer, membership=m, note="Không đúng người đại diện")
    with pytest.raises(ValidationError):
        services.confirm_membership(actor=officer, membership=m)
    m = services.claim_membership(user=user, enterprise=e)
    assert m.status == "pending"
    services.confirm_membership(actor=officer, membership=m)
    assert EnterpriseMembership.objects.get(pk=m.pk).status == "confirmed"
