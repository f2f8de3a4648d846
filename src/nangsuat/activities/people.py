"""Who a participant is, across courses: the plan counts lượt (participations) and people apart.

The rule: a citizen identity number, when given, names the person; without one, the folded full name with
the enterprise's tax code does (two "Nguyễn Văn An" of two enterprises are two people, "NGUYEN VAN AN" and
"Nguyễn Văn An" of one enterprise are one). A person first recorded without a number takes the number the
first time one is given with the same name and enterprise.
"""

import re
from collections.abc import Iterable

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


class PeopleIndex:
    """The people of an agency that some rows may name, loaded in one query (locked for the transaction);
    matches in memory by the rule above, then writes the new and the changed people together. The rows of
    one import batch share an index, so a person twice in a sheet is matched to themselves."""

    def __init__(self, agency: Agency, rows: Iterable[tuple[str, str, str]]):
        """``rows``: (full name, tax code, identity number) of each row to be matched."""
        self.agency = agency
        rows = list(rows)
        keys = {name_key(nfc(name), tax) for name, tax, _number in rows}
        numbers = {number for _n, _t, number in rows if number}
        condition = Q(name_key__in=keys) | Q(identity_number__in=numbers) if numbers else Q(name_key__in=keys)
        people = Person.objects.select_for_update().filter(agency=agency).filter(condition).order_by("pk")
        self.by_number: dict[str, Person] = {}
        self.by_key: dict[str, list[Person]] = {}
        for person in people:
            self._index(person)
        self.new: list[Person] = []
        self.changed: dict[int, set[str]] = {}  # person pk → fields to write

    def _index(self, person: Person) -> None:
        if person.identity_number:
            self.by_number[person.identity_number] = person
        self.by_key.setdefault(person.name_key, []).append(person)

    def match(self, *, full_name: str, tax_code: str, identity_number: str = "", phone: str = "") -> Person:
        full_name = nfc(full_name)
        key = name_key(full_name, tax_code)
        if identity_number:
            person = self.by_number.get(identity_number) or next(
                (p for p in self.by_key.get(key, []) if not p.identity_number), None
            )
        else:
            person = next(iter(self.by_key.get(key, [])), None)
        if person is None:
            person = Person(
                agency=self.agency,
                identity_number=identity_number,
                full_name=full_name,
                name_key=key,
                phone=phone,
            )
            self.new.append(person)
            self._index(person)
            return person
        changes = {
            "full_name": full_name,
            "name_key": key,
            "identity_number": identity_number or person.identity_number,
            "phone": phone or person.phone,
        }
        changed = {field for field, value in changes.items() if getattr(person, field) != value}
        if changed:
            if "name_key" in changed:
                self.by_key[person.name_key].remove(person)
            for field in changed:
                setattr(person, field, changes[field])
            if changed & {"name_key", "identity_number"}:
                if "name_key" in changed:
                    self.by_key.setdefault(person.name_key, []).append(person)
                if person.identity_number:
                    self.by_number[person.identity_number] = person
            if person.pk is not None:
                self.changed.setdefault(person.pk, set()).update(changed)
        return person

    def save(self) -> None:
        """Write the new people (their ids are set) and the changed ones."""
        Person.objects.bulk_create(self.new)
        by_pk = {p.pk: p for people in self.by_key.values() for p in people if p.pk is not None}
        for pk, fields in self.changed.items():
            by_pk[pk].save(update_fields=sorted(fields))
        self.changed = {}


def match_person(
    *, agency: Agency, full_name: str, tax_code: str, identity_number: str = "", phone: str = ""
) -> Person:
    """The person these details name in ``agency`` (created when new: then ``_created`` is set).
    Call inside the writing transaction."""
    index = PeopleIndex(agency, [(full_name, tax_code, identity_number)])
    person = index.match(full_name=full_name, tax_code=tax_code, identity_number=identity_number, phone=phone)
    created = bool(index.new)
    index.save()
    if created:
        person._created = True  # type: ignore[attr-defined]
    return person
