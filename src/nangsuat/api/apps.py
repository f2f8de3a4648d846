from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "nangsuat.api"
    label = "api"
    verbose_name = "API"
