"""The dossiers app's API: the calls (``calls``) and the dossiers with their transitions, checklist and
public lookup (``dossiers``), mounted together under ``/api/v1/``."""

from ninja import Router

from . import calls, dossiers

router = Router(tags=["dossiers"])
router.add_router("", calls.router)
router.add_router("", dossiers.router)
