"""PostgreSQL search support: unaccent and pg_trgm, a trigram GIN index on the folded search column, and a
pattern index for tax-code prefixes. Every step is skipped on other databases (SQLite uses LIKE)."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

from nangsuat.core.migration_ops import postgresql_only

FORWARD = [
    "CREATE INDEX IF NOT EXISTS registry_enterprise_search_trgm "
    "ON registry_enterprise USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS registry_enterprise_tax_code_prefix "
    "ON registry_enterprise (tax_code varchar_pattern_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS registry_enterprise_search_trgm",
    "DROP INDEX IF EXISTS registry_enterprise_tax_code_prefix",
]


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    # CreateExtension operations do nothing on databases other than PostgreSQL.
    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        postgresql_only(FORWARD, BACKWARD),
    ]
