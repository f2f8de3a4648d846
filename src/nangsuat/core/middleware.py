"""Every staff role signs in with a second factor (TOTP), in every session."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .mfa import has_totp, passed_second_factor

# The API refuses such a session itself (``api/auth.py``), with a JSON 401 rather than a redirect.
_OPEN_PREFIXES = ("/static/", "/i18n/", "/media/", "/api/")
# Where a staff member who has not enrolled yet may go: the enrolment and the rest of the account pages.
_ENROLMENT_PREFIX = "/accounts/"


class StaffMfaRequiredMiddleware:
    """A staff session whose sign-in has not passed TOTP goes no further. Enrolled: the session
    was opened by the password alone (Django's own login, a session from before this rule), so it is
    signed out and sent to the product's sign-in, which asks for the code. Not enrolled yet: sent to
    enrol, and the code that enrols counts as the second factor (``mfa.count_enrolment_as_second_factor``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.STAFF_MFA_REQUIRED
            and user is not None
            and user.is_authenticated
            and user.is_staff_role
            and not request.path.startswith(_OPEN_PREFIXES)
            and not passed_second_factor(request, user)
        ):
            if has_totp(user):
                logout(request)
                messages.info(request, _("Vui lòng đăng nhập lại bằng mật khẩu và mã xác thực hai lớp."))
                return redirect_to_login(request.get_full_path())
            if not request.path.startswith(_ENROLMENT_PREFIX):
                return redirect(reverse("mfa_activate_totp") + "?next=" + request.get_full_path())
        return self.get_response(request)


class DefaultVietnameseLocaleMiddleware:
    """Vietnamese unless the visitor chose otherwise with the language switch (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language; a Vietnamese
    government service speaks Vietnamese first, whatever the browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        user = getattr(request, "user", None)
        if chosen == language and user is not None and user.is_authenticated and user.language != language:
            # Remembered on the account, so the notifications and e-mails sent to them speak it too.
            user._meta.model.objects.filter(pk=user.pk).update(language=language)
        return response
