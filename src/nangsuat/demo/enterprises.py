"""Demo enterprises of Cần Thơ: ~300 with realistic names, valid tax codes, 2–3 years of figures, spread
over wards, VSIC sections and sizes; the demo ``enterprise`` account acts for "Mekong Xanh".
Idempotent: enterprises are matched by tax code, figures by year."""

import random

from django.db import transaction

from nangsuat.core.models import Agency, User
from nangsuat.core.text import fold
from nangsuat.reference.models import Province, VsicCode, Ward
from nangsuat.registry import services
from nangsuat.registry.models import Enterprise, EnterpriseMembership

from . import names
from .accounts import CAN_THO

COUNT = 300
DEMO_ENTERPRISE = {
    "tax_code": "1801234562",
    "name": "Công ty TNHH Chế biến Thực phẩm Mekong Xanh",
    "short_name": "Mekong Xanh",
    "kind": "company",
    "address": "Lô 12 Khu công nghiệp Trà Nóc 1",
    "phone": "0292 3841 234",
    "email": "lienhe@mekongxanh.vn",
    "representative": "Ngô Thị Kim Yến",
    "representative_title": "Giám đốc",
    "bank_account": "0111000123456",
    "bank_name": "Ngân hàng TMCP Ngoại thương Việt Nam",
    "bank_branch": "Chi nhánh Cần Thơ",
}
# Banks with branches in Cần Thơ, for the demo's accounts (the numbers are the demo's own).
BANKS = [
    ("Ngân hàng TMCP Ngoại thương Việt Nam", "Chi nhánh Cần Thơ"),
    ("Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam", "Chi nhánh thành phố Cần Thơ"),
    ("Ngân hàng TMCP Công Thương Việt Nam", "Chi nhánh Cần Thơ"),
    ("Ngân hàng TMCP Đầu tư và Phát triển Việt Nam", "Chi nhánh Cần Thơ"),
]
# (size profile → employees, revenue in tỷ), chosen so each lands in the same size class in both sector
# groups of Nghị định 80/2021; weighted like a province's registry: mostly micro and small enterprises.
PROFILES = [("micro", 6, 2)] * 3 + [("small", 30, 20)] * 4 + [("medium", 85, 150)] * 2 + [("large", 320, 600)]
KINDS = ["company"] * 7 + ["cooperative", "household", "establishment"]
SECTIONS = ["A", "A", "C", "C", "C", "C", "F", "G", "G", "H", "I", "J", "M", "N", "Q", "S"]


def _reference() -> tuple[list[Ward], dict[str, list[VsicCode]]]:
    wards = list(Ward.objects.filter(province_id=CAN_THO["province_code"]).order_by("code"))
    if not wards:  # reference data not loaded: a handful of wards so the demo still runs
        province, _ = Province.objects.get_or_create(
            code=CAN_THO["province_code"], defaults={"name": "Cần Thơ"}
        )
        for i, place in enumerate(["Ninh Kiều", "Cái Răng", "Bình Thủy", "Ô Môn", "Thốt Nốt", "Phong Điền"]):
            ward, _ = Ward.objects.get_or_create(
                code=f"31{i:03d}",
                defaults={
                    "province": province,
                    "name": f"Phường {place}",
                    "division_type": "phường",
                    "name_folded": fold(f"Phường {place}"),
                },
            )
            wards.append(ward)
    vsic: dict[str, list[VsicCode]] = {}
    for code in VsicCode.objects.filter(level__gte=2).order_by("code"):
        vsic.setdefault(code.section, []).append(code)
    if not vsic:
        for section, code, name in [
            ("A", "01", "Nông nghiệp"),
            ("C", "10", "Sản xuất chế biến thực phẩm"),
            ("G", "46", "Bán buôn"),
        ]:
            top, _ = VsicCode.objects.get_or_create(
                code=section, defaults={"level": 1, "section": section, "name": name}
            )
            vsic[section] = [
                VsicCode.objects.get_or_create(
                    code=code, defaults={"level": 2, "section": section, "parent": top, "name": name}
                )[0]
            ]
    return wards, vsic


def _tax_code(i: int, kind: str) -> str:
    if kind in ("household", "establishment"):
        return names.personal_number(80_001_000 + i)
    return names.tax_code(1_230_000 + i)


def _figures(
    rng: random.Random, profile: tuple[str, int, int], years: int
) -> list[tuple[int, int, int, int]]:
    _size, employees, revenue_ty = profile
    rows = []
    for offset in range(years):
        factor = 1 + 0.08 * (years - offset - 1) * rng.uniform(-0.5, 1)
        emp = max(1, int(employees * rng.uniform(0.8, 1.1) / factor))
        revenue = int(revenue_ty * 1_000_000_000 * rng.uniform(0.7, 1.0) / factor) // 1_000_000 * 1_000_000
        capital = int(revenue * rng.uniform(0.3, 0.9)) // 1_000_000 * 1_000_000
        rows.append((2025 - offset, emp, revenue, capital))
    return rows


def _ensure(agency: Agency, actor: User | None, data: dict, figures) -> tuple[Enterprise, bool]:
    enterprise = Enterprise.objects.filter(agency=agency, tax_code=data["tax_code"]).first()
    created = enterprise is None
    if created:
        enterprise = services.create_enterprise(actor=actor, agency=agency, data=data)
    have = set(enterprise.years.values_list("year", flat=True))
    for year, employees, revenue, capital in figures:
        if year not in have:
            services.set_year_figures(
                actor=actor,
                enterprise=enterprise,
                year=year,
                employees=employees,
                revenue_vnd=revenue,
                capital_vnd=capital,
            )
    return enterprise, created


@transaction.atomic
def seed(out) -> None:
    agency = Agency.objects.get(code=CAN_THO["code"])
    officer = User.objects.filter(username="officer").first()
    wards, vsic = _reference()
    rng = random.Random(1322)
    sections = [s for s in SECTIONS if s in vsic] or list(vsic)
    created = 0
    food = vsic.get("C", next(iter(vsic.values())))[0]
    mekong, made = _ensure(
        agency,
        officer,
        {**DEMO_ENTERPRISE, "vsic": food, "ward": wards[0]},
        [
            (2025, 85, 62_000_000_000, 18_000_000_000),
            (2024, 78, 54_500_000_000, 16_000_000_000),
            (2023, 70, 47_000_000_000, 15_000_000_000),
        ],
    )
    created += made
    for i in range(COUNT - 1):
        kind = rng.choice(KINDS)
        section = rng.choice(sections)
        profile = PROFILES[0] if kind in ("household", "establishment") else rng.choice(PROFILES)
        ward = rng.choice(wards)
        data = {
            "tax_code": _tax_code(i, kind),
            "name": names.enterprise_name(rng, kind=kind, section=section),
            "kind": kind,
            "vsic": rng.choice(vsic[section]),
            "ward": ward,
            "address": f"{names.street_address(rng)}, {ward.name}",
            "phone": f"0292 38{rng.randint(10000, 99999)}",
            "representative": names.person_name(rng),
            "representative_title": "Giám đốc"
            if kind == "company"
            else "Chủ nhiệm"
            if kind == "cooperative"
            else "Chủ hộ",
            "bank_account": f"{rng.randint(10, 99)}{i:010d}",
            "bank_name": (bank := rng.choice(BANKS))[0],
            "bank_branch": bank[1],
        }
        figures = _figures(rng, profile, rng.choice((2, 3)))
        _e, made = _ensure(agency, officer, data, figures)
        created += made
    user = User.objects.filter(username="enterprise").first()
    if user is not None:
        EnterpriseMembership.objects.update_or_create(
            user=user,
            enterprise=mekong,
            defaults={"status": EnterpriseMembership.Status.CONFIRMED, "decided_by": officer},
        )
        if not mekong.contacts.exists():
            services.add_contact(
                actor=officer,
                enterprise=mekong,
                data={
                    "full_name": "Ngô Thị Kim Yến",
                    "position": "Giám đốc",
                    "phone": "0909 123 456",
                    "email": user.email,
                },
            )
    out.write(f"doanh nghiệp: {Enterprise.objects.filter(agency=agency).count()} (thêm mới {created})")
