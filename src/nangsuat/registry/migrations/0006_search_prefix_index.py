"""PostgreSQL: the folded search text in byte order ("C" collation) per agency, so a search reads the
names that start with the query in order, and stops after the first ones (registry.selectors)."""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS registry_enterprise_search_prefix "
    'ON registry_enterprise (agency_id, (search_text COLLATE "C"))',
]
BACKWARD = ["DROP INDEX IF EXISTS registry_enterprise_search_prefix"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("registry", "0005_leaner_indexes")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
