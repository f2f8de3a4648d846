"""The public pages (``public:``, under /cong-khai/, open to anyone) and the officers' pages for the
good-practice models (``showcase:``, under /showcase/)."""

from django.urls import path

from .views import cases, public

public_patterns = [
    path("", public.supported, name="supported"),
    path("xuat-excel/", public.supported_export, name="supported_export"),
    path("mo-hinh/", public.cases, name="cases"),
    path("mo-hinh/<int:pk>/", public.case, name="case"),
    path("mo-hinh/<int:pk>/anh/<int:photo_id>/", public.photo, name="photo"),
    path("doanh-nghiep/<int:pk>/", public.enterprise, name="enterprise"),
]

app_name = "showcase"
urlpatterns = [
    path("", cases.case_list, name="case_list"),
    path("new/", cases.case_create, name="case_create"),
    path("<int:pk>/", cases.case_edit, name="case_edit"),
    path("<int:pk>/photos/", cases.photo_add, name="photo_add"),
    path("<int:pk>/photos/<int:photo_id>/", cases.photo_preview, name="photo_preview"),
    path("<int:pk>/photos/<int:photo_id>/remove/", cases.photo_remove, name="photo_remove"),
    path("<int:pk>/consent/", cases.consent, name="consent"),
    path("<int:pk>/consent/file/", cases.consent_file, name="consent_file"),
    path("<int:pk>/publish/", cases.publish, name="publish"),
    path("<int:pk>/withdraw/", cases.withdraw, name="withdraw"),
]
