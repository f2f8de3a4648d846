from django.urls import path

from . import views

app_name = "contracts"
urlpatterns = [
    path("", views.contract_list, name="list"),
    path("<int:pk>/", views.contract_detail, name="detail"),
    path("<int:pk>/reports/", views.progress_add, name="progress_add"),
    path("<int:pk>/completion/", views.completion_request, name="completion_request"),
    path("<int:pk>/reports/<int:report_pk>/file/", views.report_file, name="report_file"),
    path("<int:pk>/evidence/<int:evidence_pk>/", views.evidence_file, name="evidence_file"),
    path("<int:pk>/city-decision/", views.decision_file, name="decision_file"),
]
