from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "nangsuat.councils"
    label = "councils"
    verbose_name = "Hội đồng tư vấn"

    def ready(self) -> None:
        from . import effects  # noqa: F401  registers the council's workflow guards and effects
