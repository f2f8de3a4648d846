from django.urls import path

from .views import dashboard, ministry, targets

app_name = "indicators"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("indicators/<slug:code>/", dashboard.indicator_records, name="records"),
    path("indicators/<slug:code>/export.xlsx", dashboard.indicator_export, name="export"),
    path("dossiers/<slug:name>/", dashboard.dossier_records, name="dossiers"),
    path("targets/", targets.targets_edit, name="targets"),
    path("provinces/", ministry.ministry, name="provinces"),
]
