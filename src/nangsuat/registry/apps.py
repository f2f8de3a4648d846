from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "nangsuat.registry"
    label = "registry"
    verbose_name = "Sổ doanh nghiệp"
