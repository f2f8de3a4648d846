from django.urls import path
from django.views.generic import RedirectView

from .views import enterprises, imports, memberships

app_name = "registry"
urlpatterns = [
    path("", RedirectView.as_view(pattern_name="registry:enterprise_list"), name="index"),
    path("enterprises/", enterprises.enterprise_list, name="enterprise_list"),
    path("enterprises/export.xlsx", enterprises.enterprise_export, name="enterprise_export"),
    path("enterprises/new/", enterprises.enterprise_create, name="enterprise_create"),
    path("enterprises/<int:pk>/", enterprises.enterprise_detail, name="enterprise_detail"),
    path("enterprises/<int:pk>/edit/", enterprises.enterprise_edit, name="enterprise_edit"),
    path("enterprises/<int:pk>/years/", enterprises.enterprise_year, name="enterprise_year"),
    path(
        "enterprises/<int:pk>/years/<int:year>/delete/",
        enterprises.enterprise_year_delete,
        name="enterprise_year_delete",
    ),
    path("enterprises/<int:pk>/contacts/", enterprises.contact_add, name="contact_add"),
    path(
        "enterprises/<int:pk>/contacts/<int:contact_pk>/delete/",
        enterprises.contact_delete,
        name="contact_delete",
    ),
    path("me/", enterprises.my_enterprise, name="my_enterprise"),
    path("memberships/", memberships.membership_queue, name="membership_queue"),
    path("memberships/<int:pk>/decide/", memberships.membership_decide, name="membership_decide"),
    path("import/", imports.import_start, name="import_start"),
    path("import/template.xlsx", imports.import_template, name="import_template"),
    path("import/<int:pk>/", imports.import_job, name="import_job"),
    path("import/<int:pk>/errors.xlsx", imports.import_errors, name="import_errors"),
]
