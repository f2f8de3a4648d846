import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from nangsuat.core.roles import Role
from tests.api.conftest import ApiClient
from tests.core.factories import UserFactory
from tests.dossiers.factories import pdf
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .test_workflow import contracted

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def test_contracts_list_and_detail_scoped(call, officer, director, council, vinh_long):
    dossier = contracted(call, officer, director, council)
    contract = dossier.contract
    r = ApiClient(officer).get("/api/v1/contracts")
    assert r.status_code == 200 and r.json()["total"] == 1
    assert r.json()["items"][0]["amount_vnd"] == 150_000_000
    detail = ApiClient(enterprise_user(dossier.enterprise)).get(f"/api/v1/contracts/{contract.pk}")
    assert detail.status_code == 200 and detail.json()["number"] == contract.number
    assert detail.json()["payment"] is None
    assert (
        ApiClient(UserFactory(role=Role.OFFICER, agency=vinh_long))
        .get(f"/api/v1/contracts/{contract.pk}")
        .status_code
        == 404
    )
    other = enterprise_user(EnterpriseFactory(agency=call.agency))
    assert ApiClient(other).get(f"/api/v1/contracts/{contract.pk}").status_code == 404
    assert ApiClient(other).get("/api/v1/contracts").json()["total"] == 0
    assert ApiClient(officer).get("/api/v1/contracts", {"q": "khong-co"}).json()["total"] == 0


def test_sign_contract_through_the_transitions_endpoint_refuses_above_the_limit(
    call, officer, director, council
):
    import datetime as dt

    from nangsuat.dossiers import workflow

    from .test_workflow import recommended

    dossier = recommended(call, officer, council)
    workflow.perform(dossier=dossier, action="propose", actor=director)
    workflow.perform(
        dossier=dossier,
        action="approve",
        actor=officer,
        payload={"decision_number": "1/QĐ-UBND", "decision_date": dt.date(2026, 6, 1)},
    )
    api = ApiClient(director)
    url = f"/api/v1/dossiers/{dossier.pk}/transitions"
    r = api.post(url, {"action": "assign", "decision_number": "45/QĐ-SKHCN", "decision_date": "2026-06-10"})
    assert r.status_code == 200, r.json()
    body = {
        "action": "sign_contract",
        "number": "01/2026/HĐ-SKHCN",
        "signed_on": "2026-06-20",
        "amount_vnd": 150_000_001,
        "deliverables": "Giấy chứng nhận",
        "deadline": "2026-12-31",
    }
    r = api.post(url, body)
    assert r.status_code == 400 and "150.000.000 đ" in r.json()["errors"]["amount_vnd"][0]
    r = api.post(url, {**body, "amount_vnd": 150_000_000})
    assert r.status_code == 200 and r.json()["state"] == "contracted"


def test_city_proposal_through_the_api_signs_one_to_trinh(call, officer, director, council, vinh_long):
    from .test_workflow import recommended

    a, b = recommended(call, officer, council), recommended(call, officer, council)
    url = f"/api/v1/calls/{call.pk}/city-proposal"
    assert ApiClient(officer).post(url, {"dossiers": [a.pk]}).status_code == 403
    assert (
        ApiClient(UserFactory(role=Role.DIRECTOR, agency=vinh_long))
        .post(url, {"dossiers": [a.pk]})
        .status_code
        == 404
    )
    r = ApiClient(director).post(url, {"dossiers": []})
    assert r.status_code == 400 and "dossiers" in r.json()["errors"]
    r = ApiClient(director).post(url, {"dossiers": [b.pk, a.pk]})
    assert r.status_code == 200, r.json()
    assert sorted(r.json()["proposed"]) == sorted([a.pk, b.pk]) and r.json()["document_number"].startswith(
        "01/TTr-"
    )
    again = ApiClient(director).post(url, {"dossiers": [a.pk]})
    assert again.status_code == 409 and again.json()["errors"]["dossiers"]
    # One dossier proposed through its transitions gets a Tờ trình of its own.
    c = recommended(call, officer, council)
    r = ApiClient(director).post(f"/api/v1/dossiers/{c.pk}/transitions", {"action": "propose"})
    assert r.status_code == 200 and r.json()["state"] == "proposed"
    c.refresh_from_db()
    assert c.city_item.proposal.number.startswith("02/TTr-") and c.city_item.proposal.city_items.count() == 1


def test_contract_liquidation_and_payment_never_exceed_what_the_city_approved(
    call, officer, director, council
):
    """Asked 1.000.000 đ, proposed and approved 1.000.000 đ: a contract of 2.000.000 đ is refused, and so
    are a liquidation and a payment above the contract."""
    from .test_workflow import recommended

    dossier = recommended(call, officer, council, total_cost_vnd=10_000_000, requested_support_vnd=1_000_000)
    url = f"/api/v1/dossiers/{dossier.pk}/transitions"
    steps = [
        (director, {"action": "propose"}),
        (officer, {"action": "approve", "decision_number": "7/QĐ-UBND", "decision_date": "2026-06-01"}),
        (director, {"action": "assign", "decision_number": "8/QĐ-SKHCN", "decision_date": "2026-06-10"}),
    ]
    for user, body in steps:
        r = ApiClient(user).post(url, body)
        assert r.status_code == 200, r.json()
    assert dossier.city_item.support_vnd == 1_000_000
    contract = {
        "action": "sign_contract",
        "number": "09/2026/HĐ-SKHCN",
        "signed_on": "2026-06-20",
        "amount_vnd": 2_000_000,
        "deliverables": "Giấy chứng nhận",
        "deadline": "2026-12-31",
    }
    r = ApiClient(director).post(url, contract)
    assert r.status_code == 400, r.json()
    assert "1.000.000 đ" in r.json()["errors"]["amount_vnd"][0]
    assert "phê duyệt" in r.json()["errors"]["amount_vnd"][0]
    r = ApiClient(director).post(url, {**contract, "amount_vnd": 1_000_000})
    assert r.status_code == 200 and r.json()["state"] == "contracted"

    dossier.refresh_from_db()
    dossier.state = "accepted"  # implementation and acceptance are other tests' steps
    dossier.save()
    liquidate = {"action": "liquidate", "final_amount_vnd": 2_000_000, "liquidated_on": "2027-01-10"}
    r = ApiClient(director).post(url, liquidate)
    assert r.status_code == 400 and "1.000.000 đ" in r.json()["errors"]["final_amount_vnd"][0]
    r = ApiClient(director).post(url, {**liquidate, "final_amount_vnd": 1_000_000})
    assert r.status_code == 200, r.json()
    pay = {"action": "pay", "amount_vnd": 2_000_000, "paid_on": "2027-01-15", "reference": "UNC 7"}
    r = ApiClient(officer).post(url, pay)
    assert r.status_code == 400 and "1.000.000 đ" in r.json()["errors"]["amount_vnd"][0]
    r = ApiClient(officer).post(url, {**pay, "amount_vnd": 1_000_000})
    assert r.status_code == 200 and r.json()["state"] == "paid"


def test_enterprise_files_progress_reports_through_the_api(call, officer, director, council, vinh_long):
    dossier = contracted(call, officer, director, council)
    url = f"/api/v1/contracts/{dossier.contract.pk}/progress-reports"
    owner = ApiClient(enterprise_user(dossier.enterprise))
    assert ApiClient(officer).upload(url, {"period": "Quý III", "text": "Đã đào tạo"}).status_code == 403
    assert (
        ApiClient(enterprise_user(EnterpriseFactory(agency=call.agency))).upload(url, {}).status_code == 404
    )
    r = owner.upload(url, {"period": "", "text": "Đã đào tạo"})
    assert r.status_code == 400 and "period" in r.json()["errors"]
    bad = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a document", "application/pdf")
    r = owner.upload(url, {"period": "Quý III", "text": "Đã đào tạo", "file": bad})
    assert r.status_code == 400 and "file" in r.json()["errors"]
    r = owner.upload(url, {"period": "Quý III", "text": "Đã đào tạo", "file": pdf("bao-cao.pdf")})
    assert r.status_code == 201 and r.json()["has_file"] and r.json()["period"] == "Quý III"
    r = owner.post(url, {"period": "Quý IV", "text": "Đã đánh giá nội bộ"})
    assert r.status_code == 201 and not r.json()["has_file"]
    detail = owner.get(f"/api/v1/contracts/{dossier.contract.pk}").json()
    assert {report["period"] for report in detail["progress_reports"]} == {"Quý III", "Quý IV"}
    dossier.state = "completion_requested"
    dossier.save()
    r = owner.post(url, {"period": "Quý I", "text": "x"})
    assert r.status_code == 409 and r.json()["detail"]
