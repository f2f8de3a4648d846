"""A full or read-only media folder: the step answers a clean 507 or 503 with a message, and leaves no
record and no file (not even a zero-byte one)."""

import errno
import os
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage

from nangsuat.documents.models import Document
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State
from tests.api.conftest import ApiClient
from tests.dossiers.factories import make_dossier
from tests.registry.factories import enterprise_user

pytestmark = pytest.mark.django_db


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def _failing_writes(monkeypatch, code: int, *, after: int = 0):
    """The media folder refuses the write after ``after`` successful ones, leaving a partial file."""
    original = FileSystemStorage._save
    calls = {"n": 0}

    def save(self, name, content):
        calls["n"] += 1
        if calls["n"] <= after:
            return original(self, name, content)
        path = Path(self.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")  # what a full disk leaves: the file opened, nothing written
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(FileSystemStorage, "_save", save)


@pytest.mark.parametrize(("code", "status"), [(errno.ENOSPC, 507), (errno.EROFS, 503)])
def test_a_submission_on_a_full_or_read_only_disk_is_refused_cleanly(
    settings, tmp_path, monkeypatch, code, status
):
    settings.MEDIA_ROOT = str(tmp_path)
    dossier = make_dossier(state=State.DRAFT)
    before = _files(tmp_path)
    documents = Document.objects.count()
    client = ApiClient(enterprise_user(dossier.enterprise))
    _failing_writes(monkeypatch, code)
    response = client.post(f"/api/v1/dossiers/{dossier.pk}/transitions", {"action": "submit"})
    assert response.status_code == status, response.content
    detail = response.json()["detail"]
    assert ("hết chỗ lưu tệp" if code == errno.ENOSPC else "không ghi được tệp") in detail
    dossier.refresh_from_db()
    assert dossier.state == State.DRAFT and not dossier.tracking_code
    assert Document.objects.count() == documents
    assert _files(tmp_path) == before  # no partial file left
    monkeypatch.undo()
    settings.MEDIA_ROOT = str(tmp_path)
    response = client.post(f"/api/v1/dossiers/{dossier.pk}/transitions", {"action": "submit"})
    assert response.status_code == 200, response.content  # room again: the same step goes through
    assert Dossier.objects.get(pk=dossier.pk).state == State.SUBMITTED


def test_files_written_before_the_refused_one_are_removed_too(settings, tmp_path, monkeypatch):
    from nangsuat.dossiers import workflow

    settings.MEDIA_ROOT = str(tmp_path)
    dossier = make_dossier(state=State.DRAFT)
    before = _files(tmp_path)
    original = workflow.EFFECTS["receipt_slip"]

    def two_files(step):  # a step that writes two files, the second on a disk now full
        original(step)
        Document.objects.filter(dossier=step.dossier).first().file.save("second.docx", b"x" * 10, save=False)

    monkeypatch.setitem(workflow.EFFECTS, "receipt_slip", lambda step: two_files(step))
    _failing_writes(monkeypatch, errno.ENOSPC, after=1)
    response = ApiClient(enterprise_user(dossier.enterprise)).post(
        f"/api/v1/dossiers/{dossier.pk}/transitions", {"action": "submit"}
    )
    assert response.status_code == 507, response.content
    assert _files(tmp_path) == before
    assert not Document.objects.filter(dossier=dossier).exists()
