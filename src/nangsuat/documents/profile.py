"""The agency's document profile as the builders read it: a plain dict, copied into each document's
data when it is issued so that drawing it again says what it said the first time."""

from __future__ import annotations

from typing import Any

from nangsuat.core.formatting import format_date_vi

from .legal import DEFAULT_RECIPIENTS, NATIONAL_BASES
from .models import DocumentProfile

PARENT_PREFIX = "Ủy ban nhân dân "


def province_of(agency) -> str:
    """'thành phố Cần Thơ' from the parent body 'Ủy ban nhân dân thành phố Cần Thơ'."""
    parent = getattr(agency, "parent_body", "") or ""
    return parent[len(PARENT_PREFIX) :] if parent.startswith(PARENT_PREFIX) else parent


def plan_text(profile: DocumentProfile | None, province: str) -> str:
    """'Kế hoạch số 14/KH-UBND ngày 20 tháng 01 năm 2026 của Ủy ban nhân dân thành phố Cần Thơ …', or
    '' when the agency has not said which plan it carries out."""
    if profile is None or not profile.plan_number.strip():
        return ""
    text = f"Kế hoạch số {profile.plan_number.strip()}"
    if profile.plan_date:
        text += f" {format_date_vi(profile.plan_date)}"
    text += f" của Ủy ban nhân dân {province}"
    if profile.plan_title.strip():
        text += f" {profile.plan_title.strip()}"
    return text


def snapshot(agency) -> dict[str, Any]:
    profile = DocumentProfile.objects.filter(agency=agency).first() if agency is not None else None
    province = (profile.province if profile is not None else "") or province_of(agency)
    return {
        "province": province,
        "plan": plan_text(profile, province),
        "authority": (profile.authority.strip() if profile is not None else ""),
        "legal_bases": dict(profile.legal_bases) if profile is not None else {},
        "recipients": dict(profile.recipients) if profile is not None else {},
        "wording": dict(profile.wording) if profile is not None else {},
        "director_title": profile.director_title if profile is not None else "Giám đốc",
        "deputy_title": profile.deputy_title if profile is not None else "Phó Giám đốc",
        "treasury": {
            "account": profile.treasury_account if profile is not None else "",
            "name": (profile.treasury_name if profile is not None else "") or "Kho bạc Nhà nước",
            "budget_unit_code": profile.budget_unit_code if profile is not None else "",
        },
    }


def bases_for(profile: dict[str, Any], kind: str) -> list[str]:
    """The 'Căn cứ …' lines of a document of ``kind``: the agency's own list for the kind when it has
    one; else the national texts, the authority (for the director's decisions) and the plan."""
    own = (profile.get("legal_bases") or {}).get(kind)
    if own:
        return [str(line) for line in own]
    lines = list(NATIONAL_BASES.get(kind, []))
    if kind == "assignment_decision" and profile.get("authority"):
        lines.insert(0, profile["authority"])
    if profile.get("plan"):
        lines.append(f"Căn cứ {profile['plan']};")
    return lines


def recipients_for(profile: dict[str, Any], kind: str) -> list[str] | None:
    own = (profile.get("recipients") or {}).get(kind)
    return [str(line) for line in own] if own else DEFAULT_RECIPIENTS.get(kind)
