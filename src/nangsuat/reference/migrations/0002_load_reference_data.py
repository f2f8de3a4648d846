"""Loads the shipped reference data: 34 provinces, Cần Thơ's 103 commune-level units, VSIC 2018
levels 1–2 and the seed catalogue of support contents. See nangsuat.reference.sources for versions
and legal bases. Rows already present (same code) are updated, never duplicated."""

from django.db import migrations

from nangsuat.core.text import fold, nfc
from nangsuat.reference import sources


def load(apps, schema_editor):
    Province = apps.get_model("reference", "Province")
    Ward = apps.get_model("reference", "Ward")
    VsicCode = apps.get_model("reference", "VsicCode")
    SupportContent = apps.get_model("reference", "SupportContent")

    for row in sources.load(sources.PROVINCES_FILE):
        Province.objects.update_or_create(
            code=row["code"],
            defaults={"name": nfc(row["name"]), "legal_basis": sources.PROVINCES_LEGAL_BASIS},
        )
    for row in sources.load(sources.WARDS_FILE):
        name = nfc(row["name"])
        Ward.objects.update_or_create(
            code=row["code"],
            defaults={
                "province_id": row["province"],
                "name": name,
                "division_type": row["division_type"],
                "name_folded": fold(name),
            },
        )
    for row in sources.load(sources.VSIC_FILE):  # sections come first, so parents exist
        VsicCode.objects.update_or_create(
            code=row["code"],
            defaults={
                "level": row["level"],
                "section": row["section"],
                "parent_id": row["parent"],
                "name": nfc(row["name"]),
                "name_en": row["name_en"],
            },
        )
    for row in sources.load(sources.SUPPORT_CONTENTS_FILE):
        SupportContent.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "group": row["group"],
                "description": row["description"],
                "ordering": row["ordering"],
            },
        )


def unload(apps, schema_editor):
    """Removes only rows nothing refers to; referenced rows stay (PROTECT)."""
    from django.db.models import ProtectedError

    for model, name, key in [
        ("SupportContent", sources.SUPPORT_CONTENTS_FILE, "code"),
        ("Ward", sources.WARDS_FILE, "code"),
        ("VsicCode", sources.VSIC_FILE, "code"),
        ("Province", sources.PROVINCES_FILE, "code"),
    ]:
        Model = apps.get_model("reference", model)
        codes = [row[key] for row in sources.load(name)]
        if model == "VsicCode":
            codes.sort(key=len, reverse=True)  # children before parents
        for code in codes:
            try:
                Model.objects.filter(code=code).delete()
            except ProtectedError:
                pass


class Migration(migrations.Migration):
    dependencies = [("reference", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
