from django.urls import path

from . import views
from .drafts import views as drafts

app_name = "documents"
urlpatterns = [
    path("", views.register, name="register"),
    path("mine/", views.register, name="register_mine"),
    path("export.xlsx", views.export, name="export"),
    path("settings/", views.profile_edit, name="profile"),
    path("<int:pk>/", views.download, name="download"),
    path("<int:pk>/pdf/", views.download_pdf, name="download_pdf"),
    path("<int:pk>/redraw-pdf/", views.redraw_pdf, name="redraw_pdf"),
    path("score-sheets/<int:pk>/", drafts.score_sheet, name="score_sheet"),
    path("score-sheets/<int:pk>/pdf/", drafts.score_sheet_pdf, name="score_sheet_pdf"),
]
