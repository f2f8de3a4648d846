"""Numbers run per agency, year and series, with a leading zero, and are never given twice."""

import threading

import pytest
from django.db import close_old_connections, connection, transaction
from hypothesis import given
from hypothesis import strategies as st

from nangsuat.documents.models import DocumentCounter, DocumentKind
from nangsuat.documents.numbering import allocate_number, format_number, suggest_number

pytestmark = pytest.mark.django_db


def test_numbers_follow_each_series(can_tho, vinh_long):
    first = allocate_number(agency=can_tho, kind=DocumentKind.RECEIPT_SLIP, year=2027)
    second = allocate_number(agency=can_tho, kind=DocumentKind.RECEIPT_SLIP, year=2027)
    assert (first.number, second.number) == ("01/TNHS-SKHCN", "02/TNHS-SKHCN")
    assert (
        allocate_number(agency=can_tho, kind=DocumentKind.SUPPORT_CONTRACT, year=2027).number == "01/HĐ-SKHCN"
    )
    assert (
        allocate_number(agency=can_tho, kind=DocumentKind.RECEIPT_SLIP, year=2028).number == "01/TNHS-SKHCN"
    )
    assert (
        allocate_number(agency=vinh_long, kind=DocumentKind.RECEIPT_SLIP, year=2027).number == "01/TNHS-SKHCN"
    )
    assert (
        allocate_number(agency=can_tho, kind=DocumentKind.COUNCIL_MINUTES, year=2027).number == "01/BB-HĐTV"
    )
    assert suggest_number(agency=can_tho, kind=DocumentKind.RECEIPT_SLIP, year=2027) == "03/TNHS-SKHCN"


def test_leading_zero_only_below_ten():
    assert format_number(7, "QĐ-SKHCN") == "07/QĐ-SKHCN"
    assert format_number(23, "QĐ-SKHCN") == "23/QĐ-SKHCN"
    assert format_number(123, "QĐ-SKHCN") == "123/QĐ-SKHCN"


def test_a_rolled_back_step_gives_its_number_back_unused(can_tho):
    with pytest.raises(RuntimeError), transaction.atomic():
        allocate_number(agency=can_tho, kind=DocumentKind.RECEIPT_SLIP, year=2027)
        raise RuntimeError("the step failed")
    assert (
        allocate_number(agency=can_tho, kind=DocumentKind.RECEIPT_SLIP, year=2027).number == "01/TNHS-SKHCN"
    )


@pytest.mark.django_db(transaction=True)
def test_concurrent_allocations_never_share_a_number(can_tho):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; SQLite serialises writers anyway")
    numbers: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def worker():
        try:
            start.wait()
            for _ in range(5):
                with transaction.atomic():
                    numbers.append(
                        allocate_number(agency=can_tho, kind=DocumentKind.RECEIPT_SLIP, year=2027).number
                    )
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(numbers) == 40 and len(set(numbers)) == 40
    assert DocumentCounter.objects.get(agency=can_tho, year=2027, series="TNHS-SKHCN").last_number == 40


@given(st.integers(min_value=1, max_value=99_999))
def test_number_format_property(sequence):
    number = format_number(sequence, "QĐ-SKHCN")
    head, series = number.split("/", 1)
    assert series == "QĐ-SKHCN" and int(head) == sequence
    assert len(head) == max(2, len(str(sequence)))  # a leading zero below 10 only


def test_a_typed_number_in_the_series_moves_the_counter(can_tho):
    from nangsuat.documents.numbering import register_given_number

    given = register_given_number(
        agency=can_tho, kind=DocumentKind.SUPPORT_CONTRACT, year=2027, number="07/HĐ-SKHCN"
    )
    assert (given.series, given.sequence) == ("HĐ-SKHCN", 7)
    assert (
        allocate_number(agency=can_tho, kind=DocumentKind.SUPPORT_CONTRACT, year=2027).number == "08/HĐ-SKHCN"
    )
    other = register_given_number(
        agency=can_tho, kind=DocumentKind.SUPPORT_CONTRACT, year=2027, number="01/2027/HĐ"
    )
    assert other.number == "01/2027/HĐ" and other.series == "HĐ-SKHCN#"
