from django.urls import path

from . import imports, views

app_name = "productivity"
urlpatterns = [
    path("", views.benchmark_table, name="benchmarks"),
    path("xuat-excel/", views.benchmark_export, name="benchmark_export"),
    path("doanh-nghiep/<int:pk>/", views.enterprise_productivity, name="enterprise"),
    path("nhap/", imports.import_start, name="import_start"),
    path("nhap/mau/", imports.import_template, name="import_template"),
    path("nhap/<int:pk>/", imports.import_job, name="import_job"),
    path("nhap/<int:pk>/loi/", imports.import_errors, name="import_errors"),
]
