"""The demo reads like a real year: each document is dated the day of its step and numbered in date order
within its register, receipt slips show the submission's own time, and support contents go to enterprises
whose trade they suit."""

import datetime as dt
import io
from collections import defaultdict

import pytest
from django.utils import timezone

from nangsuat.core.models import AuditEntry
from nangsuat.demo import accounts, clock, dossiers, enterprises, walk
from nangsuat.documents.models import Document, DocumentKind
from nangsuat.dossiers.models import Dossier

pytestmark = pytest.mark.django_db


def test_the_clock_reads_the_moment_inside_the_block_only():
    moment = clock.on(dt.date(2026, 4, 1), 30)
    real = timezone.now()
    with clock.at(moment):
        assert timezone.now() == moment
        assert timezone.localdate() == dt.date(2026, 4, 1)
        assert (timezone.localtime().hour, timezone.localtime().minute) == (8, 30)
    assert timezone.now() >= real


def test_a_late_moment_is_squeezed_before_the_limit_keeping_order():
    limit = clock.on(dt.date(2026, 9, 1))
    moments = [clock.on(day) for day in (dt.date(2026, 3, 2), dt.date(2026, 10, 5), dt.date(2026, 12, 9))]
    squeezed = [walk.squeeze(m, limit=limit) for m in moments]
    assert squeezed == sorted(squeezed) and squeezed[-1] <= limit
    assert walk.squeeze(moments[-1], limit=clock.on(dt.date(2027, 3, 1))) == moments[-1]


def test_the_demo_year_is_dated_and_numbered_in_order():
    for seed in (accounts.seed, enterprises.seed, dossiers.seed):
        seed(io.StringIO())
    documents = list(Document.objects.exclude(dossier=None).select_related("dossier"))
    assert len(documents) > 100
    # Within each register, numbers follow the dates.
    series = defaultdict(list)
    for document in Document.objects.all():
        series[(document.agency_id, document.year, document.series)].append(document)
    for key, docs in series.items():
        docs.sort(key=lambda d: d.sequence)
        days = [d.issued_on for d in docs]
        assert days == sorted(days), (key, [(d.number, d.issued_on) for d in docs])
    # None is dated after its dossier's last step, nor on the day the demo is loaded.
    today = timezone.localdate()
    for document in documents:
        last = (
            AuditEntry.objects.filter(object_id=str(document.dossier_id), content_type__model="dossier")
            .order_by("-created_at")
            .values_list("created_at", flat=True)
            .first()
        )
        assert document.issued_on <= timezone.localtime(last).date(), document.number
        assert document.issued_on < today, document.number
    # A receipt slip shows its submission's own time.
    for slip in Document.objects.filter(kind=DocumentKind.RECEIPT_SLIP).select_related("dossier"):
        submitted = timezone.localtime(slip.dossier.submitted_at)
        assert slip.data["received_at_text"].startswith(f"{submitted:%H} giờ {submitted:%M} phút")
        assert slip.issued_on == submitted.date()
    # Each content goes to an enterprise it suits.
    for dossier in Dossier.objects.filter(call__code=dossiers.MAIN_CALL_CODE).select_related(
        "enterprise", "content"
    ):
        assert dossier.content.code in dossiers.suitable_contents(dossier.enterprise), (
            dossier.enterprise.name,
            dossier.content.code,
        )
