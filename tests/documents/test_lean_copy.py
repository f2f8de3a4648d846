"""The copy LibreOffice converts keeps the document and the styles it uses, and drops the rest."""

import io
import zipfile

import pytest
from docx import Document as open_docx

from nangsuat.documents.pdf import lean_copy

from .helpers import all_text, docx_of, run_effect

pytestmark = pytest.mark.django_db


def test_the_converted_copy_has_only_the_styles_the_document_uses(dossier, officer):
    document = run_effect("validity_minutes", dossier, officer)
    with document.file.open("rb") as handle:
        original = handle.read()
    copy = lean_copy(original)
    before, after = docx_of(document), open_docx(io.BytesIO(copy))
    assert all_text(after) == all_text(before)
    assert [p.style.name for p in after.paragraphs] == [p.style.name for p in before.paragraphs]
    assert len(after.styles) < len(before.styles) / 4
    assert after.styles["Normal"].font.name == before.styles["Normal"].font.name
    original_parts = zipfile.ZipFile(io.BytesIO(original)).namelist()
    assert zipfile.ZipFile(io.BytesIO(copy)).namelist() == original_parts


def test_a_file_that_is_not_a_docx_is_sent_as_it_is():
    assert lean_copy(b"not a zip") == b"not a zip"
