from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "nangsuat.contracts"
    label = "contracts"
    verbose_name = "Phê duyệt, hợp đồng, nghiệm thu, thanh toán"

    def ready(self) -> None:
        from . import effects  # noqa: F401  registers the contract steps' workflow guards and effects
