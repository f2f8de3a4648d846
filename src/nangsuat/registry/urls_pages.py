from django.urls import path
from django.views.generic import RedirectView

from . import views, views_manage

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="registry:enterprise_list"), name="index"),
    path("enterprises/", views.enterprise_list, name="enterprise_list"),
    path("enterprises/export.xlsx", views.enterprise_export, name="enterprise_export"),
    path("enterprises/new/", views.enterprise_create, name="enterprise_create"),
    path("enterprises/<int:pk>/", views.enterprise_detail, name="enterprise_detail"),
    path("enterprises/<int:pk>/edit/", views.enterprise_edit, name="enterprise_edit"),
    path("enterprises/<int:pk>/years/", views.enterprise_year, name="enterprise_year"),
    path(
        "enterprises/<int:pk>/years/<int:year>/delete/",
        views.enterprise_year_delete,
        name="enterprise_year_delete",
    ),
    path("enterprises/<int:pk>/contacts/", views.contact_add, name="contact_add"),
    path(
        "enterprises/<int:pk>/contacts/<int:contact_pk>/delete/", views.contact_delete, name="contact_delete"
    ),
    path("me/", views.my_enterprise, name="my_enterprise"),
    path("memberships/", views_manage.membership_queue, name="membership_queue"),
    path("memberships/<int:pk>/decide/", views_manage.membership_decide, name="membership_decide"),
]
