"""An officer edits the narrative; the director confirms and signs: the report is numbered in the register
as a Báo cáo, its DOCX and workbook frozen, and nothing can change it afterwards."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document as open_docx

from nangsuat.core.audit import history_of
from nangsuat.documents.models import Document, DocumentKind
from nangsuat.reports import services
from nangsuat.reports.models import Report
from tests.activities.factories import CourseFactory, ParticipationFactory
from tests.documents.helpers import all_text, assert_decree_format, docx_of

pytestmark = pytest.mark.django_db


def _content(response) -> bytes:
    return b"".join(response.streaming_content)


def test_edit_then_sign_numbers_and_freezes_the_report(client, officer, director, records, can_tho):
    report, _created = services.create_report(actor=officer, kind="annual", year=2026)
    client.force_login(officer)
    page = client.get(reverse("reports:detail", args=[report.pk]))
    assert page.status_code == 200 and "Lưu nội dung" in page.content.decode()
    assert "Ký báo cáo" not in page.content.decode()  # an officer does not sign
    sections = {
        f: getattr(report, f) for f in ("results", "shortcomings", "causes", "directions", "proposals")
    }
    sections["causes"] = "Nguyên nhân do chuyên viên viết lại."
    response = client.post(reverse("reports:detail", args=[report.pk]), sections)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.causes == "Nguyên nhân do chuyên viên viết lại."
    assert client.post(reverse("reports:sign", args=[report.pk])).status_code == 403

    client.force_login(director)
    confirm = client.get(reverse("reports:sign", args=[report.pk]))
    assert confirm.status_code == 200 and "Không thể hoàn tác" in confirm.content.decode()
    assert Report.objects.get(pk=report.pk).state == "draft"  # asking is not signing
    response = client.post(reverse("reports:sign", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "signed" and report.signed_by == director
    document = report.document
    assert document.kind == DocumentKind.REPORT and document.number == "01/BC-SKHCN"
    assert document.signer_name == "Trần Văn Minh" and not document.visible_to_enterprise
    doc = docx_of(document)
    assert_decree_format(doc, number="01/BC-SKHCN", day=timezone.localdate())
    text = all_text(doc)
    assert (
        "DỰ THẢO" not in text and "Nguyên nhân do chuyên viên viết lại." in text and "Trần Văn Minh" in text
    )
    actions = [(e.action, e.from_state, e.to_state) for e in history_of(report)]
    assert ("reports.created", "", "draft") in actions
    assert ("reports.narrative_saved", "", "") in actions
    assert ("reports.signed", "draft", "signed") in actions

    # The downloads are the files of the signature, whatever is recorded afterwards.
    docx = _content(client.get(reverse("reports:docx", args=[report.pk])))
    xlsx = _content(client.get(reverse("reports:xlsx", args=[report.pk])))
    ParticipationFactory(course=CourseFactory(agency=can_tho))
    assert _content(client.get(reverse("reports:docx", args=[report.pk]))) == docx
    assert _content(client.get(reverse("reports:xlsx", args=[report.pk]))) == xlsx
    response = client.get(reverse("reports:docx", args=[report.pk]))
    assert "B%C3%A1o%20c%C3%A1o%2001-BC-SKHCN.docx" in response["Content-Disposition"]
    assert open_docx(io.BytesIO(docx)).paragraphs  # a document Word opens

    # Signed: no edit, no second signature.
    client.force_login(officer)
    client.post(reverse("reports:detail", args=[report.pk]), {**sections, "causes": "Sửa sau khi ký"})
    report.refresh_from_db()
    assert report.causes == "Nguyên nhân do chuyên viên viết lại."
    client.force_login(director)
    assert client.post(reverse("reports:sign", args=[report.pk])).status_code == 302
    assert Document.objects.filter(kind=DocumentKind.REPORT).count() == 1


def test_reports_share_the_register_series_of_the_year(director, officer):
    first, _c = services.create_report(actor=officer, kind="annual", year=2026)
    second, _c = services.create_report(actor=officer, kind="ministry", year=2026)
    services.sign_report(report=first, actor=director)
    services.sign_report(report=second, actor=director)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.document.number, second.document.number) == ("01/BC-SKHCN", "02/BC-SKHCN")


def test_the_signed_page_shows_the_frozen_narrative(client, officer, director):
    report, _c = services.create_report(actor=officer, kind="annual", year=2026)
    services.sign_report(report=report, actor=director)
    client.force_login(officer)
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "01/BC-SKHCN" in page and "Lưu nội dung" not in page and "Tồn tại, hạn chế" in page
