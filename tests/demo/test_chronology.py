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
from nangsuat.registry.models import Enterprise

pytestmark = pytest.mark.django_db


def test_the_clock_reads_the_moment_inside_the_block_only():
    moment = clock.on(dt.date(2026, 4, 1), 30)
    real = timezone.now()
    with clock.at(moment):
        assert timezone.now() == moment
        assert timezone.localdate() == dt.date(2026, 4, 1)
        assert (timezone.localtime().hour, timezone.localtime().minute) == (8, 30)
    assert timezone.now() >= real


def test_a_demo_loaded_before_its_year_ends_shrinks_its_calendar_keeping_order_and_working_days():
    limit = dt.date(2026, 9, 1)
    nominal = [dt.date(2026, 2, 2) + dt.timedelta(days=n) for n in range(0, 330, 3)]
    days = [walk.fit(day, limit=limit) for day in nominal]
    assert days == sorted(days) and days[-1] <= limit
    assert all(day.weekday() < 5 for day in days)
    later = dt.date(2027, 3, 1)  # loaded after the year: the calendar as it is, weekends to Monday
    assert walk.fit(dt.date(2026, 12, 9), limit=later) == dt.date(2026, 12, 9)
    assert walk.fit(dt.date(2026, 12, 12), limit=later) == dt.date(2026, 12, 14)


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


@pytest.mark.parametrize(
    ("name", "section", "suits", "never"),
    [
        ("Công ty TNHH Khách sạn Tân Tiến", "I", "iso-9001", {"vietgap", "iso-22000", "haccp"}),
        ("Công ty TNHH Phần mềm Tây Đô", "J", "5s", {"iso-22000", "haccp", "vietgap", "lean"}),
        ("Công ty TNHH Nông nghiệp Đồng Bằng", "A", "vietgap", {"iso-22000", "lean"}),
        ("Công ty TNHH Chế biến Thủy sản Hải Âu", "C", "haccp", {"vietgap"}),
        ("Công ty TNHH Nhà hàng Bến Ninh Kiều", "I", "iso-22000", {"vietgap", "lean"}),
        ("Công ty TNHH Cơ khí Trà Nóc", "C", "lean", {"iso-22000", "haccp", "vietgap"}),
    ],
)
def test_support_contents_suit_the_enterprises_trade(name, section, suits, never):
    contents = set(dossiers.suitable_contents(Enterprise(name=name, vsic_section=section)))
    assert suits in contents and not contents & never


def test_the_calls_contents_go_in_turn_to_enterprises_they_suit():
    pool = [
        Enterprise(name="Công ty TNHH Khách sạn Tân Tiến", vsic_section="I", tax_code="1"),
        Enterprise(name="Công ty TNHH Nông nghiệp Đồng Bằng", vsic_section="A", tax_code="2"),
        Enterprise(name="Công ty TNHH Chế biến Thực phẩm Mekong", vsic_section="C", tax_code="3"),
    ]
    pairs = dossiers.pair_contents(pool, ["vietgap", "iso-22000", "iso-9001"], 3)
    assert [(e.tax_code, code) for e, code in pairs] == [
        ("2", "vietgap"),
        ("3", "iso-22000"),
        ("1", "iso-9001"),
    ]
