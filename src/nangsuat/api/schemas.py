"""Base schemas for request bodies: text is NFC-normalised, control characters refused (PostgreSQL
rejects NUL; nobody types a control character into a name), surrounding spaces stripped, ``true`` and
``false`` refused where a number is expected (pydantic would read them as 1 and 0). The bounded types of
ids (``Id``) and dates (``PlausibleDate``). And one way for a response schema to read a field through a
relation (``from_attribute``)."""

import datetime as dt
import operator
import re
import types
import typing
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, field_validator

from nangsuat.core.dates import validate_plausible_date
from nangsuat.core.text import nfc

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_ID = 2**63 - 1  # the primary keys' type, a 64-bit integer: a larger id fails in the database


def _not_a_number() -> str:
    return _("Phải là một số, không phải true hoặc false.")


def _takes_numbers_not_bools(annotation: Any) -> bool:
    if annotation in (int, float):
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = typing.get_args(annotation)
        return bool not in members and any(_takes_numbers_not_bools(m) for m in members)
    return False


def _no_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError(_not_a_number())
    return value


def _plausible(value: dt.date) -> dt.date:
    try:
        validate_plausible_date(value)
    except ValidationError as exc:
        raise ValueError(exc.messages[0]) from None
    return value


Id = Annotated[int, BeforeValidator(_no_bool), Field(ge=1, le=MAX_ID)]
PlausibleDate = Annotated[dt.date, AfterValidator(_plausible)]


class InputSchema(Schema):
    """Inherit request bodies and query filters from this instead of ``ninja.Schema``."""

    @field_validator("*", mode="before")
    @classmethod
    def _clean_text(cls, value: Any, info: ValidationInfo) -> Any:
        field = cls.model_fields.get(info.field_name or "")
        if isinstance(value, bool) and field is not None and _takes_numbers_not_bools(field.annotation):
            raise ValueError(_not_a_number())
        if isinstance(value, str):
            if _CONTROL.search(value):
                raise ValueError(_("Không được chứa ký tự điều khiển."))
            return nfc(value.strip())
        return value


def from_attribute(path: str) -> staticmethod:
    """A response field's resolver that reads ``path`` (dotted through relations) from the object:
    ``resolve_ward_name = from_attribute("ward.name")``."""
    getter = operator.attrgetter(path)

    def resolve(obj: Any) -> Any:
        return getter(obj)

    return staticmethod(resolve)
