"""Two officers deciding one dossier at the same moment: the row lock lets exactly one win."""

import threading
import time

import pytest
from django.db import connection, connections

from nangsuat.core.errors import Refusal
from nangsuat.core.permissions import ALLOW
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Dossier

from .factories import make_dossier, meet_eligibility

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")


def test_mark_valid_and_mark_invalid_at_once(monkeypatch, call, enterprise, officer):
    monkeypatch.setitem(workflow.EFFECTS, "validity_minutes", lambda step: None)
    start = threading.Barrier(2)
    original = workflow.CONDITIONS["eligibility_checklist_met"]

    def wait_then_check(dossier):
        time.sleep(0.3)  # hold the row lock a while, so the other thread surely waits on it
        return original(dossier)

    monkeypatch.setitem(workflow.CONDITIONS, "eligibility_checklist_met", wait_then_check)
    monkeypatch.setitem(workflow.CONDITIONS, "no_duplicate_support", lambda dossier: ALLOW)
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted", attachments=False)
    meet_eligibility(dossier, officer)
    results: dict[str, object] = {}

    def run(action: str, note: str) -> None:
        try:
            start.wait(timeout=10)
            workflow.perform(dossier=Dossier(pk=dossier.pk), action=action, actor=officer, note=note)
            results[action] = "done"
        except Refusal as exc:
            results[action] = exc.status
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=("mark_valid", "")),
        threading.Thread(target=run, args=("mark_invalid", "Thiếu điều kiện")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(map(str, results.values())) == ["409", "done"], results
    final = Dossier.objects.get(pk=dossier.pk).state
    winner = next(a for a, r in results.items() if r == "done")
    assert final == workflow.BY_ACTION[winner].target
    from nangsuat.core.audit import history_of

    assert history_of(dossier).count() == 1
