"""Base schemas for request bodies: text is NFC-normalised, control characters refused (PostgreSQL
rejects NUL; nobody types a control character into a name), surrounding spaces stripped. And one way for a
response schema to read a field through a relation (``from_attribute``)."""

import operator
import re
from typing import Any

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import field_validator

from nangsuat.core.text import nfc

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class InputSchema(Schema):
    """Inherit request bodies and query filters from this instead of ``ninja.Schema``."""

    @field_validator("*", mode="before")
    @classmethod
    def _clean_text(cls, value: Any) -> Any:
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
