from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "nangsuat.documents"
    label = "documents"
    verbose_name = "Văn bản"

    def ready(self) -> None:
        from nangsuat.core.jobs import on_worker_start
        from nangsuat.core.navigation import NavItem, add_nav_item
        from nangsuat.core.roles import AGENCY_READERS

        from . import (
            converter_pool,
            effects,  # noqa: F401  documents generated on workflow steps
            timeline,  # noqa: F401  the dossier's documents on its timeline
        )

        # The queue's worker starts (and watches) the long-lived PDF converters unless some are configured.
        on_worker_start(converter_pool.worker_started)

        add_nav_item(
            NavItem(_("Sổ văn bản"), "documents:register", AGENCY_READERS, "/documents/", "file", 60)
        )
