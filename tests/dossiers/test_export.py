"""The dossier list's Excel export: the office layout, and the amounts and score later steps add, read
with the dossiers rather than one query per row."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from nangsuat.contracts.models import CitySubmission, Payment, ProposedDossier, SupportContract
from nangsuat.core.roles import Role
from nangsuat.councils.models import Council, CouncilResult
from nangsuat.dossiers.models import Dossier
from tests.core.clients import sign_in_after_totp
from tests.core.factories import UserFactory
from tests.core.workbooks import assert_office_layout, open_export
from tests.dossiers.factories import DossierFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = pytest.mark.django_db


def _paid_dossier(call, officer):
    dossier = DossierFactory(call=call, state="paid", enterprise=EnterpriseFactory(agency=call.agency))
    council = Council.objects.create(call=call, name="Hội đồng tư vấn")
    CouncilResult.objects.create(
        council=council, dossier=dossier, total_mean=Decimal("82.50"), rank=1, closed_at=timezone.now()
    )
    submission, _ = CitySubmission.objects.get_or_create(agency=call.agency, call=call)
    ProposedDossier.objects.create(
        submission=submission, dossier=dossier, rank=1, support_vnd=150_000_000, decision="approved"
    )
    contract = SupportContract.objects.create(
        agency=call.agency,
        dossier=dossier,
        number="01/HĐ-SKHCN",
        signed_on=dt.date(2026, 5, 4),
        amount_vnd=140_000_000,
        deliverables="Báo cáo",
        deadline=dt.date(2026, 11, 30),
    )
    Payment.objects.create(
        contract=contract, amount_vnd=135_000_000, paid_on=dt.date(2026, 12, 5), reference="UNC 1"
    )
    return dossier


def test_dossier_export_has_the_office_layout_and_the_later_amounts(
    client, can_tho, django_assert_max_num_queries
):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    paid = _paid_dossier(DossierFactory(call__agency=can_tho).call, officer)
    for _ in range(5):
        _paid_dossier(DossierFactory(call__agency=can_tho).call, officer)
    sign_in_after_totp(client, officer)
    with django_assert_max_num_queries(12):  # not one query per row
        response = client.get(reverse("dossiers:dossier_export"), {"state": "paid", "q": paid.tracking_code})
    sheet = open_export(response.content)
    headers = assert_office_layout(
        sheet,
        title="DANH SÁCH HỒ SƠ — CHƯƠNG TRÌNH 1322",
        filters="Trạng thái: ",
        amount_header="Kinh phí hợp đồng (đồng)",
    )
    assert "Từ khóa: " + paid.tracking_code in sheet["A2"].value
    row = {header: sheet.cell(row=4, column=index).value for header, index in headers.items()}
    assert row["Mã hồ sơ"] == paid.tracking_code
    assert row["Điểm hội đồng"] == 82.5
    assert row["Kinh phí được phê duyệt (đồng)"] == 150_000_000
    assert row["Kinh phí hợp đồng (đồng)"] == 140_000_000
    assert row["Đã thanh toán (đồng)"] == 135_000_000
    for header in ("Kinh phí được phê duyệt (đồng)", "Đã thanh toán (đồng)", "Tổng kinh phí (đồng)"):
        assert sheet.cell(row=4, column=headers[header]).number_format == "#,##0"
    assert sheet.cell(row=4, column=headers["Ngày nộp"]).number_format == "DD/MM/YYYY"


def test_dossier_export_without_filters_says_so_and_leaves_missing_amounts_empty(client, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    DossierFactory(call__agency=can_tho, state="submitted")
    sign_in_after_totp(client, officer)
    sheet = open_export(client.get(reverse("dossiers:dossier_export")).content)
    headers = assert_office_layout(
        sheet, title="DANH SÁCH HỒ SƠ — CHƯƠNG TRÌNH 1322", filters="không (toàn bộ)"
    )
    assert sheet.cell(row=4, column=headers["Kinh phí hợp đồng (đồng)"]).value is None
    assert sheet.cell(row=4, column=headers["Điểm hội đồng"]).value is None


def test_an_enterprises_export_has_its_amounts_but_not_the_councils_score(client, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    dossier = _paid_dossier(DossierFactory(call__agency=can_tho).call, officer)
    client.force_login(enterprise_user(dossier.enterprise))
    response = client.get(reverse("dossiers:dossier_export"))
    sheet = open_export(response.content)
    headers = {cell.value: cell.column for cell in sheet[3] if cell.value}
    assert "Điểm hội đồng" not in headers
    assert sheet.cell(row=4, column=headers["Mã hồ sơ"]).value == dossier.tracking_code
    assert sheet.cell(row=4, column=headers["Đã thanh toán (đồng)"]).value == 135_000_000


def test_the_export_reads_no_long_text_row_by_row(client, can_tho):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    call = DossierFactory(call__agency=can_tho, state="submitted").call
    sign_in_after_totp(client, officer)

    def exported() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("dossiers:dossier_export"))
        assert len(list(open_export(response.content).iter_rows(min_row=4))) == Dossier.objects.count()
        return len(queries)

    exported()  # the first request after signing in also writes the session
    few = exported()
    for _ in range(5):
        DossierFactory(call=call, state="submitted", enterprise=EnterpriseFactory(agency=can_tho))
    assert exported() == few
