"""Test settings: same as base, with fast hashing and in-memory SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F401,F403
from .base import MEDIA_BACKEND, env

# Published with the repository, so the product refuses it (``secret_key.PUBLISHED_KEY_DIGESTS``).
SECRET_KEY = "tests-only-key-it-signs-nothing-outside-the-test-suite-0123456789"
MFA_ENCRYPTION_KEY = "tests-only-key-it-encrypts-the-test-suite-s-totp-seeds-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if not env("DATABASE_URL", default=""):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = False
# One process per test worker: each keeps its own counters, so parallel workers do not throttle each other.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
INDICATORS_CACHE_SECONDS = 0  # each test counts its own records; the cache has its own test
LIST_COUNT_CACHE_SECONDS = 0  # likewise for the dossier list's count
STORAGES = {
    "default": {"BACKEND": MEDIA_BACKEND},  # MEDIA_ROOT unless MEDIA_STORAGE=s3
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# WhiteNoise looks files up per request instead of listing every static file each time a test client starts.
WHITENOISE_AUTOREFRESH = True
TASKS_RUN_INLINE = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# LibreOffice takes seconds per PDF: only the tests about PDFs turn it on.
DOCUMENTS_PDF = False
# One soffice run per batch unless a test starts the long-lived converter (tests/documents/test_converter.py).
PDF_CONVERTER = "off"
# Tests number in the test's own transaction (the own-connection path has its PostgreSQL test).
TRACKING_CODES_OWN_TRANSACTION = False
