from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.staff_list, name="staff_list"),
    path("new/", views.staff_create, name="staff_create"),
    path("<int:pk>/active/", views.staff_set_active, name="staff_set_active"),
    path("<int:pk>/reset-mfa/", views.staff_reset_mfa, name="staff_reset_mfa"),
]

# Everyone's own account, at /account/ (the staff pages above are the administrator's).
profile_patterns = [path("", views.profile, name="index")]
