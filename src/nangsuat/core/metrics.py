"""``/metrics`` for Prometheus, when ``METRICS_ENABLED``: the figures a data centre watches, read from the
database so that every web worker answers the same (no per-process counters): the job queue's depth and
the age of its oldest waiting task, jobs by status and those whose worker stopped beating, documents whose
PDF is not drawn, e-mails not sent, dossiers by state. Answered only to ``METRICS_ALLOWED_IPS`` (the
scraper; 127.0.0.1 by default), 404 to anyone else and when turned off."""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Min
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult

from .jobs import stale_after
from .models import Job


def _lines(name: str, help_text: str, samples: list[tuple[dict[str, str], float]]) -> list[str]:
    out = [f"# HELP {name} {help_text}", f"# TYPE {name} gauge"]
    for labels, value in samples:
        label_text = ",".join(f'{k}="{v}"' for k, v in labels.items())
        out.append(f"{name}{{{label_text}}} {value}" if label_text else f"{name} {value}")
    return out


def _count_by(model_label, field: str, **filters) -> list[tuple[dict[str, str], float]]:
    model = apps.get_model(model_label) if isinstance(model_label, str) else model_label
    rows = model.objects.filter(**filters).values(field).annotate(n=Count("pk")).order_by(field)
    return [({field: str(row[field])}, row["n"]) for row in rows]


def render_metrics() -> str:
    now = timezone.now()
    oldest = DBTaskResult.objects.filter(status="READY").aggregate(at=Min("enqueued_at"))["at"]
    lines: list[str] = []
    lines += _lines(
        "nangsuat_queue_tasks",
        "Tasks on the job queue by status.",
        _count_by(DBTaskResult, "status", status__in=["READY", "RUNNING"]),
    )
    lines += _lines(
        "nangsuat_queue_oldest_ready_seconds",
        "Age of the oldest task waiting for the worker (0 when none).",
        [({}, round((now - oldest).total_seconds(), 1) if oldest else 0)],
    )
    lines += _lines("nangsuat_jobs", "Background jobs by status.", _count_by("core.Job", "status"))
    stale = Job.objects.filter(status=Job.Status.RUNNING, heartbeat_at__lt=now - stale_after()).count()
    lines += _lines("nangsuat_jobs_stale", "Running jobs whose worker stopped beating.", [({}, stale)])
    lines += _lines(
        "nangsuat_documents_pdf",
        "Documents whose PDF is not ready, by status.",
        _count_by("documents.Document", "pdf_status", pdf_status__in=["pending", "failed", "missing"]),
    )
    unsent = (
        apps.get_model("notifications.Notification")
        .objects.filter(emailed_at__isnull=True, user__email_notifications=True)
        .exclude(user__email="")
        .filter(created_at__gte=now - dt.timedelta(days=3))
        .count()
    )
    lines += _lines(
        "nangsuat_emails_unsent", "Notification e-mails not sent in the last three days.", [({}, unsent)]
    )
    lines += _lines("nangsuat_dossiers", "Dossiers by state.", _count_by("dossiers.Dossier", "state"))
    return "\n".join(lines) + "\n"


@never_cache
@require_GET
def metrics(request):
    if not getattr(settings, "METRICS_ENABLED", False):
        raise Http404
    if request.META.get("REMOTE_ADDR") not in getattr(settings, "METRICS_ALLOWED_IPS", ["127.0.0.1"]):
        raise Http404
    return HttpResponse(render_metrics(), content_type="text/plain; version=0.0.4; charset=utf-8")
