from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "nangsuat.indicators"
    label = "indicators"
    verbose_name = "Chỉ tiêu của Kế hoạch"
