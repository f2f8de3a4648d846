"""A paid dossier's contract, with its acceptance, liquidation and payment, is never deleted."""

import datetime as dt

import pytest
from django.db.models import ProtectedError

from nangsuat.contracts.models import Acceptance, Liquidation, Payment, SupportContract
from nangsuat.dossiers import workflow
from nangsuat.dossiers.states import State

from .test_workflow import contracted

pytestmark = pytest.mark.django_db


def test_a_paid_dossiers_contract_cannot_be_deleted(call, officer, director, council):
    dossier = contracted(call, officer, director, council)
    dossier.state = State.INSPECTED  # the inspection is the dossiers app's step
    dossier.save()
    steps = [
        ("accept", director, {"rating": "Đạt", "minutes_date": dt.date(2027, 1, 5)}),
        ("liquidate", director, {"final_amount_vnd": 150_000_000, "liquidated_on": dt.date(2027, 1, 10)}),
        ("pay", officer, {"amount_vnd": 150_000_000, "paid_on": dt.date(2027, 1, 15), "reference": "UNC 12"}),
    ]
    for action, actor, payload in steps:
        dossier = workflow.perform(dossier=dossier, action=action, actor=actor, payload=payload)
    assert dossier.state == State.PAID
    contract = SupportContract.objects.get(dossier=dossier)
    with pytest.raises(ProtectedError):
        contract.delete()
    with pytest.raises(ProtectedError):
        SupportContract.objects.filter(pk=contract.pk).delete()
    for record in (Acceptance, Liquidation, Payment):
        assert record.objects.filter(contract=contract).exists()
