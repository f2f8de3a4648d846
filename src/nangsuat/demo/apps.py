from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "nangsuat.demo"
    label = "demo"
    verbose_name = "Dữ liệu mẫu"
