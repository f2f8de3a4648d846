"""The contract steps' forms start from what the system knows: the register's next number, the approved,
contracted and liquidated amounts, the dossier's and the call's dates, today."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from nangsuat.documents.numbering import suggest_number
from nangsuat.dossiers import workflow
from tests.core.clients import client_for

from .test_workflow import contracted, recommended

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def approved(call, officer, director, council, **kwargs):
    dossier = recommended(call, officer, council, **kwargs)
    workflow.perform(dossier=dossier, action="propose", actor=director)
    return workflow.perform(
        dossier=dossier,
        action="approve",
        actor=officer,
        payload={"decision_number": "1234/QĐ-UBND", "decision_date": D(2026, 6, 1)},
    )


def _page(user, dossier, action) -> str:
    response = client_for(user).get(reverse("dossiers:dossier_action", args=[dossier.pk, action]))
    assert response.status_code == 200
    return response.content.decode()


def test_assignment_offers_the_registers_next_number_and_refuses_one_it_holds(
    call, officer, director, council
):
    contracted(call, officer, director, council)  # its decision "45/QĐ-SKHCN" is in the register
    dossier = approved(call, officer, director, council)
    today = timezone.localdate()
    expected = suggest_number(agency=dossier.agency, kind="assignment_decision", year=today.year)
    page = _page(director, dossier, "assign")
    assert f'value="{expected}"' in page and f'value="{today:%d/%m/%Y}"' in page

    url = reverse("dossiers:dossier_action", args=[dossier.pk, "assign"])
    taken = client_for(director).post(url, {"decision_number": "45/QĐ-SKHCN", "decision_date": "2026-06-10"})
    assert taken.status_code == 400
    assert "Số “45/QĐ-SKHCN” đã có trong sổ văn bản năm 2026." in taken.content.decode()

    done = client_for(director).post(url, {"decision_number": expected, "decision_date": f"{today:%Y-%m-%d}"})
    assert done.status_code == 302
    dossier.refresh_from_db()
    assert dossier.assignment.decision_number == expected
    assert suggest_number(agency=dossier.agency, kind="assignment_decision", year=today.year) != expected


def test_contract_starts_with_the_approved_amount_today_and_the_period_end(call, officer, director, council):
    dossier = approved(call, officer, director, council, period_end=D(2027, 3, 31))
    workflow.perform(
        dossier=dossier,
        action="assign",
        actor=director,
        payload={"decision_number": "45/QĐ-SKHCN", "decision_date": D(2026, 6, 10)},
    )
    page = _page(director, dossier, "sign_contract")
    today = timezone.localdate()
    number = suggest_number(agency=dossier.agency, kind="support_contract", year=today.year)
    assert 'value="150000000"' in page  # the city approved 150.000.000 đ
    assert (
        f'value="{today:%d/%m/%Y}"' in page and 'value="31/03/2027"' in page and f'value="{number}"' in page
    )


def test_contract_deadline_falls_back_to_the_calls_contract_end(call, officer, director, council):
    call.contract_ends = D(2026, 12, 15)
    call.save()
    dossier = approved(call, officer, director, council, period_end=None)
    workflow.perform(
        dossier=dossier,
        action="assign",
        actor=director,
        payload={"decision_number": "46/QĐ-SKHCN", "decision_date": D(2026, 6, 10)},
    )
    assert 'value="15/12/2026"' in _page(director, dossier, "sign_contract")


def test_liquidation_and_payment_start_with_the_amount_before_them_and_today(
    call, officer, director, council
):
    dossier = contracted(call, officer, director, council, amount=140_000_000)
    dossier.state = "accepted"  # the acceptance is not what this test is about
    dossier.save()
    today = f"{timezone.localdate():%d/%m/%Y}"
    page = _page(director, dossier, "liquidate")
    assert 'value="140000000"' in page and f'value="{today}"' in page
    workflow.perform(
        dossier=dossier,
        action="liquidate",
        actor=director,
        payload={"final_amount_vnd": 135_000_000, "liquidated_on": D(2027, 1, 10)},
    )
    page = _page(officer, dossier, "pay")
    assert 'value="135000000"' in page and f'value="{today}"' in page
