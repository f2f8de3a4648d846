"""The enterprises' counterpart funds (vốn đối ứng): the officer records them per supported dossier (audited,
Vietnamese errors), the year's list beside the programme's support with its workbook, the year's page
totals, and the API's rules (an enterprise reads its own only; Finance and the director read; the officer
writes; another agency's dossier is 404)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from nangsuat.budget import services
from nangsuat.budget.counterpart import Funding, funding_of
from nangsuat.budget.models import CounterpartFund
from nangsuat.budget.templatetags.budget import panel
from nangsuat.core.errors import Conflict
from nangsuat.core.models import AuditEntry
from nangsuat.core.roles import Role
from nangsuat.dossiers.selectors import timeline
from tests.api.conftest import ApiClient
from tests.core.clients import client_after_totp as client_for
from tests.core.factories import UserFactory
from tests.councils.conftest import _other_apps_effects, call, council
from tests.dossiers.factories import CallFactory, DossierFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .test_money import budget_2026, contracted

pytestmark = pytest.mark.django_db

__all__ = ["_other_apps_effects", "budget_2026", "call", "council"]

BASE = "/api/v1/budget/counterpart-funds"


@pytest.fixture
def signed(budget_2026, call, officer, director, council):
    """A dossier of 2026 whose contract was signed for 150 triệu."""
    return contracted(call, officer, director, council, amount=150_000_000)


def test_the_officer_records_and_changes_a_counterpart_on_the_page(signed, officer):
    client = client_for(officer)
    url = reverse("budget:counterpart_edit", args=[signed.pk])
    page = client.get(url)
    assert page.status_code == 200 and signed.enterprise.name in page.content.decode()
    response = client.post(url, {"amount_vnd": "1.250.000.000", "note": "Vốn tự có và vay ngân hàng"})
    assert response.status_code == 302 and response.url == reverse("budget:counterpart_year", args=[2026])
    fund = CounterpartFund.objects.get(dossier=signed)
    assert (fund.amount_vnd, fund.note) == (1_250_000_000, "Vốn tự có và vay ngân hàng")
    client.post(url, {"amount_vnd": "1250000001", "note": ""})
    fund.refresh_from_db()
    assert fund.amount_vnd == 1_250_000_001
    entries = AuditEntry.objects.filter(action="budget.counterpart_recorded").order_by("pk")
    assert [e.data["amount_vnd"] for e in entries] == [1_250_000_000, 1_250_000_001]
    assert entries.last().data["from_vnd"] == 1_250_000_000
    titles = [e.title for e in timeline(signed, officer)]
    assert "Ghi nhận vốn đối ứng" in titles


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "Vui lòng nhập số vốn đối ứng."),
        ("một tỷ", "Số tiền phải là số nguyên đồng, ví dụ 1.250.000.000."),
        ("-5", "Số tiền không được âm."),
        ("12 triệu", "Số tiền phải là số nguyên đồng, ví dụ 1.250.000.000."),
        ("99999999999999", "Số tiền quá lớn."),
    ],
)
def test_bad_amounts_are_refused_in_vietnamese(signed, officer, amount, message):
    response = client_for(officer).post(
        reverse("budget:counterpart_edit", args=[signed.pk]), {"amount_vnd": amount}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CounterpartFund.objects.exists()


def test_who_may_open_the_form(signed, officer, director, finance, can_tho, vinh_long):
    url = reverse("budget:counterpart_edit", args=[signed.pk])
    assert client_for(director).get(url).status_code == 403
    assert client_for(finance).get(url).status_code == 403
    assert client_for(director).post(url, {"amount_vnd": "1"}).status_code == 403
    assert client_for(UserFactory(role=Role.OFFICER, agency=vinh_long)).get(url).status_code == 404
    assert client_for(enterprise_user(signed.enterprise)).get(url).status_code == 404
    assert not CounterpartFund.objects.exists()


def test_a_dossier_not_yet_approved_for_support_has_no_counterpart(call, officer, can_tho):
    dossier = DossierFactory(call=call, state="in_council")
    assert client_for(officer).get(reverse("budget:counterpart_edit", args=[dossier.pk])).status_code == 404
    with pytest.raises(Conflict):
        services.record_counterpart_fund(dossier=dossier, actor=officer, amount_vnd=1)


def test_the_years_list_its_workbook_and_the_year_pages_totals(signed, officer, director, finance, vinh_long):
    services.record_counterpart_fund(dossier=signed, actor=officer, amount_vnd=1_250_000_000, note="Tự có")
    # approved for support, no contract yet: its request counts, no counterpart recorded yet
    waiting = DossierFactory(call=signed.call, state="approved", requested_support_vnd=80_000_001)
    # another agency's supported dossier is nowhere on Cần Thơ's pages
    other = DossierFactory(call=CallFactory(agency=vinh_long), state="approved", requested_support_vnd=7)
    for user in (officer, director, finance):
        page = client_for(user).get(reverse("budget:counterpart_year", args=[2026])).content.decode()
        assert signed.enterprise.name in page and waiting.enterprise.name in page
        assert other.enterprise.name not in page
        assert "1.250.000.000 đ" in page and "1.400.000.000 đ" in page and "1.480.000.001 đ" in page
        assert ("counterpart/dossiers/" in page) == (user == officer)
    workbook = client_for(finance).get(reverse("budget:counterpart_xlsx", args=[2026]))
    assert workbook.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(workbook.streaming_content))).active
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert rows[-1][2] == "Tổng cộng" and rows[-1][5:8] == (230_000_001, 1_250_000_000, 1_480_000_001)
    assert all(type(v) is int for v in rows[-1][5:8])
    year = client_for(director).get(reverse("budget:year", args=[2026])).content.decode()
    assert "Vốn đối ứng của doanh nghiệp" in year and "1.250.000.000 đ" in year and "230.000.001 đ" in year


def test_an_enterprise_and_other_roles_never_see_the_budget_side_pages(signed, can_tho):
    for role in (Role.ENTERPRISE, Role.CITY, Role.COUNCIL):
        client = client_for(UserFactory(role=role, agency=can_tho))
        assert client.get(reverse("budget:counterpart_year", args=[2026])).status_code == 404
        assert client.get(reverse("budget:counterpart_xlsx", args=[2026])).status_code == 404


def test_the_api_reads_and_writes_by_role(signed, officer, director, finance, can_tho, vinh_long):
    url = f"{BASE}/{signed.pk}"
    written = ApiClient(officer).put(url, {"amount_vnd": 1_250_000_000, "note": "Vốn tự có"})
    assert written.status_code == 200, written.content
    assert written.json()["counterpart_vnd"] == 1_250_000_000 and written.json()["total_vnd"] == 1_400_000_000
    for reader in (director, finance):
        listed = ApiClient(reader).get(f"{BASE}?year=2026")
        assert listed.status_code == 200 and listed.json()["totals"]["counterpart_vnd"] == 1_250_000_000
        assert ApiClient(reader).get(url).json()["recorded"] is True
        assert ApiClient(reader).put(url, {"amount_vnd": 1}).status_code == 403
    owner = enterprise_user(signed.enterprise)
    assert ApiClient(owner).get(url).json()["counterpart_vnd"] == 1_250_000_000
    assert [f["dossier_id"] for f in ApiClient(owner).get(f"{BASE}?year=2026").json()["funds"]] == [signed.pk]
    assert ApiClient(owner).put(url, {"amount_vnd": 1}).status_code == 403
    stranger = enterprise_user(EnterpriseFactory(agency=can_tho))
    assert ApiClient(stranger).get(url).status_code == 404
    assert ApiClient(stranger).put(url, {"amount_vnd": 1}).status_code == 404
    assert ApiClient(stranger).get(f"{BASE}?year=2026").json()["funds"] == []
    elsewhere = UserFactory(role=Role.OFFICER, agency=vinh_long)
    assert ApiClient(elsewhere).get(url).status_code == 404
    assert ApiClient(elsewhere).put(url, {"amount_vnd": 1}).status_code == 404
    assert ApiClient(UserFactory(role=Role.CITY, agency=can_tho)).get(f"{BASE}?year=2026").status_code == 404
    assert CounterpartFund.objects.get().amount_vnd == 1_250_000_000
    balances = ApiClient(director).get("/api/v1/budget/balances?year=2026").json()
    assert balances["counterpart"] == {
        "support_vnd": 150_000_000,
        "counterpart_vnd": 1_250_000_000,
        "total_vnd": 1_400_000_000,
    }


def test_the_api_refuses_bad_amounts_and_unsupported_dossiers(signed, officer, call):
    url = f"{BASE}/{signed.pk}"
    for body in ({"amount_vnd": -1}, {"amount_vnd": "nhiều"}, {"amount_vnd": 1.5}, {}):
        assert ApiClient(officer).put(url, body).status_code == 400, body
    early = DossierFactory(call=call, state="in_council")
    refused = ApiClient(officer).put(f"{BASE}/{early.pk}", {"amount_vnd": 1})
    assert refused.status_code == 409 and "phê duyệt hỗ trợ" in refused.json()["detail"]


def test_the_dossier_page_shows_its_funding_to_those_who_read_it(signed, officer, director, finance, can_tho):
    services.record_counterpart_fund(dossier=signed, actor=officer, amount_vnd=1_250_000_000, note="Tự có")
    url = reverse("dossiers:dossier_detail", args=[signed.pk])
    edit = reverse("budget:counterpart_edit", args=[signed.pk])
    for user, writes in ((officer, True), (director, False), (enterprise_user(signed.enterprise), False)):
        page = client_for(user).get(url).content.decode()
        assert "Nguồn vốn thực hiện" in page and "1.400.000.000 đ" in page, user.role
        assert (edit in page) == writes
    early = DossierFactory(call=signed.call, state="in_council")
    page = client_for(officer).get(reverse("dossiers:dossier_detail", args=[early.pk])).content.decode()
    assert "Nguồn vốn thực hiện" not in page


def test_the_dossier_pages_funding_before_a_contract_and_after_withdrawal(signed, officer, can_tho):
    approved = DossierFactory(call=signed.call, state="approved", requested_support_vnd=90_000_000)
    funding = funding_of(approved)
    assert (funding.contracted, funding.support_vnd, funding.recorded, funding.total_vnd) == (
        False,
        90_000_000,
        False,
        90_000_000,
    )
    page = client_for(officer).get(reverse("dossiers:dossier_detail", args=[approved.pk])).content.decode()
    assert "Kinh phí đề nghị hỗ trợ" in page and "chưa ghi nhận" in page
    # Withdrawn: shown only when a counterpart had been recorded while it was supported.
    withdrawn = DossierFactory(call=signed.call, state="withdrawn")
    assert funding_of(withdrawn) is None
    services.record_counterpart_fund(dossier=signed, actor=officer, amount_vnd=10_000_000, note="")
    signed.state = "withdrawn"
    funding = funding_of(signed)
    assert (funding.contracted, funding.support_vnd, funding.counterpart_vnd) == (
        True,
        150_000_000,
        10_000_000,
    )
    # The city's people see the dossier but never its funding.
    city = UserFactory(role=Role.CITY, agency=can_tho)
    page = client_for(city).get(reverse("dossiers:dossier_detail", args=[approved.pk]))
    assert page.status_code == 200 and "Nguồn vốn thực hiện" not in page.content.decode()


def test_the_funding_panel_escapes_the_note_and_names_its_link():
    funding = Funding(
        contracted=True, support_vnd=150_000_000, recorded=True, counterpart_vnd=5, note="<b>vay</b> & tự có"
    )
    html = panel(7, funding, can_write=True)
    assert "· &lt;b&gt;vay&lt;/b&gt; &amp; tự có</span>" in html and "<b>" not in html
    assert "Kinh phí hỗ trợ theo hợp đồng</dt><dd>150.000.000 đ</dd>" in html
    assert "<strong>150.000.005 đ</strong>" in html
    assert f'href="{reverse("budget:counterpart_edit", args=[7])}">Sửa vốn đối ứng</a>' in html
    assert 'aria-labelledby="counterpart-7"' in html and 'id="counterpart-7"' in html
    unrecorded = panel(7, Funding(False, 90, False, 0, ""), can_write=False)
    assert '<span class="muted">chưa ghi nhận</span>' in unrecorded and "href" not in unrecorded
