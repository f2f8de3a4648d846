"""The web server's entry point (gunicorn ``nangsuat.wsgi:application``, or the demo's runserver)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nangsuat.settings")
# The settings give web requests their database timeouts (settings/base.py).
os.environ.setdefault("NANGSUAT_WEB", "1")
application = get_wsgi_application()
