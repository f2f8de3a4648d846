"""Who a participant is across courses: the identity number when given, otherwise the folded full name and
the enterprise's tax code. Participations (lượt) and people are counted apart."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nangsuat.activities import services
from nangsuat.activities.models import Participation, Person
from nangsuat.activities.people import clean_identity_number, match_person, name_key
from nangsuat.core.audit import history_of
from nangsuat.core.roles import Role
from nangsuat.core.text import fold
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory

from .factories import CourseFactory

pytestmark = pytest.mark.django_db

VIETNAMESE_NAMES = st.lists(
    st.sampled_from(
        ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Văn", "Thị", "Đức", "Ánh", "Thủy", "Hương", "An"]
    ),
    min_size=2,
    max_size=4,
).map(" ".join)


def _spellings(name: str) -> list[str]:
    return [name, name.upper(), fold(name), f"  {name}  ", name.replace(" ", "  ")]


@given(name=VIETNAMESE_NAMES, spelling=st.integers(0, 4))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_without_identity_number_one_name_of_one_enterprise_is_one_person(can_tho, name, spelling):
    first = match_person(agency=can_tho, full_name=name, tax_code="1800123456")
    again = match_person(agency=can_tho, full_name=_spellings(name)[spelling], tax_code="1800123456")
    elsewhere = match_person(agency=can_tho, full_name=name, tax_code="1800654321")
    assert again.pk == first.pk
    assert elsewhere.pk != first.pk


@given(names=st.tuples(VIETNAMESE_NAMES, VIETNAMESE_NAMES), number=st.from_regex(r"\A\d{12}\Z"))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_identity_number_names_the_person_whatever_the_name(can_tho, names, number):
    first = match_person(agency=can_tho, full_name=names[0], tax_code="1800123456", identity_number=number)
    renamed = match_person(agency=can_tho, full_name=names[1], tax_code="", identity_number=number)
    assert renamed.pk == first.pk
    other = match_person(
        agency=can_tho,
        full_name=names[0],
        tax_code="1800123456",
        identity_number=f"9{number[1:]}" if number[0] != "9" else f"8{number[1:]}",
    )
    assert other.pk != first.pk


def test_a_person_first_recorded_without_a_number_takes_it_later(can_tho):
    first = match_person(agency=can_tho, full_name="Lê Thị Hoa", tax_code="1800123456")
    later = match_person(
        agency=can_tho, full_name="LÊ THỊ HOA", tax_code="1800123456", identity_number="092190001234"
    )
    assert later.pk == first.pk
    assert Person.objects.get(pk=first.pk).identity_number == "092190001234"


def test_people_of_two_agencies_are_never_matched(can_tho, vinh_long):
    here = match_person(agency=can_tho, full_name="A", tax_code="", identity_number="092190001234")
    there = match_person(agency=vinh_long, full_name="A", tax_code="", identity_number="092190001234")
    assert here.pk != there.pk


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("092 190 001 234", "092190001234"),
        (92190001234, "092190001234"),
        ("", ""),
        ("381234567", "381234567"),
    ],
)
def test_identity_numbers_are_cleaned(raw, clean):
    assert clean_identity_number(raw) == clean


@pytest.mark.parametrize("raw", ["12345", "0921900012345", "abc123456789"])
def test_a_malformed_identity_number_is_refused(raw):
    with pytest.raises(ValidationError) as exc:
        clean_identity_number(raw)
    assert "identity_number" in exc.value.message_dict


def test_name_key_folds_the_name_and_keeps_the_tax_code():
    assert name_key("Nguyễn  Văn Đức", "1800123456") == "nguyen van duc|1800123456"


def test_one_person_attending_two_courses_is_two_participations(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enterprise = EnterpriseFactory(agency=can_tho)
    courses = [CourseFactory(agency=can_tho), CourseFactory(agency=can_tho)]
    for course in courses:
        services.add_participant(
            actor=officer,
            course=course,
            data={"full_name": "Huỳnh Văn Tâm", "tax_code": enterprise.tax_code, "is_manager": True},
        )
    assert Participation.objects.filter(is_manager=True).count() == 2
    assert Participation.objects.values("person").distinct().count() == 1
    assert [e.action for e in history_of(courses[0])] == ["activity.participant_added"]
