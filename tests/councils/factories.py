"""Councils and their members' score sheets."""

from nangsuat.core.roles import Role
from nangsuat.councils import services
from nangsuat.councils.models import Council, CouncilMember
from tests.core.factories import UserFactory
from tests.dossiers.factories import RUBRIC


def make_council(
    call, *, scoring: int = 5, officer=None
) -> tuple[Council, list[CouncilMember], CouncilMember]:
    """A council of ``scoring`` scoring members plus a secretary; returns (council, scorers, secretary)."""
    officer = officer or UserFactory(role=Role.OFFICER, agency=call.agency)
    council = services.create_council(call=call, name="Hội đồng tư vấn xét chọn năm 2026", actor=officer)
    positions = ["chair", "vice_chair", "reviewer", "reviewer"] + ["member"] * max(0, scoring - 4)
    scorers = [
        services.add_member(
            council=council,
            user=UserFactory(role=Role.COUNCIL, agency=call.agency),
            position=p,
            actor=officer,
        )
        for p in positions[:scoring]
    ]
    secretary = services.add_member(
        council=council,
        user=UserFactory(role=Role.COUNCIL, agency=call.agency),
        position="secretary",
        actor=officer,
    )
    return council, scorers, secretary


def score_all(dossier, scorers, points=(12, 40, 28), *, conflicted=()):
    """Every scorer declares (conflicted ones recuse) and submits the same points."""
    for member in scorers:
        sheet = member.sheets.get(dossier=dossier)
        if member in conflicted:
            services.declare_conflict(sheet=sheet, actor=member.user, has_conflict=True, reason="Người thân")
            continue
        services.declare_conflict(sheet=sheet, actor=member.user, has_conflict=False)
        values = points(member) if callable(points) else points
        services.save_score(
            sheet=sheet, actor=member.user, points=dict(zip([c for c, *_ in RUBRIC], values, strict=True))
        )
        services.submit_sheet(sheet=sheet, actor=member.user)
