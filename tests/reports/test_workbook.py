"""The report's workbook: a summary, one sheet per indicator listing as many records as its period total,
and the supported enterprises."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from nangsuat.indicators.counting import Scope, tallies
from nangsuat.indicators.definitions import INDICATORS, PERIOD
from nangsuat.reports import services
from nangsuat.reports.workbook import SHEET_NAMES, SUMMARY_SHEET, SUPPORTED_SHEET

pytestmark = pytest.mark.django_db
HEADER_ROW = 3


def _book(client, report):
    response = client.get(reverse("reports:xlsx", args=[report.pk]))
    assert response.status_code == 200
    assert "Số liệu Dự thảo Báo cáo năm 2026.xlsx" in response["Content-Disposition"].replace("%20", " ") or (
        "filename*=UTF-8''" in response["Content-Disposition"]
    )
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def _rows(sheet):
    return [row for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if any(row)]


def test_one_sheet_per_indicator_with_the_records_behind_its_total(client, officer, records, can_tho):
    report, _created = services.create_report(actor=officer, kind="annual", year=2026)
    client.force_login(officer)
    book = _book(client, report)
    assert book.sheetnames == [SUMMARY_SHEET, *(SHEET_NAMES[i.code] for i in INDICATORS), SUPPORTED_SHEET]
    counted = tallies(Scope(agency_ids=(can_tho.pk,)))
    summary = {row[0]: row for row in _rows(book[SUMMARY_SHEET])}
    for indicator in INDICATORS:
        tally = counted[indicator.code]
        rows = _rows(book[SHEET_NAMES[indicator.code]])
        assert len(rows) == tally.total, indicator.code
        line = summary[indicator.code]
        assert list(line[4:9]) == [tally.by_year[y] for y in PERIOD] and line[9] == tally.total
    managers = _rows(book[SHEET_NAMES["manager_trainings"]])
    assert len(managers) == 2 and managers[0][1] == managers[1][1]  # one person, two lượt
    supported = _rows(book[SUPPORTED_SHEET])
    a, b, _c = records["enterprises"]
    assert sorted(row[1] for row in supported) == sorted([a.name, b.name])
    assert sum(row[4] for row in supported) == 290_000_000


def test_the_workbook_holds_nothing_personal(client, officer, records):
    report, _created = services.create_report(actor=officer, kind="annual", year=2026)
    client.force_login(officer)
    book = _book(client, report)
    cells = " ".join(str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if v)
    assert "0909123456" not in cells  # a participant's phone
