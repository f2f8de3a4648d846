"""Priority points (Kế hoạch 14/KH-UBND, II.2.b): SMEs that use domestic raw materials, whose products
have export or import-substitution potential, and that create jobs. Weights are each call's
``PriorityRule`` rows (seed: SME +10, domestic +5, export +5, jobs ≥ 10 +5, DOMAIN-FACTS §4); the SME size
follows Nghị định 80/2021/NĐ-CP, Điều 5 (``registry.sme``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from nangsuat.registry import sme

if TYPE_CHECKING:
    from .models import Dossier, PriorityRule

DEFAULT_RULES = (("sme", 10, None), ("domestic_materials", 5, None), ("export", 5, None), ("jobs", 5, 10))


def enterprise_size(enterprise) -> str:
    """The registry's size class, or computed from its latest figures when not yet stored."""
    return enterprise.size_class or sme.size_class(
        vsic_section=enterprise.vsic_section,
        employees=enterprise.employees,
        revenue_vnd=enterprise.revenue_vnd,
        capital_vnd=enterprise.capital_vnd,
    )


def rule_applies(
    basis: str, threshold: int | None, *, size: str, domestic: bool, export: bool, jobs: int
) -> bool:
    if basis == "sme":
        return sme.is_sme(size)
    if basis == "domestic_materials":
        return domestic
    if basis == "export":
        return export
    if basis == "jobs":
        return jobs >= (threshold if threshold is not None else 1)
    return False


def points_for(dossier: Dossier, rules: Iterable[PriorityRule]) -> int:
    size = enterprise_size(dossier.enterprise)
    return sum(
        rule.points
        for rule in rules
        if rule_applies(
            rule.basis,
            rule.threshold,
            size=size,
            domestic=dossier.uses_domestic_materials,
            export=dossier.export_potential,
            jobs=dossier.jobs_created or 0,
        )
    )
