from django.urls import include, path

app_name = "registry"
urlpatterns = [
    path("", include("nangsuat.registry.urls_pages")),
    path("import/", include("nangsuat.registry.urls_import")),
]
