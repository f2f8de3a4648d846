import pytest
from django.urls import reverse

from nangsuat.core.roles import Role
from nangsuat.registry import services
from tests.core.clients import sign_in_after_totp
from tests.core.factories import UserFactory
from tests.core.workbooks import assert_office_layout, open_export
from tests.registry.conftest import staff_user
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, officer):
    sign_in_after_totp(client, officer)
    return client


def make(officer, name, **kw):
    return EnterpriseFactory(
        agency=officer.agency,
        name=name,
        search_text=services.build_search_text(name=name, tax_code=kw.get("tax_code", ""), address=""),
        **kw,
    )


def test_list_search_folds_diacritics(officer_client, officer):
    make(officer, "Công ty TNHH Thủy sản Cần Thơ")
    make(officer, "Hợp tác xã Đông Phú")
    for q in ("can tho", "CẦN THƠ", "Cần Thơ"):
        html = officer_client.get(reverse("registry:enterprise_list"), {"q": q}).content.decode()
        assert "Công ty TNHH Thủy sản Cần Thơ" in html and "Đông Phú" not in html
    html = officer_client.get(reverse("registry:enterprise_list"), {"q": "dong phu"}).content.decode()
    assert "Hợp tác xã Đông Phú" in html


def test_list_htmx_returns_results_only(officer_client, officer):
    make(officer, "Công ty Mekong")
    response = officer_client.get(reverse("registry:enterprise_list"), HTTP_HX_REQUEST="true")
    assert b"<html" not in response.content and "Công ty Mekong" in response.content.decode()


def test_list_rows_show_each_column_and_escape_what_was_typed(officer_client, officer):
    found = make(officer, 'Công ty <b>"Lửa"</b> & Cộng sự', address="12 <i>Ninh Kiều</i>")
    make(officer, "Hộ kinh doanh Mới", size_class="", employees=None, revenue_vnd=None)
    html = officer_client.get(reverse("registry:enterprise_list"), {"sort": "name"}).content.decode()
    assert "<b>" not in html and "<i>" not in html
    link = reverse("registry:enterprise_detail", args=[found.pk])
    assert f'<a href="{link}">Công ty &lt;b&gt;&quot;Lửa&quot;&lt;/b&gt; &amp; Cộng sự</a>' in html
    assert "Doanh nghiệp · 12 &lt;i&gt;Ninh Kiều&lt;/i&gt;" in html
    assert f'<td class="mono">{found.tax_code}</td>' in html and found.ward.name in html
    assert '<td class="num">40</td><td class="num">20.000.000.000 đ</td>' in html
    assert '<span class="badge badge--small">Nhỏ</span>' in html
    assert (
        '<td class="num">—</td><td class="num">—</td><td><span class="muted">Chưa có số liệu</span>' in html
    )


def test_create_with_bad_tax_code_shows_vietnamese_error(officer_client, ward, vsic):
    response = officer_client.post(
        reverse("registry:enterprise_create"),
        {"tax_code": "0100233480", "name": "Công ty A", "kind": "company", "vsic": vsic.pk, "ward": ward.pk},
    )
    assert response.status_code == 200
    assert "Mã số thuế không hợp lệ: sai chữ số kiểm tra." in response.content.decode()


def test_create_and_edit(officer_client, ward, vsic):
    response = officer_client.post(
        reverse("registry:enterprise_create"),
        {"tax_code": "0100233488", "name": "Công ty A", "kind": "company", "vsic": vsic.pk, "ward": ward.pk},
    )
    assert response.status_code == 302
    detail = officer_client.get(response["Location"]).content.decode()
    assert "Công ty A" in detail and "đã tạo hồ sơ doanh nghiệp" in detail
    pk = int(response["Location"].rstrip("/").split("/")[-1])
    edit = reverse("registry:enterprise_edit", args=[pk])
    officer_client.post(
        edit,
        {"tax_code": "0100233488", "name": "Công ty Bê", "kind": "company", "vsic": vsic.pk, "ward": ward.pk},
    )
    detail = officer_client.get(reverse("registry:enterprise_detail", args=[pk])).content.decode()
    assert "<del>Công ty A</del> → <ins>Công ty Bê</ins>" in detail


def test_year_figures_form(officer_client, officer):
    e = make(officer, "Công ty Năm")
    officer_client.post(
        reverse("registry:enterprise_year", args=[e.pk]),
        {"year": 2024, "employees": 5, "revenue_vnd": 1_000_000_000},
    )
    e.refresh_from_db()
    assert (e.latest_year, e.size_class) == (2024, "micro")


def test_export_opens_with_filters(officer_client, officer):
    make(officer, "Công ty Xuất Một")
    make(officer, "Công ty Khác")
    response = officer_client.get(reverse("registry:enterprise_export"), {"q": "xuat"})
    sheet = open_export(b"".join(response.streaming_content))
    headers = assert_office_layout(
        sheet, title="DANH SÁCH DOANH NGHIỆP", filters="Tìm kiếm: xuat", amount_header="Doanh thu (đồng)"
    )
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert headers["Mã số thuế"] == 1 and [r[1] for r in rows] == ["Công ty Xuất Một"]
    assert rows[0][headers["Doanh thu (đồng)"] - 1] == 20_000_000_000


def test_enterprise_user_sees_only_its_own(client, officer):
    mine, other = make(officer, "Của tôi"), make(officer, "Của người khác")
    user = enterprise_user(mine)
    client.force_login(user)
    assert client.get(reverse("registry:my_enterprise")).status_code == 200
    assert client.get(reverse("registry:enterprise_detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("registry:enterprise_edit", args=[other.pk])).status_code == 404
    assert client.post(reverse("registry:enterprise_year", args=[other.pk]), {}).status_code == 404
    assert client.get(reverse("registry:enterprise_list")).status_code == 403
    assert client.get(reverse("registry:import_start")).status_code == 403
    response = client.post(
        reverse("registry:enterprise_edit", args=[mine.pk]),
        {"name": "Của tôi mới", "vsic": mine.vsic_id, "ward": mine.ward_id, "tax_code": "0100233488"},
    )
    mine.refresh_from_db()
    assert response.status_code == 302 and mine.name == "Của tôi mới" and mine.tax_code != "0100233488"


def test_other_agency_officer_cannot_see(client, officer, vinh_long):
    e = make(officer, "Doanh nghiệp Cần Thơ")
    vl_officer = staff_user(role=Role.OFFICER, agency=vinh_long)
    sign_in_after_totp(client, vl_officer)
    assert client.get(reverse("registry:enterprise_detail", args=[e.pk])).status_code == 404
    assert "Doanh nghiệp Cần Thơ" not in client.get(reverse("registry:enterprise_list")).content.decode()


def test_ministry_reads_but_cannot_edit(client, officer):
    e = make(officer, "Doanh nghiệp Bộ xem")
    sign_in_after_totp(client, staff_user(role=Role.MINISTRY, agency=None))
    assert client.get(reverse("registry:enterprise_detail", args=[e.pk])).status_code == 200
    assert client.get(reverse("registry:enterprise_edit", args=[e.pk])).status_code == 403


def test_membership_queue_confirm_and_reject(officer_client, officer):
    e = make(officer, "Doanh nghiệp Chờ")
    claimant = UserFactory(role=Role.ENTERPRISE, agency=None, full_name="Trần Thị Chờ")
    m = services.claim_membership(user=claimant, enterprise=e)
    assert "Trần Thị Chờ" in officer_client.get(reverse("registry:membership_queue")).content.decode()
    response = officer_client.post(reverse("registry:membership_decide", args=[m.pk]), {"decision": "reject"})
    m.refresh_from_db()
    assert m.status == "pending"  # a rejection needs a reason
    officer_client.post(reverse("registry:membership_decide", args=[m.pk]), {"decision": "confirm"})
    m.refresh_from_db()
    assert m.status == "confirmed" and response.status_code == 302


def test_other_agency_cannot_decide_claims(client, officer, vinh_long):
    e = make(officer, "Doanh nghiệp Chờ")
    m = services.claim_membership(user=UserFactory(role=Role.ENTERPRISE, agency=None), enterprise=e)
    sign_in_after_totp(client, staff_user(role=Role.OFFICER, agency=vinh_long))
    assert (
        client.post(reverse("registry:membership_decide", args=[m.pk]), {"decision": "confirm"}).status_code
        == 404
    )


def test_registry_root_leads_to_the_list(client):
    from django.urls import reverse

    response = client.get("/registry/")
    assert response.status_code == 302 and response["Location"] == reverse("registry:enterprise_list")
