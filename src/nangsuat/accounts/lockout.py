"""What a locked-out caller sees (django-axes ``AXES_LOCKOUT_CALLABLE``): JSON for the API in the API's
error shape, the Vietnamese lockout page otherwise."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_response(request, original_response=None, credentials=None):
    status = getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429)
    minutes = int(float(settings.AXES_COOLOFF_TIME or 0) * 60)
    if request.path.startswith("/api/"):
        detail = _("Tài khoản tạm bị khóa do nhập sai quá nhiều lần. Vui lòng thử lại sau %(n)s phút.") % {
            "n": minutes
        }
        return JsonResponse({"detail": detail, "errors": {}}, status=status)
    return render(request, "core/lockout.html", {"cooloff_minutes": minutes}, status=status)
