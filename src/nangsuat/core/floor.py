"""Two views that measure what the framework itself costs on a running server, for ``nangsuat bench
pages``: ``bare`` answers a few bytes (no template, no database, no sign-in) and ``base`` draws the signed-in
base template with an empty content block (the same middleware, sign-in check, navigation and base template
as every page). They exist only when ``BENCH_FLOOR_VIEWS`` is on (``nangsuat/urls.py``): never in
production."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import never_cache


@never_cache
def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


@login_required
def base(request):
    return render(request, "core/floor.html", {})


app_name = "floor"
urlpatterns = [
    path("bare/", bare, name="bare"),
    path("base/", base, name="base"),
]
