import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nangsuat.dossiers import workflow
from nangsuat.dossiers.states import State
from tests.core.clients import client_for
from tests.registry.factories import enterprise_user

from .test_workflow import contracted, recommended

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def test_director_proposes_within_budget_with_a_running_total(call, officer, director, council):
    call.budget_vnd = 400_000_000
    call.save()
    dossiers = [recommended(call, officer, council) for _ in range(3)]
    c = client_for(director)
    page = c.get(reverse("submissions:call", args=[call.pk])).content.decode()
    assert all(d.tracking_code in page for d in dossiers) and "400.000.000 đ" in page
    partial = c.get(reverse("submissions:total", args=[call.pk]), {"dossier": [d.pk for d in dossiers]})
    text = partial.content.decode()
    assert "450.000.000 đ" in text and "Vượt dự toán" in text
    r = c.post(
        reverse("submissions:propose", args=[call.pk]), {"dossier": [d.pk for d in dossiers]}, follow=True
    )
    text = r.content.decode()
    assert "Đã trình UBND thành phố 2 hồ sơ" in text and "Vượt dự toán kinh phí" in text
    states = sorted(type(d).objects.get(pk=d.pk).state for d in dossiers)
    assert states == [State.PROPOSED, State.PROPOSED, State.RECOMMENDED]


def test_officer_records_the_city_decision(call, officer, director, council):
    a, b = recommended(call, officer, council), recommended(call, officer, council)
    client_for(director).post(reverse("submissions:propose", args=[call.pk]), {"dossier": [a.pk, b.pk]})
    c = client_for(officer)
    url = reverse("submissions:decision", args=[call.pk])
    r = c.post(url, {f"decision_{a.pk}": "approve"})
    assert r.status_code == 400 and "Vui lòng nhập số quyết định" in r.content.decode()
    r = c.post(
        url,
        {
            "decision_number": "1234/QĐ-UBND",
            "decision_date": "2026-06-01",
            "decision_file": SimpleUploadedFile("qd.pdf", b"%PDF-1.4"),
            f"decision_{a.pk}": "approve",
            f"decision_{b.pk}": "not_approve",
            f"reason_{b.pk}": "Trùng",
        },
    )
    assert r.status_code == 302
    a.refresh_from_db(), b.refresh_from_db()
    assert (a.state, b.state) == (State.APPROVED, State.NOT_APPROVED)
    assert a.city_item.decision_number == "1234/QĐ-UBND" and a.city_item.decision_file
    assert client_for(director).get(url).status_code == 403


def test_enterprise_reports_progress_and_requests_completion(call, officer, director, council, vinh_long):
    dossier = contracted(call, officer, director, council)
    ent = enterprise_user(dossier.enterprise)
    c = client_for(ent)
    detail = reverse("contracts:detail", args=[dossier.contract.pk])
    page = c.get(detail).content.decode()
    assert "150.000.000 đ" in page and "Gửi báo cáo" in page
    r = c.post(reverse("contracts:progress_add", args=[dossier.contract.pk]), {"period": "", "text": ""})
    assert r.status_code == 400 and "Vui lòng nhập kỳ báo cáo" in r.content.decode()
    c.post(
        reverse("contracts:progress_add", args=[dossier.contract.pk]),
        {"period": "Quý III/2026", "text": "Đã đào tạo"},
    )
    assert "Quý III/2026" in c.get(detail).content.decode()
    url = reverse("contracts:completion_request", args=[dossier.contract.pk])
    disguised = SimpleUploadedFile(
        "gcn.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    r = c.post(url, {"self_assessment": "Đã được cấp chứng nhận", "evidence": disguised})
    assert r.status_code == 400 and "không đúng định dạng cho phép" in r.content.decode()
    r = c.post(
        url,
        {"self_assessment": "Đã được cấp chứng nhận", "evidence": SimpleUploadedFile("gcn.pdf", b"%PDF-1.4")},
    )
    assert r.status_code == 302
    evidence = dossier.contract.completion_request.evidence.get()
    assert evidence.original_name == "gcn.pdf" and re.fullmatch(
        r"evidence/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", evidence.file.name
    )
    dossier.refresh_from_db()
    assert dossier.state == State.COMPLETION_REQUESTED
    # Another enterprise and another agency see nothing.
    from nangsuat.core.roles import Role
    from tests.core.factories import UserFactory
    from tests.registry.factories import EnterpriseFactory

    other = enterprise_user(EnterpriseFactory(agency=call.agency))
    assert client_for(other).get(detail).status_code == 404
    assert client_for(UserFactory(role=Role.OFFICER, agency=vinh_long)).get(detail).status_code == 404
    lst = client_for(officer).get(reverse("contracts:list"), {"q": dossier.tracking_code}).content.decode()
    assert dossier.contract.number in lst
    assert dt.date.today()


def test_staff_see_the_next_steps_on_the_contract_page(call, officer, director, council):
    dossier = contracted(call, officer, director, council)
    page = client_for(director).get(reverse("contracts:detail", args=[dossier.contract.pk])).content.decode()
    assert reverse("dossiers:dossier_action", args=[dossier.pk, "terminate"]) in page
    page = client_for(officer).get(reverse("contracts:detail", args=[dossier.contract.pk])).content.decode()
    assert "terminate" not in page


def test_files_are_served_only_to_those_who_see_the_contract(call, officer, director, council, vinh_long):
    from nangsuat.contracts import services
    from nangsuat.core.roles import Role
    from tests.core.factories import UserFactory

    dossier = contracted(call, officer, director, council)
    ent = enterprise_user(dossier.enterprise)
    report = services.add_progress_report(
        contract=dossier.contract,
        actor=ent,
        period="Q3",
        text="x",
        file=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 report"),
    )
    url = reverse("contracts:report_file", args=[dossier.contract.pk, report.pk])
    r = client_for(officer).get(url)
    assert r.status_code == 200 and b"".join(r.streaming_content) == b"%PDF-1.4 report"
    assert client_for(UserFactory(role=Role.OFFICER, agency=vinh_long)).get(url).status_code == 404
    assert (
        client_for(officer).get(reverse("contracts:decision_file", args=[dossier.contract.pk])).status_code
        == 404
    )


def test_proposing_signs_one_to_trinh_that_every_proposed_dossier_shows(call, officer, director, council):
    import io

    from docx import Document as open_docx

    from nangsuat.documents.models import Document, DocumentKind

    a, b = recommended(call, officer, council), recommended(call, officer, council)
    c = client_for(director)
    r = c.post(reverse("submissions:propose", args=[call.pk]), {"dossier": [a.pk, b.pk]}, follow=True)
    (doc,) = Document.objects.filter(kind=DocumentKind.CITY_PROPOSAL)
    assert doc.number.startswith("01/TTr-") and doc.number in r.content.decode()
    assert not doc.visible_to_enterprise and doc.signer_name == (director.full_name or director.username)
    a.refresh_from_db(), b.refresh_from_db()
    assert a.city_item.proposal == doc and b.city_item.proposal == doc
    body = "\n".join(p.text for p in open_docx(io.BytesIO(doc.file.read())).paragraphs)
    cells = [
        cell.text
        for t in open_docx(io.BytesIO(doc.file.open("rb").read())).tables
        for row in t.rows
        for cell in row.cells
    ]
    total = a.city_item.support_vnd + b.city_item.support_vnd
    assert "TỜ TRÌNH" in body and "Kính gửi: Ủy ban nhân dân thành phố Cần Thơ." in body
    assert a.enterprise.name in " ".join(cells) and b.enterprise.name in " ".join(cells)
    assert f"{total:,}".replace(",", ".") in body and "Bằng chữ:" in body
    # On both dossiers' timelines for staff; not for the enterprise.
    for dossier in (a, b):
        assert doc.number in c.get(reverse("dossiers:dossier_detail", args=[dossier.pk])).content.decode()
    owner = enterprise_user(a.enterprise)
    assert (
        doc.number
        not in client_for(owner).get(reverse("dossiers:dossier_detail", args=[a.pk])).content.decode()
    )
    # Ticking only dossiers already on the list proposes nothing and signs nothing.
    c.post(reverse("submissions:propose", args=[call.pk]), {"dossier": [a.pk]})
    assert Document.objects.filter(kind=DocumentKind.CITY_PROPOSAL).count() == 1


def test_a_refused_contract_form_names_each_error_once(call, officer, director, council):
    dossier = recommended(call, officer, council)
    for action, actor, payload in (
        ("propose", director, {}),
        ("approve", officer, {"decision_number": "1234/QĐ-UBND", "decision_date": dt.date(2026, 6, 1)}),
        ("assign", director, {"decision_number": "45/QĐ-SKHCN", "decision_date": dt.date(2026, 6, 10)}),
    ):
        workflow.perform(dossier=dossier, action=action, actor=actor, payload=payload)
    r = client_for(director).post(
        reverse("dossiers:dossier_action", args=[dossier.pk, "sign_contract"]),
        {"number": "", "signed_on": "2026-06-20", "amount_vnd": "abc", "deadline": "2026-01-01"},
    )
    assert r.status_code == 400
    page = r.content.decode()
    # Once, under its field.
    assert page.count("Thời hạn hoàn thành phải sau ngày ký hợp đồng.") == 1
    assert page.count("Vui lòng nhập số hợp đồng.") == 1
