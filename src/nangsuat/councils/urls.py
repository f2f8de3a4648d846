from django.urls import path

from . import views

app_name = "councils"
urlpatterns = [
    path("", views.council_index, name="index"),
    path("new/", views.council_create, name="create"),
    path("<int:pk>/", views.council_detail, name="detail"),
    path("<int:pk>/members/", views.member_add, name="member_add"),
    path("<int:pk>/members/<int:member_pk>/remove/", views.member_remove, name="member_remove"),
    path("<int:pk>/dossiers/<int:dossier_pk>/", views.sheet_page, name="sheet"),
    path("<int:pk>/dossiers/<int:dossier_pk>/declare/", views.sheet_declare, name="sheet_declare"),
    path("<int:pk>/dossiers/<int:dossier_pk>/score/", views.sheet_score, name="sheet_score"),
    path("<int:pk>/dossiers/<int:dossier_pk>/decide/", views.dossier_decide, name="decide"),
    path("<int:pk>/dossiers/<int:dossier_pk>/sheets/", views.dossier_sheets, name="sheets"),
]
