"""Records the indicators count that other apps own: a support dossier carried to acceptance."""

import datetime as dt

from nangsuat.contracts.models import Acceptance, SupportContract
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State
from tests.dossiers.factories import CallFactory, DossierFactory


def accepted_dossier(agency, enterprise, *, on: dt.date, state: str = State.ACCEPTED) -> Dossier:
    """A dossier of ``enterprise`` with a signed contract and acceptance minutes dated ``on``, its state
    written directly (the workflow's own tests walk the steps)."""
    dossier = DossierFactory(call=CallFactory(agency=agency), enterprise=enterprise, state=state)
    contract = SupportContract.objects.create(
        agency=agency,
        dossier=dossier,
        number=f"{dossier.pk}/HĐ-SKHCN",
        signed_on=on - dt.timedelta(days=120),
        amount_vnd=150_000_000,
        deliverables="Hệ thống quản lý chất lượng ISO 9001:2015 được chứng nhận",
        deadline=on - dt.timedelta(days=10),
    )
    Acceptance.objects.create(contract=contract, rating="Đạt", passed=True, minutes_date=on)
    return dossier
