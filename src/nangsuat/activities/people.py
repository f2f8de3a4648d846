"""Who a participant is, across courses: the plan counts lượt (participations) and people apart.

The rule: a citizen identity number, when given, names the person; without one, the folded full name with
the enterprise's tax code does (two "Nguyễn Văn An" of two enterprises are two people, "NGUYEN VAN AN" and
"Nguyễn Văn An" of one enterprise are one). A person first recorded without a number takes the number the
first time one is given with the same name and enterprise.
"""

import re

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from nangsuat.core.models import Agency
from nangsuat.core.text import fold, nfc

from .models import Person

# Căn cước (Luật Căn cước 2023): the 12-digit personal identification number; the old 9-digit identity
# card number is still found on older attendance sheets.
IDENTITY_NUMBER = re.compile(r"^(\d{9}|\d{12})$")


def clean_identity_number(value: object) -> str:
    """The identity number without spaces or dots; '' when none is given. Refuses any other shape."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        value = digits.zfill(12) if len(digits) == 11 else digits  # a leading zero lost by Excel
    text = re.sub(r"[\s.]", "", str(value or ""))
    if text and not IDENTITY_NUMBER.match(text):
        raise ValidationError(
            {"identity_number": _("Số định danh cá nhân (CCCD) gồm 12 chữ số (hoặc 9 chữ số của CMND cũ).")}
        )
    return text


def name_key(full_name: str, tax_code: str) -> str:
    """The key of a person without an identity number: folded name and the enterprise's tax code."""
    return f"{fold(full_name)}|{tax_code or ''}"


def match_person(
    *, agency: Agency, full_name: str, tax_code: str, identity_number: str = "", phone: str = ""
) -> Person:
    """The person these details name in ``agency`` (created when new; ``_state.adding`` was True then).
    Call inside the writing transaction."""
    full_name = nfc(full_name)
    key = name_key(full_name, tax_code)
    people = Person.objects.select_for_update().filter(agency=agency)
    if identity_number:
        # One query for both: the person with the number, else one of the name without a number.
        candidates = list(
            people.filter(Q(identity_number=identity_number) | Q(name_key=key, identity_number="")).order_by(
                "pk"
            )
        )
        person = next((p for p in candidates if p.identity_number == identity_number), None) or next(
            iter(candidates), None
        )
    else:
        person = people.filter(name_key=key).order_by("pk").first()
    if person is None:
        person = Person(
            agency=agency, identity_number=identity_number, full_name=full_name, name_key=key, phone=phone
        )
        person.save()
        person._created = True  # type: ignore[attr-defined]
        return person
    changes = {
        "full_name": full_name,
        "name_key": key,
        "identity_number": identity_number or person.identity_number,
    }
    if phone:
        changes["phone"] = phone
    changed = [field for field, value in changes.items() if getattr(person, field) != value]
    for field in changed:
        setattr(person, field, changes[field])
    if changed:
        person.save(update_fields=changed)
    return person
