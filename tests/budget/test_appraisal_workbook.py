"""Finance's appraisal as its own workbook: planned, appraised, difference and note per line, exact integer
totals; downloaded from the estimate's page and the API by those who read the estimate, once appraised."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from nangsuat.budget import services
from nangsuat.budget.export import appraisal_workbook
from nangsuat.core.roles import Role
from tests.api.conftest import ApiClient
from tests.core.clients import client_after_totp as client_for
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db

BASE = "/api/v1/budget"


def appraise(estimate, director, finance, cuts):
    services.act(estimate=estimate, action="submit", actor=director)
    lines = [
        {"id": line.pk, "appraised_amount_vnd": amount, "note": note} for line, (amount, note) in cuts.items()
    ]
    services.act(
        estimate=estimate,
        action="appraise",
        actor=finance,
        note="Đồng ý có điều chỉnh",
        payload={"lines": lines},
    )
    estimate.refresh_from_db()
    return estimate


def rows_of(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_appraisal_workbook_has_each_line_the_difference_and_exact_totals(estimate, director, finance):
    support = estimate.lines.get(task="support")
    council = estimate.lines.get(task="council")
    appraise(
        estimate,
        director,
        finance,
        {support: (299_999_999, "Giảm 01 doanh nghiệp"), council: (15_000_001, "")},
    )
    rows = rows_of(appraisal_workbook(estimate))
    assert rows[0][0].startswith("KẾT QUẢ THẨM ĐỊNH") and "Lần 1" in rows[1][0]
    assert rows[2] == (
        "STT",
        "Nhiệm vụ",
        "Nội dung chi",
        "Sở KH&CN đề nghị (đồng)",
        "Sở Tài chính thẩm định (đồng)",
        "Chênh lệch (đồng)",
        "Ý kiến thẩm định",
    )
    assert rows[3][3:] == (450_000_000, 299_999_999, -150_000_001, "Giảm 01 doanh nghiệp")
    assert rows[4][3:6] == (15_000_000, 15_000_001, 1)
    total = rows[5]
    assert total[1] == "Tổng cộng" and total[3:6] == (465_000_000, 315_000_000, -150_000_000)
    assert all(type(v) is int for v in total[3:6])
    assert rows[-1][0] == "Ý kiến thẩm định chung: Đồng ý có điều chỉnh"
    sheet = load_workbook(io.BytesIO(appraisal_workbook(estimate))).active
    assert sheet["D4"].number_format == "#,##0"


def test_a_line_finance_agreed_with_carries_the_asked_figure(estimate, director, finance):
    appraise(estimate, director, finance, {})
    rows = rows_of(appraisal_workbook(estimate))
    assert rows[5][3:6] == (465_000_000, 465_000_000, 0)


def test_only_readers_of_the_estimate_download_it_once_appraised(
    estimate, officer, director, finance, can_tho, vinh_long
):
    url = reverse("budget:appraisal_xlsx", args=[estimate.pk])
    api = f"{BASE}/estimates/{estimate.pk}/appraisal/xlsx"
    assert client_for(officer).get(url).status_code == 404  # not appraised yet
    assert client_for(finance).get(url).status_code == 404  # not even sent to Finance
    appraise(estimate, director, finance, {})
    for user in (officer, director, finance):
        response = client_for(user).get(url)
        assert response.status_code == 200, user.role
        assert b"".join(response.streaming_content)[:2] == b"PK"
        assert ApiClient(user).get(api).status_code == 200
    outsiders = (
        UserFactory(role=Role.ENTERPRISE, agency=can_tho),
        UserFactory(role=Role.DIRECTOR, agency=vinh_long),
        UserFactory(role=Role.CITY, agency=can_tho),
    )
    for user in outsiders:
        assert client_for(user).get(url).status_code == 404, user.role
        assert ApiClient(user).get(api).status_code == 404, user.role
    page = client_for(finance).get(reverse("budget:estimate", args=[estimate.pk])).content.decode()
    assert url in page


def test_the_estimates_files_by_api(estimate, officer):
    as_officer = ApiClient(officer)
    assert as_officer.get(f"{BASE}/estimates/{estimate.pk}/document/xlsx").status_code == 200
    assert as_officer.get(f"{BASE}/estimates/{estimate.pk}/document/docx").status_code == 200
    assert as_officer.get(f"{BASE}/estimates/{estimate.pk}/document/pdf").status_code in (400, 404, 422)
    assert as_officer.get(f"{BASE}/estimates/{estimate.pk}/appraisal/docx").status_code == 404
