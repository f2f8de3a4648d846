"""The deadline rush: a submission holds no counter while it draws its receipt slip. The tracking code
is taken in a statement of its own (PostgreSQL), and the slip is drawn before its register number is
taken; numbers stay unique and the register stays without gaps."""

import threading

import pytest
from django.conf import settings
from django.db import connection

from nangsuat.documents.models import Document, DocumentKind
from nangsuat.documents.services import NUMBER_MARK, put_number
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State
from nangsuat.dossiers.tracking_codes import close_own_connection
from tests.dossiers.factories import make_call, make_dossier
from tests.registry.factories import EnterpriseFactory, enterprise_user

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def test_the_number_mark_is_replaced_in_the_drawn_document():
    import io
    import zipfile

    from docx import Document as Docx

    book = Docx()
    book.add_paragraph(f"Số: {NUMBER_MARK}")
    raw = io.BytesIO()
    book.save(raw)
    filled = put_number(raw.getvalue(), "07/TNHS-SKHCN")
    xml = zipfile.ZipFile(io.BytesIO(filled)).read("word/document.xml").decode()
    assert "Số: 07/TNHS-SKHCN" in xml and NUMBER_MARK not in xml


@pytest.mark.skipif(not ON_POSTGRES, reason="the tracking code's own statement is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_get_unique_codes_and_a_register_without_gaps(can_tho, settings):
    settings.TRACKING_CODES_OWN_TRANSACTION = True
    call = make_call(agency=can_tho)
    people = []
    for _ in range(6):
        enterprise = EnterpriseFactory(agency=can_tho)
        people.append((make_dossier(call=call, enterprise=enterprise), enterprise_user(enterprise)))
    start = threading.Barrier(len(people))
    errors = []

    def submit(dossier, user):
        try:
            start.wait()
            workflow.perform(dossier=dossier, action="submit", actor=user)
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)
        finally:
            close_own_connection()
            connection.close()

    threads = [threading.Thread(target=submit, args=pair) for pair in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    dossiers = Dossier.objects.filter(pk__in=[d.pk for d, _u in people])
    assert all(d.state == State.SUBMITTED for d in dossiers)
    codes = [d.tracking_code for d in dossiers]
    assert len(set(codes)) == 6
    slips = Document.objects.filter(kind=DocumentKind.RECEIPT_SLIP, dossier__in=dossiers)
    assert sorted(slips.values_list("sequence", flat=True)) == [1, 2, 3, 4, 5, 6]
