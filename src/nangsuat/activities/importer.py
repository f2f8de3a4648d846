"""Import of an attendance sheet (danh sách học viên) into a course, as officers keep them in Excel.

Each row is one participant; the enterprise is matched to the registry by tax code (an unknown one is added
when the row gives its name, VSIC code and ward), the person by ``people.match_person``. A person already on
the course is left as it is, so importing the same sheet again adds nothing. Bad rows are reported with
their row number, column and message; the good ones are written.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from nangsuat.core.models import User
from nangsuat.core.text import fold, nfc
from nangsuat.registry.importer import ImportResult, RowError, check_workbook
from nangsuat.registry.models import Enterprise

from .models import Course, Participation
from .people import PeopleIndex
from .services import clean_participant, resolve_enterprise


@dataclass(frozen=True)
class Column:
    key: str
    header: Any  # lazy translation
    required: bool = False
    example: str = ""
    aliases: tuple[str, ...] = ()


COLUMNS = [
    Column("full_name", gettext_lazy("Họ và tên"), True, "Nguyễn Thị Mai", ("ho ten", "ho va ten hoc vien")),
    Column("position", gettext_lazy("Chức vụ"), False, "Phó Giám đốc"),
    Column(
        "is_manager", gettext_lazy("Cán bộ quản lý"), False, "x", ("can bo quan ly doanh nghiep", "quan ly")
    ),
    Column("tax_code", gettext_lazy("Mã số thuế"), False, "1800123456", ("mst", "ma so thue doanh nghiep")),
    Column(
        "enterprise_name",
        gettext_lazy("Tên doanh nghiệp"),
        False,
        "Công ty TNHH Thủy sản Cửu Long",
        ("don vi", "doanh nghiep", "don vi cong tac"),
    ),
    Column("vsic_code", gettext_lazy("Mã ngành VSIC"), False, "10"),
    Column("ward_code", gettext_lazy("Mã xã/phường"), False, "31117"),
    Column(
        "identity_number",
        gettext_lazy("Số CCCD"),
        False,
        "092190001234",
        ("cccd", "so dinh danh", "so dinh danh ca nhan", "cmnd/cccd"),
    ),
    Column("phone", gettext_lazy("Điện thoại"), False, "0909123456", ("so dien thoai", "sdt")),
    Column("attended", gettext_lazy("Có tham dự"), False, "x", ("tham du", "co mat")),
    Column(
        "certificate_number",
        gettext_lazy("Số chứng nhận"),
        False,
        "CN-2026-001",
        ("so giay chung nhan", "so chung chi"),
    ),
]
BATCH_SIZE = 500  # rows per transaction: a commit per row would cost more than the row itself
YES = {"x", "co", "1", "yes", "true", "v", "dat"}
NO = {"", "khong", "0", "no", "false", "vang"}


def _header_keys(headers: Iterable[Any]) -> list[str | None]:
    by_folded: dict[str, str] = {}
    for c in COLUMNS:
        by_folded[fold(str(c.header))] = c.key
        by_folded[c.key] = c.key
        for alias in c.aliases:
            by_folded[alias] = c.key
    return [by_folded.get(fold(str(h or "")).strip(" :*")) for h in headers]


def read_sheet(stream: Any, filename: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number as the user sees it, {column key: raw value}) of the first sheet. The header row is the
    first with a "Họ và tên" cell (a title and the course's name may sit above it)."""
    check_workbook(stream, filename)
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable file gets the same message
        raise ValidationError(_("Không đọc được tệp Excel (.xlsx).")) from None
    try:
        keys: list[str | None] | None = None
        for number, values in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            if keys is None:
                found = _header_keys(values)
                if "full_name" in found:
                    keys = found
                elif number >= 20:
                    break
                continue
            record = {k: v for k, v in zip(keys, values, strict=False) if k}
            if any(v not in (None, "") for v in record.values()):
                yield number, record
        if keys is None:
            raise ValidationError(_("Không tìm thấy dòng tiêu đề có cột “Họ và tên”."))
    finally:
        book.close()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def _tax_text(value: Any) -> str:
    # Excel drops the leading zero when a tax code is typed as a number.
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        return digits.zfill(10) if len(digits) == 9 else digits.zfill(12) if len(digits) == 11 else digits
    return _text(value)


def _flag(value: Any, *, default: bool) -> bool | None:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    word = fold(_text(value))
    if word in YES:
        return True
    if word in NO:
        return False
    return None


def row_data(record: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """A sheet row as the participant form's data, with the errors of the yes/no columns."""
    errors: list[tuple[str, str]] = []
    data: dict[str, Any] = {}
    for column in COLUMNS:
        raw = record.get(column.key)
        if column.key in ("is_manager", "attended"):
            flag = _flag(raw, default=column.key == "attended")
            if flag is None:
                errors.append((column.key, _("Ghi “x” (có) hoặc để trống (không).")))
            data[column.key] = bool(flag)
        elif column.key == "tax_code":
            data[column.key] = _tax_text(raw)
        elif column.key == "identity_number" and isinstance(raw, int | float) and not isinstance(raw, bool):
            data[column.key] = raw  # the cleaning restores a leading zero Excel dropped
        else:
            data[column.key] = _text(raw)
    return data, errors


def import_rows(
    rows: Iterable[tuple[int, dict[str, Any]]],
    *,
    course: Course,
    actor: User | None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportResult:
    """Validate and write each row; returns the counts and the row errors (``registry.importer``'s shape:
    ``created`` participations added, ``unchanged`` ones already on the course). A batch is one transaction:
    its rows cleaned one by one, its people matched together (``people.PeopleIndex``, the same rule as one
    by one), its new people and participations written together. A bad row is reported and leaves the
    others written."""
    result = ImportResult()
    enterprises: dict[str, Enterprise | None] = {}  # tax code as written → registry entry, once per import
    batch: list[tuple[int, dict[str, Any]]] = []
    for number, record in rows:
        batch.append((number, record))
        if len(batch) >= batch_size:
            _write_batch(batch, course=course, actor=actor, result=result, enterprises=enterprises)
            batch = []
            if progress:
                progress(result.total)
    _write_batch(batch, course=course, actor=actor, result=result, enterprises=enterprises)
    if progress:
        progress(result.total)
    return result


@transaction.atomic
def _write_batch(
    batch: list[tuple[int, dict[str, Any]]],
    *,
    course: Course,
    actor: User | None,
    result: ImportResult,
    enterprises: dict[str, Enterprise | None],
) -> None:
    headers = {c.key: str(c.header) for c in COLUMNS}
    good: list[tuple[dict[str, Any], Enterprise | None]] = []
    for number, record in batch:
        result.total += 1
        errors = _clean_row(record, course=course, actor=actor, enterprises=enterprises, good=good)
        result.errors += [RowError(number, headers.get(k, k), m, _text(record.get(k))) for k, m in errors]
    if not good:
        return
    people = PeopleIndex(
        course.agency,
        [(c["full_name"], e.tax_code if e else "", c["identity_number"]) for c, e in good],
    )
    matched = [
        people.match(
            full_name=c["full_name"],
            tax_code=e.tax_code if e else "",
            identity_number=c["identity_number"],
            phone=c["phone"],
        )
        for c, e in good
    ]
    people.save()
    on_course = set(
        course.participations.filter(person__in=[p.pk for p in matched], deleted_at__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    new = []
    for (cleaned, enterprise), person in zip(good, matched, strict=True):
        if person.pk in on_course:
            result.unchanged += 1
            continue
        on_course.add(person.pk)
        new.append(
            Participation(
                course=course,
                person=person,
                full_name=cleaned["full_name"],
                position=cleaned["position"],
                is_manager=bool(cleaned["is_manager"]),
                enterprise=enterprise,
                attended=bool(cleaned["attended"]),
                certificate_number=cleaned["certificate_number"],
                created_by=actor,
            )
        )
    Participation.objects.bulk_create(new)
    result.created += len(new)


def _clean_row(
    record: dict[str, Any],
    *,
    course: Course,
    actor: User | None,
    enterprises: dict[str, Enterprise | None],
    good: list[tuple[dict[str, Any], Enterprise | None]],
) -> list[tuple[str, str]]:
    """Clean one row into ``good`` (its values and enterprise), or return its errors. A new enterprise is
    written by the registry's service, in its own savepoint."""
    data, errors = row_data(record)
    if errors:
        return errors
    try:
        cleaned = clean_participant(data)
        key = data["tax_code"]
        if key not in enterprises:
            enterprises[key] = resolve_enterprise(actor=actor, agency=course.agency, data=data)  # type: ignore[arg-type]
    except ValidationError as exc:
        return [(k, m) for k, msgs in exc.message_dict.items() for m in msgs]
    good.append((cleaned, enterprises[key]))
    return []
