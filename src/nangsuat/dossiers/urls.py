from django.urls import path

from .views import calls, dossier, lists

app_name = "dossiers"
urlpatterns = [
    path("", lists.dossier_list, name="dossier_list"),
    path("export.xlsx", lists.dossier_export, name="dossier_export"),
    path("tasks/", lists.tasks, name="tasks"),
    path("tra-cuu/", lists.public_lookup, name="public_lookup"),
    path("calls/", calls.call_list, name="call_list"),
    path("calls/new/", calls.call_edit, name="call_create"),
    path("calls/<int:pk>/", calls.call_detail, name="call_detail"),
    path("calls/<int:pk>/edit/", calls.call_edit, name="call_edit"),
    path("calls/<int:pk>/publish/", calls.call_publish, name="call_publish"),
    path("calls/<int:pk>/start/", calls.dossier_start, name="dossier_start"),
    path("calls/<int:pk>/support-hint/", calls.support_hint, name="support_hint"),
    path("<int:pk>/", dossier.dossier_detail, name="dossier_detail"),
    path("<int:pk>/edit/", dossier.dossier_edit, name="dossier_edit"),
    path("<int:pk>/attachments/", dossier.attachment_upload, name="attachment_upload"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/",
        dossier.attachment_download,
        name="attachment_download",
    ),
    path(
        "<int:pk>/attachments/<int:attachment_id>/remove/",
        dossier.attachment_remove,
        name="attachment_remove",
    ),
    path("<int:pk>/photos/<int:photo_id>/", dossier.photo_download, name="photo_download"),
    path("<int:pk>/eligibility/", dossier.eligibility, name="eligibility"),
    path("<int:pk>/override/", dossier.duplicate_override, name="duplicate_override"),
    path("<int:pk>/comments/", dossier.comment_add, name="comment_add"),
    path("<int:pk>/actions/<slug:action>/", dossier.dossier_action, name="dossier_action"),
]
