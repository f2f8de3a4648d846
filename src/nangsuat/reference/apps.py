from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "nangsuat.reference"
    label = "reference"
    verbose_name = "Dữ liệu danh mục"

    def ready(self) -> None:
        from . import choices  # noqa: F401  drops the cached filter lists when reference data changes
