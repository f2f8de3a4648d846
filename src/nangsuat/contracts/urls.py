"""The contracts app's pages: the contracts at /contracts/ (namespace "contracts") and the city list
(Trình UBND thành phố) at /submissions/ (namespace "submissions", ``submission_patterns``)."""

from django.urls import path

from .views import city, contracts, decision_draft

app_name = "contracts"
urlpatterns = [
    path("", contracts.contract_list, name="list"),
    path("export.xlsx", contracts.contract_export, name="export"),
    path("<int:pk>/", contracts.contract_detail, name="detail"),
    path("<int:pk>/reports/", contracts.progress_add, name="progress_add"),
    path("<int:pk>/completion/", contracts.completion_request, name="completion_request"),
    path("<int:pk>/reports/<int:report_pk>/file/", contracts.report_file, name="report_file"),
    path("<int:pk>/evidence/<int:evidence_pk>/", contracts.evidence_file, name="evidence_file"),
    path("<int:pk>/city-decision/", contracts.decision_file, name="decision_file"),
]

submission_patterns = [
    path("", city.city_index, name="index"),
    path("<int:call_pk>/", city.city_list, name="call"),
    path("<int:call_pk>/total/", city.city_total, name="total"),
    path("<int:call_pk>/export.xlsx", city.city_export, name="export"),
    path("<int:call_pk>/propose/", city.city_propose, name="propose"),
    path("<int:call_pk>/decision/", city.city_decision, name="decision"),
    path(
        "<int:call_pk>/proposals/<int:pk>/decision-draft/",
        decision_draft.decision_draft_docx,
        name="decision_draft",
    ),
    path(
        "<int:call_pk>/proposals/<int:pk>/decision-draft/pdf/",
        decision_draft.decision_draft_pdf,
        name="decision_draft_pdf",
    ),
]
