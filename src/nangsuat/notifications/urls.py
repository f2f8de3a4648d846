from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("bell/", views.bell, name="bell"),
    path("read/", views.mark_read, name="mark_read"),
    path("email/", views.email_preference, name="email_preference"),
    path("<int:pk>/", views.open_notification, name="open"),
]
