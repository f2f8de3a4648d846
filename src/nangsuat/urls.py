from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from nangsuat.accounts.second_factor import totp_enrolment
from nangsuat.accounts.urls import profile_patterns
from nangsuat.api.site import api
from nangsuat.contracts.urls import submission_patterns
from nangsuat.core.health import healthz, readyz
from nangsuat.core.metrics import metrics
from nangsuat.showcase.urls import public_patterns

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("metrics", metrics, name="metrics"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # allauth's enrolment page, answered by ours first (same address, same name).
    path("accounts/2fa/totp/activate/", totp_enrolment, name="mfa_activate_totp"),
    path("accounts/", include("allauth.urls")),
    path("staff/", include("nangsuat.accounts.urls")),
    path("account/", include((profile_patterns, "profile"))),
    path("app/", include("nangsuat.core.urls")),
    path("registry/", include("nangsuat.registry.urls")),
    path("dossiers/", include("nangsuat.dossiers.urls")),
    path("councils/", include("nangsuat.councils.urls")),
    path("contracts/", include("nangsuat.contracts.urls")),
    path("budget/", include("nangsuat.budget.urls")),
    path("submissions/", include((submission_patterns, "submissions"))),
    path("documents/", include("nangsuat.documents.urls")),
    path("notifications/", include("nangsuat.notifications.urls")),
    path("activities/", include("nangsuat.activities.urls")),
    path("showcase/", include("nangsuat.showcase.urls")),
    path("cong-khai/", include((public_patterns, "public"))),
    path("reports/", include("nangsuat.reports.urls")),
    path("dashboard/", include("nangsuat.indicators.urls")),
    path("nang-suat/", include("nangsuat.productivity.urls")),
    path("api/v1/", api.urls),
    path("api-tokens/", include("nangsuat.api.urls")),
    path("", include("nangsuat.portal.urls")),
]

if settings.BENCH_FLOOR_VIEWS:  # the benchmark's floor views (core/floor.py), never on in production
    urlpatterns.insert(0, path("bench-floor/", include("nangsuat.core.floor")))
