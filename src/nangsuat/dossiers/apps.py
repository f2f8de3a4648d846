from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "nangsuat.dossiers"
    label = "dossiers"
    verbose_name = "Đợt đăng ký và hồ sơ"

    def ready(self) -> None:
        from . import effects  # noqa: F401  registers the intake steps' workflow guards and effects
