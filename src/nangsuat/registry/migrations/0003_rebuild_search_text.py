"""Rebuild the folded search column in its current shape (name | tax codes | address), in batches."""

from django.db import migrations


def rebuild(apps, schema_editor):
    from nangsuat.registry.services import build_search_text

    Enterprise = apps.get_model("registry", "Enterprise")
    batch = []
    for e in Enterprise.objects.only("id", "name", "short_name", "tax_code", "address").iterator(chunk_size=2000):
        e.search_text = build_search_text(name=e.name, tax_code=e.tax_code, address=e.address, short_name=e.short_name)
        batch.append(e)
        if len(batch) == 2000:
            Enterprise.objects.bulk_update(batch, ["search_text"])
            batch = []
    if batch:
        Enterprise.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_search_extensions")]
    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop, elidable=True)]
