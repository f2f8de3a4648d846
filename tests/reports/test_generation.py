"""Each kind of report is drawn as a Báo cáo in the Nghị định 30 format, with the indicators' figures
exactly as the indicators engine counts them, the charts, the supported enterprises and the money."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document as open_docx

from nangsuat.indicators.counting import Scope, tallies
from nangsuat.indicators.definitions import INDICATORS, PERIOD
from nangsuat.indicators.targets import targets_of
from nangsuat.productivity.benchmarks import refresh_benchmarks
from nangsuat.reports import services
from nangsuat.reports.figures import productivity_of
from nangsuat.reports.kinds import ReportKind
from tests.documents.helpers import all_text, assert_decree_format
from tests.indicators.factories import accepted_dossier
from tests.productivity.factories import year_with_figures
from tests.reference.factories import some_vsic
from tests.registry.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

YEARS = {"annual": 2026, "midterm": 2028, "final": 2030, "ministry": 2026}
ADDRESSEES = {
    "annual": "Kính gửi: Ủy ban nhân dân thành phố Cần Thơ.",
    "midterm": "Kính gửi: Ủy ban nhân dân thành phố Cần Thơ.",
    "final": "Kính gửi: Ủy ban nhân dân thành phố Cần Thơ.",
    "ministry": "Kính gửi: Bộ Khoa học và Công nghệ.",
}
OPENINGS = {
    "annual": "Kết quả thực hiện Kế hoạch triển khai Chương trình hỗ trợ",
    "midterm": "Sơ kết giai đoạn 2026 - 2028 thực hiện Kế hoạch triển khai",
    "final": "Tổng kết thực hiện Kế hoạch triển khai Chương trình hỗ trợ",
    "ministry": "Tình hình thực hiện Chương trình quốc gia hỗ trợ",
}


def draft_docx(client, report):
    response = client.get(reverse("reports:docx", args=[report.pk]))
    assert response.status_code == 200
    return open_docx(io.BytesIO(b"".join(response.streaming_content)))


@pytest.mark.parametrize("kind", ReportKind.values)
def test_each_kind_is_drawn_as_a_report_in_the_decree_format(kind, client, officer, records):
    report, created = services.create_report(actor=officer, kind=kind, year=YEARS[kind])
    assert created and report.state == "draft"
    client.force_login(officer)
    doc = draft_docx(client, report)
    assert_decree_format(doc, number="…/BC-SKHCN", day=timezone.localdate())
    text = all_text(doc)
    assert "DỰ THẢO" in text and "BÁO CÁO" in text
    assert OPENINGS[kind] in text and "trên địa bàn thành phố Cần Thơ" in text
    assert ADDRESSEES[kind] in text
    assert "Căn cứ Quyết định số 1322/QĐ-TTg" in text
    for heading in (
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "IV. KIẾN NGHỊ, ĐỀ XUẤT",
        "Bảng 1. Kết quả thực hiện các chỉ tiêu",
        "Bảng 2. Danh sách doanh nghiệp được hỗ trợ",
        "GIÁM ĐỐC",
        "Nơi nhận:",
    ):
        assert heading in text, heading
    # the charts: the progress of every target, and one chart by year per indicator
    assert len(doc.inline_shapes) == 1 + len(INDICATORS)
    # the narrative written from the figures when the draft was made
    assert report.results.splitlines()[0] in text


def _indicator_table(doc):
    return next(t for t in doc.tables if t.rows[0].cells[1].text == "Chỉ tiêu (đơn vị tính)")


def test_the_indicator_table_shows_the_tallies_and_targets(client, officer, records, can_tho):
    report, _created = services.create_report(actor=officer, kind="annual", year=2026)
    client.force_login(officer)
    table = _indicator_table(draft_docx(client, report))
    counted = tallies(Scope(agency_ids=(can_tho.pk,)))
    targets = targets_of([can_tho.pk])
    assert [c.text for c in table.rows[0].cells][3:8] == [str(y) for y in PERIOD]
    assert len(table.rows) == 1 + len(INDICATORS)
    for row, indicator in zip(table.rows[1:], INDICATORS, strict=True):
        cells = [c.text for c in row.cells]
        tally = counted[indicator.code]
        assert cells[1].startswith(str(indicator.name))
        assert int(cells[2].replace(".", "")) == targets[indicator.code]
        assert [int(v.replace(".", "")) for v in cells[3:8]] == [tally.by_year[y] for y in PERIOD]
        assert int(cells[8].replace(".", "")) == tally.total
    # the traps of the fixture, as the table shows them
    values = {i.code: [c.text for c in r.cells] for i, r in zip(INDICATORS, table.rows[1:], strict=True)}
    assert values["manager_trainings"][3:5] == ["1", "1"] and values["manager_trainings"][8] == "2"
    assert (
        values["product_groups_certified"][3:5] == ["1", "1"] and values["product_groups_certified"][8] == "1"
    )
    assert values["award_entrants"][9] == "20"  # 1 of 5


def test_supported_enterprises_and_money(client, officer, records):
    report, _created = services.create_report(actor=officer, kind="annual", year=2026)
    client.force_login(officer)
    doc = draft_docx(client, report)
    text = all_text(doc)
    a, b, _c = records["enterprises"]
    supported = next(t for t in doc.tables if t.rows[0].cells[1].text == "Doanh nghiệp")
    names = [row.cells[1].text for row in supported.rows[1:-1]]
    assert sorted(names) == sorted([a.name, b.name])
    assert supported.rows[-1].cells[1].text == "Tổng cộng"
    assert "Kinh phí đã thanh toán: 140.000.000 đồng (1 lượt thanh toán)" in text
    assert "Kinh phí hỗ trợ đã phê duyệt, ký hợp đồng: 290.000.000 đồng." in text


def test_a_report_of_a_year_without_records_says_so(client, officer):
    report, _created = services.create_report(actor=officer, kind="annual", year=2029)
    client.force_login(officer)
    text = all_text(draft_docx(client, report))
    assert "Chưa có doanh nghiệp được phê duyệt hỗ trợ trong kỳ báo cáo." in text
    assert "Kinh phí đã thanh toán: 0 đồng" in text


def test_the_narrative_starts_from_the_figures(officer, records):
    report, _created = services.create_report(actor=officer, kind="annual", year=2026)
    assert "đã hỗ trợ 2 doanh nghiệp" in report.results
    assert (
        "- Lượt cán bộ quản lý được đào tạo: năm 2026 đạt 1 lượt; lũy kế giai đoạn 2/500 lượt"
        in report.results
    )
    assert "chưa đạt tiến độ" in report.shortcomings  # 2026: 20 % of each target is due
    assert report.directions.startswith("Năm 2027,")
    assert "Ủy ban nhân dân thành phố" in report.proposals
    ministry, _created = services.create_report(actor=officer, kind="ministry", year=2026)
    assert "Bộ Khoa học và Công nghệ" in ministry.proposals


@pytest.mark.parametrize(
    ("kind", "year", "field"),
    [("midterm", 2027, "year"), ("final", 2029, "year"), ("annual", 2031, "year"), ("weekly", 2026, "kind")],
)
def test_kind_and_year_are_checked(officer, kind, year, field):
    with pytest.raises(ValidationError) as caught:
        services.create_report(actor=officer, kind=kind, year=year)
    assert field in caught.value.message_dict


def test_one_report_per_kind_and_year(officer):
    first, created = services.create_report(actor=officer, kind="annual", year=2027)
    again, created_again = services.create_report(actor=officer, kind="annual", year=2027)
    assert created and not created_again and first.pk == again.pk


def test_the_supported_enterprises_productivity_before_and_after_beside_their_peers(client, officer, can_tho):
    vsic = some_vsic()
    for i in range(3):  # peers: labour productivity +10 % from 2022 to 2025
        peer = EnterpriseFactory(agency=can_tho, vsic=vsic, vsic_section=vsic.section, size_class="small")
        year_with_figures(peer, 2022, operating_surplus_vnd=1_200_000_000 + i * 1_000_000_000)
        year_with_figures(
            peer, 2025, operating_surplus_vnd=round((4_000_000_000 + i * 1e9) * 1.1) - 2_800_000_000
        )
    supported = EnterpriseFactory(agency=can_tho, vsic=vsic, vsic_section=vsic.section, size_class="small")
    year_with_figures(supported, 2022)  # 4.0 bn of value added, 40 people
    year_with_figures(supported, 2025, operating_surplus_vnd=2_000_000_000)  # 4.8 bn: +20 %
    dossier = accepted_dossier(can_tho, supported, on=dt.date(2024, 6, 1))
    dossier.contract.signed_on = dt.date(2023, 3, 1)  # the base year: 2022
    dossier.contract.save()
    refresh_benchmarks()
    [row] = productivity_of(can_tho.pk)
    peers_change = round(100 * (128_750_000 / 112_500_000 - 1), 1)  # medians with the supported one
    assert row == {
        "name": supported.name,
        "base_year": 2022,
        "year": 2025,
        "change": 20.0,
        "peer_change": peers_change,
        "difference": round(20.0 - 100 * (128_750_000 / 112_500_000 - 1), 1),
    }
    report, _ = services.create_report(actor=officer, kind="annual", year=2026)
    client.force_login(officer)
    doc = draft_docx(client, report)
    text = all_text(doc)
    assert "Bảng 3. Năng suất lao động trước và sau hỗ trợ" in text
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Doanh nghiệp" and len(t.columns) == 7)
    assert [c.text for c in table.rows[1].cells][1:5] == [supported.name, "2022", "2025", "+20"]
