"""A council's ballots are part of the case file: a submitted score sheet or a declaration stays."""

import pytest
from django.db.models import ProtectedError

from nangsuat.councils.models import ConflictDeclaration, ScoreSheet

from .factories import score_all

pytestmark = pytest.mark.django_db


def test_a_submitted_score_sheet_cannot_be_deleted(in_council, council):
    _council, scorers, _secretary = council
    score_all(in_council, scorers)
    sheet = ScoreSheet.objects.filter(dossier=in_council, status=ScoreSheet.Status.SUBMITTED).first()
    with pytest.raises(ProtectedError):
        sheet.delete()
    with pytest.raises(ProtectedError):
        in_council.delete()
    assert ScoreSheet.objects.filter(pk=sheet.pk, status=ScoreSheet.Status.SUBMITTED).exists()
    assert ConflictDeclaration.objects.filter(dossier=in_council).count() == len(scorers)
