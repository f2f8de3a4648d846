"""The city list pages (Trình UBND thành phố), mounted at /submissions/ with the namespace "submissions"."""

from django.urls import path

from . import views

app_name = "submissions"
urlpatterns = [
    path("", views.city_index, name="index"),
    path("<int:call_pk>/", views.city_list, name="call"),
    path("<int:call_pk>/total/", views.city_total, name="total"),
    path("<int:call_pk>/propose/", views.city_propose, name="propose"),
    path("<int:call_pk>/decision/", views.city_decision, name="decision"),
]
