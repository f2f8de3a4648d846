"""A request body larger than the product's largest upload is refused before anything reads it.

Django bounds what it holds in memory (``DATA_UPLOAD_MAX_MEMORY_SIZE``, ``FILE_UPLOAD_MAX_MEMORY_SIZE``)
but streams any multipart file, however large, to a temporary file; and the CSRF check reads a page's
POST body before any view can look at the file's size. This middleware, first in the list, answers 413 on
the declared ``Content-Length`` alone.
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 21 * 1024 * 1024  # a 20 MB file and the form around it


def max_request_bytes() -> int:
    return int(getattr(settings, "REQUEST_MAX_BYTES", DEFAULT_MAX_BYTES))


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0  # Django reads no body under a Content-Length it cannot parse
        limit = max_request_bytes()
        if declared > limit:
            message = _("Dữ liệu gửi lên quá lớn: tối đa %(mb)s MB mỗi lần gửi.") % {
                "mb": limit // (1024 * 1024)
            }
            if request.path.startswith("/api/"):  # the API's error shape (``api/errors.py``)
                return JsonResponse({"detail": message, "errors": {}}, status=413)
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
