"""The draft dossier the rush and PDF benchmarks submit (bench/rush.py ``complete_draft``)."""

import pytest

from bench.rush import complete_draft
from nangsuat.dossiers.states import Action
from nangsuat.dossiers.workflow import TRANSITIONS, check_conditions
from tests.dossiers.factories import make_call
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = pytest.mark.django_db


def test_a_complete_draft_may_be_submitted(can_tho):
    call = make_call(agency=can_tho)
    enterprise = EnterpriseFactory(agency=can_tho)
    dossier = complete_draft(
        call=call,
        enterprise=enterprise,
        actor=enterprise_user(enterprise),
        content=call.contents.first().content,
        title="Áp dụng ISO 9001:2015",
        objectives="Chuẩn hóa quy trình sản xuất.",
    )
    submit = next(t for t in TRANSITIONS if t.action == Action.SUBMIT)
    decision = check_conditions(dossier, submit)
    assert decision, decision.reason
