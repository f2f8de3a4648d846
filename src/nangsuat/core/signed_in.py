"""What a signed-in request gets beyond the page: an answer no browser or proxy keeps, and for staff a
session that ends after a spell of inactivity (``settings.STAFF_IDLE_TIMEOUT_MINUTES``)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

# Each request of an active session would otherwise write the session: once a minute is precise enough.
ACTIVITY_GRANULARITY_SECONDS = 60
# The API answers an ended session itself: unauthenticated, 401 in JSON rather than a redirect.
_API_PREFIX = "/api/"
# Sent by requests a page makes by itself (the notification bell's poll): they are not the person's
# activity, or a page left open would never idle.
BACKGROUND_HEADER = "X-Background"


class NoStoreWhenSignedInMiddleware:
    """A page or an API answer for a signed-in caller (session or token) holds that person's data: the
    back button after signing out, a shared computer or a proxy must not show it again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)  # the API's token authentication sets it during the view
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response


class StaffIdleTimeoutMiddleware:
    """A staff session unused for ``STAFF_IDLE_TIMEOUT_MINUTES`` is signed out: staff sessions decide
    and sign, and an office computer left open is the usual way in. Enterprise sessions keep Django's
    own lifetime. A page's background polls (``BACKGROUND_HEADER``) are not activity; the first one
    after the session ended takes the whole page to the sign-in, off the screen."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff_role:
            now = time.time()
            last_seen = request.session.get("last_seen")
            if last_seen is not None and now - last_seen > settings.STAFF_IDLE_TIMEOUT_MINUTES * 60:
                return self._end(request) or self.get_response(request)
            background = request.headers.get(BACKGROUND_HEADER) == "true"
            if not background and (last_seen is None or now - last_seen >= ACTIVITY_GRANULARITY_SECONDS):
                request.session["last_seen"] = now
        return self.get_response(request)

    def _end(self, request):
        """Sign the session out; a page goes to the sign-in, an API call goes on unauthenticated (401)."""
        logout(request)
        if request.path.startswith(_API_PREFIX):
            return None
        messages.info(
            request,
            _("Phiên làm việc đã kết thúc sau %(n)s phút không hoạt động. Vui lòng đăng nhập lại.")
            % {"n": settings.STAFF_IDLE_TIMEOUT_MINUTES},
        )
        login = redirect_to_login(request.get_full_path())
        if request.headers.get("HX-Request") == "true":
            return HttpResponseClientRedirect(login["Location"])
        return login
