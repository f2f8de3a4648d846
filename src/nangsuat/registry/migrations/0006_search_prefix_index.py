"""PostgreSQL search support (registry.selectors): the words of the folded search text, stored in a column
the database generates (full-text, 'simple' configuration: no stemming, no stop words) with a GIN index,
and the folded text in byte order ("C" collation) per agency, so a search reads the names that start with
the query in order and stops after the first ones. Stored rather than computed in the index: a search
that reads rows in another index's order checks each row's words without recomputing them."""

from django.db import migrations

from nangsuat.core.migration_ops import postgresql_only

FORWARD = [
    "ALTER TABLE registry_enterprise ADD COLUMN IF NOT EXISTS search_words tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED",
    "CREATE INDEX IF NOT EXISTS registry_enterprise_search_words "
    "ON registry_enterprise USING gin (search_words)",
    "CREATE INDEX IF NOT EXISTS registry_enterprise_search_prefix "
    'ON registry_enterprise (agency_id, (search_text COLLATE "C"))',
]
BACKWARD = [
    "DROP INDEX IF EXISTS registry_enterprise_search_words",
    "ALTER TABLE registry_enterprise DROP COLUMN IF EXISTS search_words",
    "DROP INDEX IF EXISTS registry_enterprise_search_prefix",
]


class Migration(migrations.Migration):
    dependencies = [("registry", "0005_leaner_indexes")]

    operations = [postgresql_only(FORWARD, BACKWARD)]
