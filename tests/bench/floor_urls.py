"""The product's URLs with the benchmark's floor views mounted, as ``BENCH_FLOOR_VIEWS=True`` mounts them."""

from django.urls import include, path

from nangsuat.urls import urlpatterns as product

urlpatterns = [path("bench-floor/", include("nangsuat.core.floor")), *product]
