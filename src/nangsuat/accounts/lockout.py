"""django-axes' lockout: whom a failed sign-in counts against (``AXES_USERNAME_CALLABLE``) and what a
locked-out caller sees (``AXES_LOCKOUT_CALLABLE``): JSON for the API in the API's error shape, the
Vietnamese lockout page otherwise."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Case, Q, When
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from nangsuat.core.models import User


def lockout_username(request, credentials=None) -> str:
    """The account a sign-in names, as its username: the login page and the token endpoint accept the
    username or an e-mail of the account in any case, so counting the typed string would give each
    spelling five more guesses. A name of no account counts as itself, case folded."""
    credentials = credentials or {}
    identifier = credentials.get("username") or credentials.get("email")
    if identifier is None and request is not None:
        identifier = request.POST.get("login") or request.POST.get("username")
    identifier = str(identifier or "").strip()
    if not identifier:
        return ""
    by_email = EmailAddress.objects.filter(email__iexact=identifier).values("user_id")
    username = (
        User.objects.filter(Q(username__iexact=identifier) | Q(email__iexact=identifier) | Q(pk__in=by_email))
        # As allauth signs in: a username first, then an e-mail.
        .order_by(Case(When(username__iexact=identifier, then=0), default=1), "pk")
        .values_list("username", flat=True)
        .first()
    )
    return username or identifier.casefold()


def lockout_response(request, original_response=None, credentials=None):
    status = getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429)
    minutes = int(float(settings.AXES_COOLOFF_TIME or 0) * 60)
    if request.path.startswith("/api/"):
        detail = _("Tài khoản tạm bị khóa do nhập sai quá nhiều lần. Vui lòng thử lại sau %(n)s phút.") % {
            "n": minutes
        }
        return JsonResponse({"detail": detail, "errors": {}}, status=status)
    return render(request, "core/lockout.html", {"cooloff_minutes": minutes}, status=status)
