from django.urls import path

from . import views_manage

urlpatterns = [
    path("", views_manage.import_start, name="import_start"),
    path("template.xlsx", views_manage.import_template, name="import_template"),
    path("<int:pk>/", views_manage.import_job, name="import_job"),
    path("<int:pk>/errors.xlsx", views_manage.import_errors, name="import_errors"),
]
