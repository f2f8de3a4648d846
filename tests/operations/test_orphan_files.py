"""Files no record names (a step rolled back after writing its document) are removed by the daily
clean-up once they are an hour old; files a record names never are."""

import datetime as dt
import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from nangsuat.core.orphans import orphan_files
from nangsuat.documents.models import Document
from nangsuat.dossiers import workflow
from nangsuat.dossiers.states import State
from tests.core.factories import UserFactory
from tests.dossiers.factories import DossierFactory

pytestmark = pytest.mark.django_db


def _age(path: Path, hours: float) -> None:
    moment = (timezone.now() - dt.timedelta(hours=hours)).timestamp()
    os.utime(path, (moment, moment))


def test_a_rolled_back_steps_document_file_is_cleaned_and_kept_ones_stay(
    can_tho, settings, tmp_path, monkeypatch
):
    from nangsuat.core.roles import Role
    from nangsuat.documents import effects

    settings.MEDIA_ROOT = str(tmp_path)
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    kept = DossierFactory(call__agency=can_tho, state=State.SUBMITTED)
    workflow.perform(
        dossier=kept, action="request_supplement", actor=officer, note="Thiếu", payload={"items": "Báo cáo"}
    )
    kept_file = tmp_path / Document.objects.get(dossier=kept).file.name

    failing = DossierFactory(call__agency=can_tho, state=State.SUBMITTED)
    original = effects.supplement_request_letter

    def then_fail(step):
        original(step)
        raise RuntimeError("the step fails after its document was written")

    monkeypatch.setitem(workflow.EFFECTS, "supplement_request_letter", then_fail)
    with pytest.raises(RuntimeError):
        workflow.perform(
            dossier=failing,
            action="request_supplement",
            actor=officer,
            note="Thiếu",
            payload={"items": "Báo cáo"},
        )
    assert not Document.objects.filter(dossier=failing).exists()
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert len(files) == 2  # the rolled-back step's file is on disk, named by no record

    assert orphan_files() == []  # too young: it may belong to a step still running
    for path in files:
        _age(path, 2)
    (orphan,) = orphan_files()
    assert tmp_path / orphan != kept_file

    out = io.StringIO()
    call_command("clean_files", stdout=out)
    assert "Đã xóa 1 tệp" in out.getvalue()
    assert orphan in out.getvalue()
    assert kept_file.exists() and not (tmp_path / orphan).exists()
