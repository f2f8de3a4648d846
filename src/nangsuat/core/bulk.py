"""Bulk inserts for large imports: PostgreSQL's ``COPY … FROM STDIN`` for rows already validated, with their
edit history; ``bulk_create`` on other databases.

Django's ``bulk_create`` spends most of its time preparing each value and binding the statement, and
simple-history builds a second model instance per row for the history; ``COPY`` streams plain tuples in
PostgreSQL's own format. The caller's transaction covers the whole write, as with ``bulk_create``; model
signals are not sent (``bulk_create`` does not send them either).
"""

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

# Field types whose Python value psycopg writes as is; any other goes through get_db_prep_save.
_PLAIN = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "CharField",
        "TextField",
        "EmailField",
        "URLField",
        "SlugField",
        "IntegerField",
        "BigIntegerField",
        "SmallIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "PositiveBigIntegerField",
        "BooleanField",
        "DateField",
        "DateTimeField",
        "ForeignKey",
        "OneToOneField",
    }
)


def uses_copy() -> bool:
    return connection.vendor == "postgresql"


def allocate_ids(model: type[models.Model], count: int) -> list[int]:
    """Take ``count`` primary keys from the table's sequence, so rows written by COPY can be referred to."""
    if count <= 0:
        return []
    pk = model._meta.pk
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def copy_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    quote = connection.ops.quote_name
    statement = f"COPY {quote(table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def _value_getters(fields: Sequence[models.Field]):
    getters = []
    for field in fields:
        if field.get_internal_type() in _PLAIN:
            getters.append(lambda obj, name=field.attname: getattr(obj, name))
        else:
            getters.append(
                lambda obj, f=field: f.get_db_prep_save(getattr(obj, f.attname), connection=connection)
            )
    return getters


def insert(model: type[models.Model], objs: list[models.Model]) -> None:
    """Insert ``objs``: COPY on PostgreSQL (primary keys taken from the sequence and set on the objects),
    ``bulk_create`` elsewhere. ``auto_now``/``auto_now_add`` fields are filled as ``save()`` would."""
    if not objs:
        return
    if not uses_copy():
        model.objects.bulk_create(objs, batch_size=len(objs))
        return
    now = timezone.now()
    for field in model._meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for obj in objs:
                setattr(obj, field.attname, now)
    if any(obj.pk is None for obj in objs):
        for obj, pk in zip(objs, allocate_ids(model, len(objs)), strict=True):
            obj.pk = pk
    fields = list(model._meta.concrete_fields)
    getters = _value_getters(fields)
    copy_rows(
        model._meta.db_table,
        [f.column for f in fields],
        (tuple(get(obj) for get in getters) for obj in objs),
    )


def insert_with_history(model: type[models.Model], objs: list[models.Model], *, user=None) -> None:
    """``insert`` and one "created" history row per object, as simple-history's bulk_create_with_history
    writes them (same date, user and empty change reason)."""
    if not objs:
        return
    if not uses_copy():
        bulk_create_with_history(objs, model, batch_size=len(objs), default_user=user)
        return
    insert(model, objs)
    history = model.history.model
    tracked = list(history.tracked_fields)
    getters = _value_getters(tracked)
    now = timezone.now()
    user_id = user.pk if user is not None else None
    columns = [history._meta.get_field(f.name).column for f in tracked]
    columns += ["history_date", "history_change_reason", "history_type", "history_user_id"]
    copy_rows(
        history._meta.db_table,
        columns,
        ((*(get(obj) for get in getters), now, "", "+", user_id) for obj in objs),
    )
