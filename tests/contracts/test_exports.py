"""The contracts list and the city list export in the office layout, with their amounts grouped."""

import pytest
from django.urls import reverse

from tests.core.clients import client_for
from tests.core.workbooks import assert_office_layout, open_export

from .test_workflow import contracted, recommended

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def test_contract_export_names_its_filters_and_groups_its_amounts(call, officer, director, council):
    dossier = contracted(call, officer, director, council, amount=140_000_000)
    response = client_for(officer).get(reverse("contracts:export"), {"q": dossier.tracking_code})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="hop-dong-')
    sheet = open_export(response.content)
    headers = assert_office_layout(
        sheet,
        title="DANH SÁCH HỢP ĐỒNG HỖ TRỢ — CHƯƠNG TRÌNH 1322",
        filters=f"Từ khóa: {dossier.tracking_code}",
        amount_header="Kinh phí hợp đồng (đồng)",
    )
    assert sheet.cell(row=4, column=headers["Mã hồ sơ"]).value == dossier.tracking_code
    assert sheet.cell(row=4, column=headers["Kinh phí hợp đồng (đồng)"]).value == 140_000_000
    assert sheet.cell(row=4, column=headers["Ngày ký"]).number_format == "DD/MM/YYYY"


def test_city_list_export_follows_the_councils_rank_with_the_proposed_amounts(
    call, officer, director, council
):
    first, second = recommended(call, officer, council), recommended(call, officer, council)
    response = client_for(director).get(reverse("submissions:export", args=[call.pk]))
    assert response.status_code == 200
    sheet = open_export(response.content)
    headers = assert_office_layout(
        sheet,
        title="DANH SÁCH ĐỀ NGHỊ HỖ TRỢ TRÌNH UBND THÀNH PHỐ",
        filters=f"Đợt đăng ký: {call.title}",
        amount_header="Đề xuất hỗ trợ (đồng)",
    )
    codes = {sheet.cell(row=r, column=headers["Mã hồ sơ"]).value for r in (4, 5)}
    assert codes == {first.tracking_code, second.tracking_code}
    assert sheet.cell(row=6, column=headers["Đề xuất hỗ trợ (đồng)"]).value == 300_000_000  # the total
