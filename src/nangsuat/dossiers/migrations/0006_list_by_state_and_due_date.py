"""A state's dossiers by due date, either way: the ascending index in the model, the descending ones
(due_on or submitted_at DESC NULLS LAST, id DESC, as the list sorts them) on PostgreSQL only — SQLite indexes take no
NULLS LAST, and its lists are small."""

from django.db import migrations, models

# Newest first with the undated last (DESC NULLS LAST), as the list sorts a nullable column.
DESCENDING = {
    "dossier_state_due_desc": '"agency_id", "state", "due_on" DESC NULLS LAST, "id" DESC',
    "dossier_due_desc": '"agency_id", "due_on" DESC NULLS LAST, "id" DESC',
    "dossier_submitted_desc": '"agency_id", "submitted_at" DESC NULLS LAST, "id" DESC',
}


def create_descending(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, columns in DESCENDING.items():
            schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "dossiers_dossier" ({columns})')


def drop_descending(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in DESCENDING:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0005_case_file_protected"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="dossier",
            index=models.Index(fields=["agency", "state", "due_on", "id"], name="dossier_state_due"),
        ),
        migrations.RunPython(create_descending, drop_descending, elidable=False),
    ]
