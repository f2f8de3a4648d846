"""Settings shared by the product and its tests, all from the environment (django-environ). Defaults give
the embedded demo: SQLite and local files under ./var, e-mail printed to the console. The secret key is
not here: ``nangsuat.settings`` vets the product's, ``nangsuat.settings.test`` sets the tests' own."""

import os
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("NANGSUAT_VAR_DIR", default=str(Path.cwd() / "var")))

env = environ.Env(
    # Off unless asked for, the demo included: it shows the pages and error pages production shows.
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost", "[::1]", "testserver"]),
)

DEBUG = env("DEBUG")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "nangsuat.core.apps.NationalAdminConfig",  # django.contrib.admin with the product's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "simple_history",
    "django_htmx",
    "django_filters",
    "ninja",  # Swagger UI from its own static files, no CDN
    "django_tasks",
    "django_tasks_db",  # the job queue's tables (core/jobs.py, docs/decisions/0001-job-queue.md)
    "nangsuat.core",
    "nangsuat.reference",
    "nangsuat.registry",
    "nangsuat.dossiers",
    "nangsuat.councils",
    "nangsuat.contracts",
    "nangsuat.documents",
    "nangsuat.notifications",
    "nangsuat.api",
    "nangsuat.accounts",
    "nangsuat.portal",
    "nangsuat.activities",
    "nangsuat.budget",
    "nangsuat.indicators",
    "nangsuat.showcase",
    "nangsuat.reports",
    "nangsuat.productivity",
    "nangsuat.demo",
]

MIDDLEWARE = [
    "nangsuat.core.request_log.RequestIdMiddleware",
    "nangsuat.core.request_size.RequestSizeLimitMiddleware",
    "nangsuat.core.request_text.ControlCharactersMiddleware",
    "nangsuat.api.idempotency.IdempotencyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "nangsuat.core.middleware.DefaultVietnameseLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "nangsuat.core.signed_in.NoStoreWhenSignedInMiddleware",
    "nangsuat.core.signed_in.StaffIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "nangsuat.core.middleware.StaffMfaRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so it sees a view's exception first: a database gone away is a 503, not a 500.
    "nangsuat.core.database_faults.DatabaseUnavailableMiddleware",
    # A full or read-only media folder: a clean 507/503, and the files the request wrote removed.
    "nangsuat.core.storage_faults.StorageFaultMiddleware",
]

ROOT_URLCONF = "nangsuat.urls"
WSGI_APPLICATION = "nangsuat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nangsuat.core.context_processors.navigation",
            ],
        },
    }
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'nangsuat.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A worker keeps its connection for CONN_MAX_AGE seconds (60) instead of opening one per request (5–9 ms
# each on PostgreSQL), checked before a request reuses it so one the server dropped is replaced at once.
# The session's settings (below: the trigram threshold, the web's timeouts) are connection options, so a
# kept connection keeps them; code that changes a setting does so with SET LOCAL, for its transaction only.
# 0 opens a connection per request again.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The registry's typo-tolerant search (pg_trgm's %> operator) keeps names sharing at least 75 % of
    # the query's trigrams: 0.6, the default, lets a long query recheck tens of thousands of rows.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c pg_trgm.word_similarity_threshold=0.75"
    )
    # A web request never waits for ever: a statement is stopped after DB_STATEMENT_TIMEOUT_MS and a
    # row lock given up after DB_LOCK_TIMEOUT_MS, and the page answers an error instead of hanging a
    # worker. Only the web server (``wsgi.py`` sets NANGSUAT_WEB) has them: a migration, an import or
    # a backup run from the command line may take longer.
    if env.bool("NANGSUAT_WEB", default=False):
        DATABASES["default"]["OPTIONS"]["options"] += (
            f" -c statement_timeout={env.int('DB_STATEMENT_TIMEOUT_MS', default=30_000)}"
            f" -c lock_timeout={env.int('DB_LOCK_TIMEOUT_MS', default=10_000)}"
        )
    # Parameters bound by the server, so that a statement a kept connection runs again and again (a list's
    # page, a dossier's panels) is prepared once and its plan reused: planning a five-table join costs
    # 2–10 ms, several times its execution (docs/benchmarks.md). Off behind a pooler in transaction mode
    # (PgBouncer), which cannot keep prepared statements: DB_PREPARED_STATEMENTS=0.
    if env.bool("DB_PREPARED_STATEMENTS", default=True):
        DATABASES["default"]["OPTIONS"]["server_side_binding"] = True
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = env.int("DB_PREPARE_THRESHOLD", default=2)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
# A submission takes its tracking code in a statement of its own, committed at once, instead of holding
# the year's counter until its step commits (dossiers/tracking_codes.py): PostgreSQL only.
TRACKING_CODES_OWN_TRANSACTION = env.bool(
    "TRACKING_CODES_OWN_TRANSACTION",
    default=DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Counters that must hold across the server's processes (rate limits, used TOTP codes) live in this cache:
# files under var/ by default, which every process on the host shares; CACHE_URL=redis://… for several hosts.
CACHES = {"default": env.cache_url("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}
# The dashboard's figures are kept this many seconds, and dropped as soon as a record they count changes
# through the ORM (a bulk import shows within that time); 0 counts on every request.
INDICATORS_CACHE_SECONDS = env.int("INDICATORS_CACHE_SECONDS", default=60)
# The officers' dossier list keeps its count (by agency and filters) this many seconds, dropped as soon as a
# dossier is saved or deleted; 0 counts on every request.
LIST_COUNT_CACHE_SECONDS = env.int("LIST_COUNT_CACHE_SECONDS", default=60)

# Dates typed day first in every language (nangsuat/formats/).
FORMAT_MODULE_PATH = ["nangsuat.formats"]

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a rule: Django's hook for a new password, which revokes the account's API tokens.
    {"NAME": "nangsuat.api.tokens.RevokeTokensOnNewPassword"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"

# django-allauth: enterprises sign up themselves with a verified e-mail; staff accounts come from an admin.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "nangsuat.core.adapters.AccountAdapter"
_AF = "nangsuat.accounts.allauth_forms"
ACCOUNT_FORMS = {
    "signup": "nangsuat.accounts.forms.EnterpriseSignupForm",
    "login": f"{_AF}.LoginForm",
    "reset_password": f"{_AF}.ResetPasswordForm",
    "reset_password_from_key": f"{_AF}.ResetPasswordKeyForm",
    "change_password": f"{_AF}.ChangePasswordForm",
    "set_password": f"{_AF}.SetPasswordForm",
    "reauthenticate": f"{_AF}.ReauthenticatePasswordForm",
}
MFA_FORMS = {
    "authenticate": f"{_AF}.AuthenticateForm",
    "reauthenticate": f"{_AF}.ReauthenticateForm",
    "activate_totp": f"{_AF}.ActivateTOTPForm",
}
MFA_ADAPTER = "nangsuat.core.adapters.MfaAdapter"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Chương trình 1322"
# Accept the previous/next 30-second code too: phones drift, and a code typed at the boundary still works.
MFA_TOTP_TOLERANCE = 1

# django-axes: lock an account/IP pair after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_LOCKOUT_TEMPLATE = "core/lockout.html"
AXES_LOCKOUT_CALLABLE = "nangsuat.accounts.lockout.lockout_response"  # JSON under /api/
# Failures count against the account, however it was named (username or e-mail, any case).
AXES_USERNAME_CALLABLE = "nangsuat.accounts.lockout.lockout_username"
# Beyond the lockout, each address may ask for this many tokens per window (wrong or right).
API_TOKEN_REQUESTS_PER_ADDRESS = env.int("API_TOKEN_REQUESTS_PER_ADDRESS", default=20)
API_TOKEN_WINDOW_SECONDS = 10 * 60
# An API token works this many days after it is issued; a new password revokes it sooner.
API_TOKEN_LIFETIME_DAYS = env.int("API_TOKEN_LIFETIME_DAYS", default=90)

# Staff roles must have TOTP; the demo may switch it off for a quick look (never in production).
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=True)

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# Uploads and drawn documents: in MEDIA_ROOT (``local``), or in a private bucket of an S3-compatible store
# such as MinIO (``s3``, needs the extra ``nangsuat[s3]``). Either way no file is served without the
# permission check: no route serves MEDIA_URL and the storage hands out no URL (core/storage_faults.py).
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE not in ("local", "s3"):
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'local' or 's3'.")
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None  # MinIO: http://minio:9000
AWS_ACCESS_KEY_ID = env.str("AWS_ACCESS_KEY_ID", default="") or None
AWS_SECRET_ACCESS_KEY = env.str("AWS_SECRET_ACCESS_KEY", default="") or None
AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="") or None
# MinIO and most S3-compatible stores want the bucket in the path, not in the host name.
AWS_S3_ADDRESSING_STYLE = env.str(
    "AWS_S3_ADDRESSING_STYLE", default="path" if AWS_S3_ENDPOINT_URL else "auto"
)
if MEDIA_STORAGE == "s3" and not AWS_STORAGE_BUCKET_NAME:
    raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
MEDIA_BACKEND = {
    "local": "nangsuat.core.storage_faults.ProtectedFileSystemStorage",
    "s3": "nangsuat.core.s3_storage.ProtectedS3Storage",
}[MEDIA_STORAGE]
STORAGES = {
    "default": {"BACKEND": MEDIA_BACKEND},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# WhiteNoise serves the apps' static files straight from their folders, so the demo needs no collectstatic
# and runserver, which serves none with DEBUG off, still shows styled pages.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Request bodies: one larger than the largest upload (a 20 MB file and its form) is refused with 413 before
# anything reads it (``core/request_size.py``); a body without files, a JSON one included, is held in
# memory up to 2.5 MB; a file past 2.5 MB goes to a temporary file, not memory.
REQUEST_MAX_BYTES = env.int("REQUEST_MAX_BYTES", default=21 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# A mail server that stops answering holds a sending thread this many seconds, not for ever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Chương trình 1322 <no-reply@nangsuat.local>")
# The address users reach the platform at: links in e-mails are made absolute with it.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# Content Security Policy: everything from our own origin; no CDN, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
    }
}
SESSION_COOKIE_HTTPONLY = True
# Served over HTTPS (SITE_URL https://…): cookies travel over HTTPS only, and browsers are told to use
# nothing else for a year (HSTS, which Django sends on HTTPS answers only). The demo on http://127.0.0.1
# keeps plain cookies, or it could not sign in. SECURE_COOKIES decides either way.
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=SITE_URL.startswith("https://"))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The browsers' preload list binds the whole domain (a province's .gov.vn) for good: its owner asks for it
# (SECURE_HSTS_PRELOAD=1), and the deployment checklist does not ask it of the product.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Served over HTTPS, a plain-HTTP request is sent to HTTPS. Behind a proxy that ends TLS this needs
# BEHIND_HTTPS_PROXY (below), as HSTS and the CSRF check do, or every request would be redirected again.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SITE_URL.startswith("https://"))
# The load balancer's and the monitor's probes may come over plain HTTP from inside the data centre.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# /readyz fails when the media disk has less free space than this (core/health.py).
READY_MIN_FREE_MB = env.int("READY_MIN_FREE_MB", default=500)
# Behind a reverse proxy that ends TLS, Django sees plain HTTP: trust the proxy's X-Forwarded-Proto
# (only when the proxy sets it itself, overwriting the client's).
if env.bool("BEHIND_HTTPS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# A staff session unused this long is signed out (core/signed_in.py).
STAFF_IDLE_TIMEOUT_MINUTES = env.int("STAFF_IDLE_TIMEOUT_MINUTES", default=30)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Background work (imports, PDFs, e-mail, scheduled work) goes through the job queue, run by
# `nangsuat worker` (core/jobs.py). TASKS_RUN_INLINE runs each task in the process that asked for it,
# right after the commit: the default on SQLite (the one-process demo needs no worker) and in tests.
TASKS_RUN_INLINE = env.bool(
    "TASKS_RUN_INLINE", default=DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
)
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TASKS_RUN_INLINE
        else "django_tasks_db.DatabaseBackend"
    }
}
# PDFs (documents/converter_pool.py): LibreOffice kept running behind unoserver converts them, one process
# per core (a LibreOffice draws one document at a time). With PDF_CONVERTER_URL (http://host:port of a
# converter run by the host, or several separated by commas, docs/deploy.md) the workers use those; without,
# the worker starts and watches PDF_CONVERTER_PROCESSES of its own (default os.cpu_count(); each holds a
# LibreOffice, 150-250 MB of memory) on 127.0.0.1, two ports each: the first on PDF_CONVERTER_PORT (its
# LibreOffice on PDF_CONVERTER_PORT + 1), the second on PDF_CONVERTER_PORT + 2 (and + 3), and so on, with
# PDF_CONVERTER_PYTHON, a Python that imports uno and unoserver (default: the .venv-uno `make install`
# creates, else /usr/bin/python3). PDF_CONVERTER=off, or no such Python: one `soffice --convert-to pdf` run
# per batch.
PDF_CONVERTER = env.str("PDF_CONVERTER", default="auto")
PDF_CONVERTER_URL = env.str("PDF_CONVERTER_URL", default="")
PDF_CONVERTER_PORT = env.int("PDF_CONVERTER_PORT", default=2003)
PDF_CONVERTER_PROCESSES = env.int("PDF_CONVERTER_PROCESSES", default=os.cpu_count() or 1)
PDF_CONVERTER_PYTHON = env.str("PDF_CONVERTER_PYTHON", default="")
# Seconds one conversion may take (the converter's LibreOffice is stopped and started again after it).
DOCUMENTS_PDF_TIMEOUT = env.int("DOCUMENTS_PDF_TIMEOUT", default=120)

# A running job whose worker has not beaten for this long is queued again (at most JOB_MAX_ATTEMPTS
# runs), then marked failed.
JOB_STALE_AFTER_SECONDS = env.int("JOB_STALE_AFTER_SECONDS", default=120)
JOB_MAX_ATTEMPTS = env.int("JOB_MAX_ATTEMPTS", default=3)

# Optional: /metrics for Prometheus (core/metrics.py), answered to the scraper's addresses only.
METRICS_ENABLED = env.bool("METRICS_ENABLED", default=False)
METRICS_ALLOWED_IPS = env.list("METRICS_ALLOWED_IPS", default=["127.0.0.1"])
# ``nangsuat bench pages`` measures each page against two floor views (core/floor.py) served by the same
# server: mounted under /bench-floor/ only when this is on. Never in production.
BENCH_FLOOR_VIEWS = env.bool("BENCH_FLOOR_VIEWS", default=False)

# Optional: errors sent to a Sentry-compatible service (Sentry, GlitchTip) when SENTRY_DSN is set; the
# client is installed with the `sentry` extra (`pip install 'nangsuat[sentry]'`) and loaded only then.
# Personal data stays out (no user, no address, no request body).
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        send_default_pii=False,
        max_request_body_size="never",
    )

# Log lines carry the request's id (core/request_log.py); LOG_FORMAT=json writes one JSON object a line.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "nangsuat.core.request_log.RequestContextFilter"}},
    "formatters": {
        "json": {"()": "nangsuat.core.request_log.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request"],
            "formatter": "json" if env("LOG_FORMAT", default="text") == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
