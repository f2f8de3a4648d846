from django.urls import path

from . import views

app_name = "contracts"
urlpatterns = [
    path("", views.contract_list, name="list"),
    path("<int:pk>/", views.contract_detail, name="detail"),
    path("<int:pk>/reports/", views.progress_add, name="progress_add"),
    path("<int:pk>/completion/", views.completion_request, name="completion_request"),
    path("city/", views.city_index, name="city_index"),
    path("city/<int:call_pk>/", views.city_list, name="city_list"),
    path("city/<int:call_pk>/total/", views.city_total, name="city_total"),
    path("city/<int:call_pk>/propose/", views.city_propose, name="city_propose"),
    path("city/<int:call_pk>/decision/", views.city_decision, name="city_decision"),
]
