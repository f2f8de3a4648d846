from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "nangsuat.reference"
    label = "reference"
    verbose_name = "Dữ liệu danh mục"
