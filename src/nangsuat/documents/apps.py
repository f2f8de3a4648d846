from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "nangsuat.documents"
    label = "documents"
    verbose_name = "Văn bản"

    def ready(self) -> None:
        from . import effects  # noqa: F401  documents generated on workflow steps
