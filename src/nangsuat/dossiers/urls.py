from django.urls import path

from . import views_calls, views_dossiers, views_lists

app_name = "dossiers"
urlpatterns = [
    path("", views_lists.dossier_list, name="dossier_list"),
    path("export.xlsx", views_lists.dossier_export, name="dossier_export"),
    path("tasks/", views_lists.tasks, name="tasks"),
    path("tra-cuu/", views_lists.public_lookup, name="public_lookup"),
    path("calls/", views_calls.call_list, name="call_list"),
    path("calls/new/", views_calls.call_edit, name="call_create"),
    path("calls/<int:pk>/", views_calls.call_detail, name="call_detail"),
    path("calls/<int:pk>/edit/", views_calls.call_edit, name="call_edit"),
    path("calls/<int:pk>/publish/", views_calls.call_publish, name="call_publish"),
    path("calls/<int:pk>/start/", views_calls.dossier_start, name="dossier_start"),
    path("<int:pk>/", views_dossiers.dossier_detail, name="dossier_detail"),
    path("<int:pk>/edit/", views_dossiers.dossier_edit, name="dossier_edit"),
    path("<int:pk>/attachments/", views_dossiers.attachment_upload, name="attachment_upload"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/",
        views_dossiers.attachment_download,
        name="attachment_download",
    ),
    path(
        "<int:pk>/attachments/<int:attachment_id>/remove/",
        views_dossiers.attachment_remove,
        name="attachment_remove",
    ),
    path("<int:pk>/photos/<int:photo_id>/", views_dossiers.photo_download, name="photo_download"),
    path("<int:pk>/eligibility/", views_dossiers.eligibility, name="eligibility"),
    path("<int:pk>/override/", views_dossiers.duplicate_override, name="duplicate_override"),
    path("<int:pk>/comments/", views_dossiers.comment_add, name="comment_add"),
    path("<int:pk>/actions/<slug:action>/", views_dossiers.dossier_action, name="dossier_action"),
]
