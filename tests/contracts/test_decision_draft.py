"""The city's approval decision drafted for the director's Tờ trình: the list it approves is the Tờ trình's,
its long table keeps its header on each page, and only the agency's staff and the city draw it."""

import io

import pytest
from django.urls import reverse
from docx import Document as open_docx
from docx.oxml.ns import qn

from nangsuat.core.formatting import amount_in_words, format_vnd
from nangsuat.core.roles import Role
from nangsuat.documents.models import Document, DocumentKind
from nangsuat.documents.pdf import soffice_path
from tests.core.clients import client_for
from tests.core.factories import UserFactory
from tests.registry.factories import enterprise_user

from .test_workflow import recommended

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


@pytest.fixture
def proposals(call, officer, director, council):
    """Two Tờ trình for one call: the first proposes three dossiers, the second one more."""
    first = [recommended(call, officer, council) for _ in range(3)]
    later = recommended(call, officer, council)
    c = client_for(director)
    c.post(reverse("submissions:propose", args=[call.pk]), {"dossier": [d.pk for d in first]})
    c.post(reverse("submissions:propose", args=[call.pk]), {"dossier": [later.pk]})
    docs = list(Document.objects.filter(kind=DocumentKind.CITY_PROPOSAL).order_by("pk"))
    assert len(docs) == 2
    return docs


def _url(call, proposal, name="submissions:decision_draft"):
    return reverse(name, args=[call.pk, proposal.pk])


def _docx(response):
    assert response.status_code == 200, response.status_code
    return open_docx(io.BytesIO(response.content))


def _proposal_rows(proposal):
    """The Tờ trình's own table: (enterprise (tax code), content, amount), total last."""
    with proposal.file.open("rb") as handle:
        table = open_docx(io.BytesIO(handle.read())).tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    return [(r[1], r[2], r[4]) for r in rows[:-1]], rows[-1][4]


def test_the_draft_approves_exactly_the_list_of_its_to_trinh(call, director, proposals):
    for proposal in proposals:
        doc = _docx(client_for(director).get(_url(call, proposal)))
        table = doc.tables[1]
        rows = [[c.text for c in row.cells] for row in table.rows[1:]]
        body, total = rows[:-1], rows[-1]
        expected, expected_total = _proposal_rows(proposal)
        assert [
            (f"{name.split(chr(10))[0]} ({name.split(': ')[1]})", content, amount)
            for _n, name, content, amount in body
        ] == expected
        assert [r[0] for r in body] == [str(i) for i in range(1, len(expected) + 1)]
        assert total[1] == "Tổng cộng" and total[3] == expected_total
        text = "\n".join(p.text for p in doc.paragraphs)
        amount = sum(int(r[3].replace(".", "")) for r in body)
        assert f"danh sách {len(expected):02d} doanh nghiệp" in text
        assert format_vnd(amount, " đồng") in text and amount_in_words(amount) in text
        assert f"Tờ trình số {proposal.number} ngày {proposal.issued_on:%d} tháng" in text
    assert [len(_docx(client_for(director).get(_url(call, p))).tables[1].rows) for p in proposals] == [5, 3]


@pytest.fixture
def plan(call):
    from nangsuat.documents.models import DocumentProfile

    return DocumentProfile.objects.create(
        agency=call.agency, province="thành phố Cần Thơ", plan_number="14/KH-UBND"
    )


def test_the_draft_is_the_citys_with_its_number_and_date_left_blank(call, director, plan, proposals):
    doc = _docx(client_for(director).get(_url(call, proposals[0])))
    header = [c.text for row in doc.tables[0].rows for c in row.cells]
    assert "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ" in header[0]
    assert "Số: …/QĐ-UBND" in header[2]
    assert f"ngày …… tháng …… năm {call.year}" in header[3]
    text = "\n".join(p.text for p in doc.paragraphs)
    for expected in (
        "DỰ THẢO",
        "QUYẾT ĐỊNH",
        "Phê duyệt danh sách doanh nghiệp được hỗ trợ",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ",
        "Căn cứ Luật Tổ chức chính quyền địa phương",
        "Quyết định số 1322/QĐ-TTg ngày 31 tháng 8 năm 2020",
        "Thông tư số 15/2022/TT-BKHCN ngày 15 tháng 10 năm 2022",
        "Kế hoạch số 14/KH-UBND",
        "Xét đề nghị của Giám đốc Sở Khoa học và Công nghệ",
        "Điều 1.",
        "Điều 2.",
        "Điều 3.",
    ):
        assert expected in text, expected
    signature = [c.text for c in doc.tables[-1].rows[0].cells]
    assert "Nơi nhận:" in signature[0] and "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" in signature[1]


def test_the_long_table_repeats_its_header_and_never_splits_a_row(call, director, proposals):
    table = _docx(client_for(director).get(_url(call, proposals[0]))).tables[1]
    header = table.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])


def test_staff_and_the_city_draw_it_no_one_else(call, officer, director, proposals, vinh_long):
    url = _url(call, proposals[0])
    for user in (officer, director, UserFactory(role=Role.CITY, agency=call.agency)):
        assert client_for(user).get(url).status_code == 200, user.role
    dossier = proposals[0].city_items.first().dossier
    for user in (
        enterprise_user(dossier.enterprise),
        UserFactory(role=Role.COUNCIL, agency=call.agency),
        UserFactory(role=Role.FINANCE, agency=call.agency),
        UserFactory(role=Role.OFFICER, agency=vinh_long),
        UserFactory(role=Role.CITY, agency=vinh_long),
    ):
        assert client_for(user).get(url).status_code == 404, user.role
        assert (
            client_for(user).get(_url(call, proposals[0], "submissions:decision_draft_pdf")).status_code
            == 404
        )


def test_a_document_that_is_not_a_to_trinh_of_the_call_is_not_found(call, director, proposals):
    other = Document.objects.exclude(kind=DocumentKind.CITY_PROPOSAL).first()
    assert client_for(director).get(_url(call, other)).status_code == 404


def test_the_city_list_links_each_to_trinh_to_its_draft(call, director, proposals):
    page = client_for(director).get(reverse("submissions:call", args=[call.pk])).content.decode()
    for proposal in proposals:
        assert _url(call, proposal) in page


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_the_draft_downloads_as_pdf(call, director, proposals):
    response = client_for(director).get(_url(call, proposals[1], "submissions:decision_draft_pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
