"""The demo's activities for 2026: every kind of record, someone on two courses, idempotent."""

import io

import pytest

from nangsuat.activities.models import (
    Award,
    ConformityCertificate,
    Course,
    EventEnterprise,
    Expert,
    Participation,
    SystemCertificate,
)
from nangsuat.demo import accounts, activities, enterprises

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_every_kind_of_activity_once():
    for seed in (accounts.seed, enterprises.seed, activities.seed):
        seed(io.StringIO())
    counts = (
        Course.objects.count(),
        Participation.objects.count(),
        Expert.objects.count(),
        EventEnterprise.objects.count(),
        SystemCertificate.objects.count(),
        ConformityCertificate.objects.count(),
        Award.objects.count(),
    )
    activities.seed(io.StringIO())
    assert counts == (
        Course.objects.count(),
        Participation.objects.count(),
        Expert.objects.count(),
        EventEnterprise.objects.count(),
        SystemCertificate.objects.count(),
        ConformityCertificate.objects.count(),
        Award.objects.count(),
    )
    assert counts[0] == 5 and counts[2] == 2 and counts[-1] == 1
    assert Participation.objects.filter(is_manager=True).exists()
    assert Participation.objects.filter(is_manager=False).exists()
    assert EventEnterprise.objects.values("enterprise").distinct().count() >= 200
    twice = Participation.objects.filter(person__identity_number="092180001322")
    assert twice.count() == 2 and twice.values("person").distinct().count() == 1
