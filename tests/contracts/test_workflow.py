import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from nangsuat.contracts import amounts, services
from nangsuat.contracts.models import CitySubmission, ProposedDossier, SupportContract
from nangsuat.core.calendar import add_working_days
from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.roles import Role
from nangsuat.dossiers import workflow
from nangsuat.dossiers.states import State
from tests.core.factories import UserFactory
from tests.councils.factories import score_all
from tests.dossiers.factories import DossierFactory
from tests.registry.factories import enterprise_user

pytestmark = pytest.mark.django_db

D = dt.date


def recommended(call, officer, council, **kwargs):
    _c, scorers, secretary = council
    dossier = DossierFactory(call=call, **kwargs)
    workflow.perform(dossier=dossier, action="send_to_council", actor=officer)
    score_all(dossier, scorers)
    return workflow.perform(dossier=dossier, action="recommend", actor=secretary.user)


def contracted(call, officer, director, council, amount=150_000_000, n=None, **kwargs):
    """A dossier taken to a signed contract; ``n`` numbers its decisions and contract (several in a test)."""
    dossier = recommended(call, officer, council, **kwargs)
    workflow.perform(dossier=dossier, action="propose", actor=director)
    workflow.perform(
        dossier=dossier,
        action="approve",
        actor=officer,
        payload={"decision_number": f"{n or 1234}/QĐ-UBND", "decision_date": D(2026, 6, 1)},
    )
    workflow.perform(
        dossier=dossier,
        action="assign",
        actor=director,
        payload={"decision_number": f"{n or 45}/QĐ-SKHCN", "decision_date": D(2026, 6, 10)},
    )
    return workflow.perform(
        dossier=dossier,
        action="sign_contract",
        actor=director,
        payload={
            "number": f"{n or 1:02d}/2026/HĐ-SKHCN",
            "signed_on": D(2026, 6, 20),
            "amount_vnd": amount,
            "deliverables": "Giấy chứng nhận ISO 9001:2015",
            "deadline": D(2026, 12, 31),
        },
    )


def test_walk_from_propose_to_paid(call, officer, director, council):
    dossier = recommended(call, officer, council)
    ent_user = enterprise_user(dossier.enterprise)
    workflow.perform(dossier=dossier, action="propose", actor=director)
    item = ProposedDossier.objects.get(dossier=dossier)
    assert item.rank == 1 and item.support_vnd == 150_000_000
    assert CitySubmission.objects.get(call=call).total_vnd == 150_000_000

    payload = workflow.clean_payload(
        "approve",
        {"decision_number": "1234/QĐ-UBND", "decision_date": "01/06/2026"},
        {"decision_file": SimpleUploadedFile("qd.pdf", b"%PDF-1.4")},
    )
    workflow.perform(dossier=dossier, action="approve", actor=officer, payload=payload)
    item.refresh_from_db()
    assert item.decision == "approved" and item.decision_date == D(2026, 6, 1) and item.decision_file

    workflow.perform(
        dossier=dossier,
        action="assign",
        actor=director,
        payload=workflow.clean_payload(
            "assign", {"decision_number": "45/QĐ-SKHCN", "decision_date": "2026-06-10"}
        ),
    )
    dossier.refresh_from_db()
    assert dossier.due_step == "sign_contract"
    assert dossier.due_on == add_working_days(dt.date.today(), call.contract_days)
    assert dossier.assignment.contract_due_on == dossier.due_on

    workflow.perform(
        dossier=dossier,
        action="sign_contract",
        actor=director,
        payload=workflow.clean_payload(
            "sign_contract",
            {
                "number": "01/2026/HĐ-SKHCN",
                "signed_on": "2026-06-20",
                "amount_vnd": "150000000",
                "deliverables": "Giấy chứng nhận",
                "deadline": "2026-12-31",
            },
        ),
    )
    contract = SupportContract.objects.get(dossier=dossier)
    assert contract.amount_vnd == 150_000_000

    workflow.perform(dossier=dossier, action="start", actor=ent_user)
    services.add_progress_report(contract=contract, actor=ent_user, period="Quý III/2026", text="Đã đào tạo")
    workflow.perform(
        dossier=dossier,
        action="request_completion",
        actor=ent_user,
        payload=workflow.clean_payload(
            "request_completion",
            {"self_assessment": "Hoàn thành"},
            {"evidence": [SimpleUploadedFile("gcn.pdf", b"%PDF-1.4")]},
        ),
    )
    assert contract.completion_request.evidence.count() == 1
    dossier.refresh_from_db()
    dossier.state = State.INSPECTED  # the inspection is the dossiers app's step
    dossier.save()
    workflow.perform(
        dossier=dossier,
        action="accept",
        actor=director,
        payload={"rating": "Đạt", "minutes_date": D(2027, 1, 5)},
    )
    workflow.perform(
        dossier=dossier,
        action="liquidate",
        actor=director,
        payload={"final_amount_vnd": 140_000_000, "liquidated_on": D(2027, 1, 10)},
    )
    with pytest.raises(ValidationError) as exc:
        workflow.perform(
            dossier=dossier,
            action="pay",
            actor=officer,
            payload={"amount_vnd": 150_000_000, "paid_on": D(2027, 1, 15), "reference": "UNC 12"},
        )
    assert "140.000.000 đ" in exc.value.message_dict["amount_vnd"][0]
    workflow.perform(
        dossier=dossier,
        action="pay",
        actor=officer,
        payload={"amount_vnd": 140_000_000, "paid_on": D(2027, 1, 15), "reference": "UNC 12"},
    )
    dossier.refresh_from_db()
    assert dossier.state == State.PAID
    assert contract.payment.amount_vnd == 140_000_000
    assert amounts.supported_amount(dossier) == 140_000_000


@pytest.mark.parametrize(
    ("total_cost", "amount", "ok"),
    [
        (300_000_000, 150_000_001, False),  # above 50 % of the cost
        (300_000_000, 150_000_000, True),  # at the rate limit
        (500_000_000, 200_000_001, False),  # above the 200 M ceiling (50 % would be 250 M)
        (500_000_000, 200_000_000, True),  # at the ceiling
    ],
)
def test_contract_amount_within_rate_and_ceiling(call, officer, director, council, total_cost, amount, ok):
    # The enterprise asks half its cost, so the city approves up to the limit (a contract never exceeds
    # the approved support either).
    fields = {"total_cost_vnd": total_cost, "requested_support_vnd": total_cost // 2}
    if ok:
        dossier = contracted(call, officer, director, council, amount=amount, **fields)
        assert dossier.contract.amount_vnd == amount
        return
    with pytest.raises(ValidationError) as exc:
        contracted(call, officer, director, council, amount=amount, **fields)
    message = exc.value.message_dict["amount_vnd"][0]
    limit = "150.000.000 đ" if total_cost == 300_000_000 else "200.000.000 đ"
    assert f"mức tối đa {limit}" in message


def test_budget_running_total(call, officer, director, council):
    call.budget_vnd = 400_000_000
    call.save()
    first = recommended(call, officer, council)  # 150 M
    second = recommended(call, officer, council)  # 150 M
    third = recommended(call, officer, council)  # 150 M → 450 M > 400 M
    workflow.perform(dossier=first, action="propose", actor=director)
    workflow.perform(dossier=second, action="propose", actor=director)
    assert amounts.committed_total(call) == 300_000_000
    with pytest.raises(Conflict) as exc:
        workflow.perform(dossier=third, action="propose", actor=director)
    assert "300.000.000 đ" in exc.value.message and "450.000.000 đ" in exc.value.message
    assert "400.000.000 đ" in exc.value.message
    # A refusal by the city frees its share.
    workflow.perform(
        dossier=second,
        action="not_approve",
        actor=officer,
        note="Không phù hợp",
        payload={"decision_number": "9/QĐ-UBND", "decision_date": D(2026, 6, 1)},
    )
    workflow.perform(dossier=third, action="propose", actor=director)
    assert amounts.committed_total(call) == 300_000_000


def test_liquidation_never_above_the_contract(call, officer, director, council):
    dossier = contracted(call, officer, director, council)
    dossier.state = State.ACCEPTED
    dossier.save()
    with pytest.raises(ValidationError) as exc:
        workflow.perform(
            dossier=dossier,
            action="liquidate",
            actor=director,
            payload={"final_amount_vnd": 150_000_001, "liquidated_on": D(2027, 1, 10)},
        )
    assert "150.000.000 đ" in exc.value.message_dict["final_amount_vnd"][0]
    workflow.perform(
        dossier=dossier,
        action="liquidate",
        actor=director,
        payload={"final_amount_vnd": 150_000_000, "liquidated_on": D(2027, 1, 10)},
    )


def test_acceptance_rating_comes_from_the_calls_scale(call, officer, director, council):
    dossier = contracted(call, officer, director, council)
    dossier.state = State.INSPECTED
    dossier.save()
    with pytest.raises(ValidationError):
        workflow.perform(
            dossier=dossier,
            action="accept",
            actor=director,
            payload={"rating": "Không đạt", "minutes_date": D(2027, 1, 5)},
        )
    workflow.perform(
        dossier=dossier,
        action="not_accept",
        actor=director,
        note="Chưa có chứng nhận",
        payload={"minutes_date": D(2027, 1, 5)},
    )
    assert dossier.contract.acceptance.rating == "Không đạt" and not dossier.contract.acceptance.passed


def test_action_forms_refuse_bad_fields_in_vietnamese():
    with pytest.raises(ValidationError) as exc:
        workflow.clean_payload(
            "sign_contract",
            {
                "number": "",
                "signed_on": "31/02/2026",
                "amount_vnd": "-5",
                "deliverables": "x",
                "deadline": "2026-01-01",
            },
        )
    errors = exc.value.message_dict
    assert set(errors) >= {"number", "signed_on", "amount_vnd"}
    assert "Vui lòng nhập" in errors["number"][0]


def test_progress_reports_only_by_the_enterprise_while_running(call, officer, director, council, can_tho):
    dossier = contracted(call, officer, director, council)
    with pytest.raises(Forbidden):
        services.add_progress_report(contract=dossier.contract, actor=officer, period="Q3", text="x")
    ent = enterprise_user(dossier.enterprise)
    with pytest.raises(ValidationError):
        services.add_progress_report(contract=dossier.contract, actor=ent, period="", text="")
    services.add_progress_report(contract=dossier.contract, actor=ent, period="Q3", text="Đang triển khai")


def test_wrong_roles_are_refused(call, officer, director, council, can_tho):
    dossier = recommended(call, officer, council)
    with pytest.raises(Forbidden):
        workflow.perform(dossier=dossier, action="propose", actor=officer)
    with pytest.raises(Forbidden):
        workflow.perform(
            dossier=dossier, action="propose", actor=UserFactory(role=Role.FINANCE, agency=can_tho)
        )
