"""PostgreSQL search indexes (registry.selectors): the words of the folded search text (full-text, 'simple'
configuration: no stemming, no stop words), and the folded text in byte order ("C" collation) per agency,
so a search reads the names that start with the query in order and stops after the first ones."""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS registry_enterprise_search_words "
    "ON registry_enterprise USING gin (to_tsvector('simple'::regconfig, search_text))",
    "CREATE INDEX IF NOT EXISTS registry_enterprise_search_prefix "
    'ON registry_enterprise (agency_id, (search_text COLLATE "C"))',
]
BACKWARD = [
    "DROP INDEX IF EXISTS registry_enterprise_search_words",
    "DROP INDEX IF EXISTS registry_enterprise_search_prefix",
]


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
