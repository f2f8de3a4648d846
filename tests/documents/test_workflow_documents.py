"""The documents a dossier collects as it walks the workflow, with the records other apps keep."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from nangsuat.core.roles import Role
from nangsuat.documents.models import Document
from nangsuat.documents.selectors import visible_documents
from nangsuat.dossiers import workflow
from nangsuat.dossiers.states import State
from tests.core.factories import UserFactory
from tests.councils.factories import make_council, score_all
from tests.dossiers.factories import CallFactory, DossierFactory
from tests.registry.factories import enterprise_user

from .helpers import all_text, docx_of

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def setting(can_tho):
    call = CallFactory(agency=can_tho)
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    director = UserFactory(
        role=Role.DIRECTOR, agency=can_tho, full_name="Trần Văn Minh", position="Giám đốc Sở"
    )
    council = make_council(call, officer=officer)
    return call, officer, director, council


def _assigned(setting, number="45/QĐ-SKHCN"):
    call, officer, director, (_c, scorers, secretary) = setting
    dossier = DossierFactory(call=call)
    workflow.perform(dossier=dossier, action="send_to_council", actor=officer)
    score_all(dossier, scorers)
    workflow.perform(dossier=dossier, action="recommend", actor=secretary.user)
    workflow.perform(dossier=dossier, action="propose", actor=director)
    workflow.perform(
        dossier=dossier,
        action="approve",
        actor=officer,
        payload={"decision_number": "1234/QĐ-UBND", "decision_date": D(2026, 6, 1)},
    )
    workflow.perform(
        dossier=dossier,
        action="assign",
        actor=director,
        payload={"decision_number": number, "decision_date": D(2026, 6, 10)},
    )
    return dossier


def test_walk_collects_every_document(setting):
    call, officer, director, _council = setting
    dossier = _assigned(setting)
    owner = enterprise_user(dossier.enterprise)
    workflow.perform(
        dossier=dossier,
        action="sign_contract",
        actor=director,
        payload={
            "number": "07/HĐ-SKHCN",
            "signed_on": D(2026, 6, 20),
            "amount_vnd": 150_000_000,
            "deliverables": "Giấy chứng nhận ISO 9001:2015",
            "deadline": D(2026, 12, 31),
        },
    )
    workflow.perform(
        dossier=dossier, action="request_completion", actor=owner, payload={"self_assessment": "Xong"}
    )
    workflow.perform(
        dossier=dossier,
        action="inspect",
        actor=officer,
        payload={
            "visited_on": D(2026, 11, 2),
            "participants": "Nguyễn Thị Thu Hà",
            "findings": "Đã có chứng nhận",
        },
    )
    workflow.perform(
        dossier=dossier,
        action="accept",
        actor=director,
        payload={"rating": "Đạt", "minutes_date": D(2026, 11, 20)},
    )
    workflow.perform(
        dossier=dossier,
        action="liquidate",
        actor=director,
        payload={"final_amount_vnd": 140_000_000, "liquidated_on": D(2026, 11, 25)},
    )
    workflow.perform(
        dossier=dossier,
        action="pay",
        actor=officer,
        payload={"amount_vnd": 140_000_000, "paid_on": D(2026, 12, 1), "reference": "UNC 12"},
    )
    dossier.refresh_from_db()
    assert dossier.state == State.PAID

    docs = {d.kind: d for d in Document.objects.filter(dossier=dossier)}
    assert set(docs) == {
        "council_minutes",
        "assignment_decision",
        "support_contract",
        "inspection_minutes",
        "acceptance_minutes",
        "liquidation_minutes",
        "payment_request",
    }
    # Numbers typed on the forms are the documents' numbers, and their dates the documents' dates.
    assert docs["assignment_decision"].number == "45/QĐ-SKHCN"
    assert docs["assignment_decision"].issued_on == D(2026, 6, 10)
    assert docs["support_contract"].number == "07/HĐ-SKHCN" and docs["support_contract"].issued_on == D(
        2026, 6, 20
    )
    assert docs["council_minutes"].number.endswith("/BB-HĐTV")
    contract = all_text(docx_of(docs["support_contract"]))
    assert "150.000.000 đồng" in contract and "Một trăm năm mươi triệu đồng" in contract
    assert "45/QĐ-SKHCN" in contract and "ngày 31 tháng 12 năm 2026" in contract
    council = all_text(docx_of(docs["council_minutes"]))
    assert "Tính khả thi" in council and "ĐỀ XUẤT HỖ TRỢ" in council and "40,00" in council
    decision = all_text(docx_of(docs["assignment_decision"]))
    assert "1234/QĐ-UBND" in decision and "Cần Thơ, ngày 10 tháng 6 năm 2026" in decision
    liquidation = all_text(docx_of(docs["liquidation_minutes"]))
    assert "140.000.000 đồng" in liquidation and "07/HĐ-SKHCN" in liquidation
    assert "07/HĐ-SKHCN" in all_text(docx_of(docs["payment_request"]))

    # The enterprise sees its dossier's documents but not the council's minutes.
    seen = set(visible_documents(owner).values_list("kind", flat=True))
    assert "support_contract" in seen and "council_minutes" not in seen


def test_a_number_already_in_the_register_is_refused(setting):
    _assigned(setting, number="45/QĐ-SKHCN")
    with pytest.raises(ValidationError) as exc:
        _assigned(setting, number="45/QĐ-SKHCN")
    assert "decision_number" in exc.value.message_dict
