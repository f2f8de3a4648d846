"""Operations shared by migrations."""

from collections.abc import Sequence

from django.db import migrations


def postgresql_only(forward: Sequence[str], backward: Sequence[str]) -> migrations.RunPython:
    """Run ``forward`` SQL statements on PostgreSQL (``backward`` when unapplied), nothing elsewhere: the
    indexes and columns SQLite has no counterpart for."""

    def run(statements):
        def apply(apps, schema_editor):
            if schema_editor.connection.vendor != "postgresql":
                return
            for sql in statements:
                schema_editor.execute(sql)

        return apply

    return migrations.RunPython(run(forward), run(backward), elidable=False)
