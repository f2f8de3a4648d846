"""Reads of the reference data, for forms, imports and reports of the other apps."""

from django.db.models import QuerySet

from nangsuat.core.text import fold

from .models import Province, SupportContent, VsicCode, Ward


def provinces() -> QuerySet[Province]:
    return Province.objects.order_by("name")


def wards_of(province_code: str) -> QuerySet[Ward]:
    """The commune-level units of one province, by name."""
    return Ward.objects.filter(province_id=province_code).order_by("name")


def find_ward(*, province_code: str, name: str) -> Ward | None:
    """The ward whose name matches `name` ignoring case and diacritics ("phuong ninh kieu", "Ninh Kiều")."""
    folded = fold(name)
    candidates = [folded] + [f"{kind} {folded}" for kind in ("phuong", "xa", "dac khu")]
    found = list(wards_of(province_code).filter(name_folded__in=candidates)[:2])
    return found[0] if len(found) == 1 else None


def vsic_sections() -> QuerySet[VsicCode]:
    return VsicCode.objects.filter(level=1).order_by("code")


def vsic_choices(*, min_level: int = 2) -> QuerySet[VsicCode]:
    """The codes a user may pick as an enterprise's main line (levels 2 and deeper)."""
    return VsicCode.objects.filter(level__gte=min_level).order_by("code")


def support_contents(*, active_only: bool = True) -> QuerySet[SupportContent]:
    qs = SupportContent.objects.all()
    return qs.filter(is_active=True) if active_only else qs
