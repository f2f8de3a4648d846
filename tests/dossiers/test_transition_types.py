"""A transition's JSON fields have the types the OpenAPI document gives them: a list or an object where
text is expected, ``true`` where a number is, is 400 naming the field, never Python's text of it in an
official document. Through the API: ``test_matrix.py``."""

import pytest
from django.core.exceptions import ValidationError

from nangsuat.api.forms import check_json_types
from nangsuat.contracts.forms import ProgressReportForm
from nangsuat.dossiers import workflow

pytestmark = pytest.mark.django_db


FORMS = sorted(workflow.ACTION_FORMS.items()) + [("progress_report", ProgressReportForm)]


@pytest.mark.parametrize(("name", "form_class"), FORMS, ids=[name for name, _f in FORMS])
def test_every_action_field_refuses_lists_and_objects(name, form_class):
    for field in form_class().fields:
        for wrong in (["a", "b"], {"a": 1}):
            with pytest.raises(ValidationError) as exc:
                check_json_types(form_class, {field: wrong}, None)
            assert field in exc.value.message_dict, (name, field)


def test_a_form_body_and_well_typed_json_pass():
    from django.http import QueryDict

    form_class = workflow.ACTION_FORMS["sign_contract"]
    good = {"number": "01", "signed_on": "2026-06-20", "amount_vnd": 5, "deliverables": "x", "note": None}
    check_json_types(form_class, good, None)
    check_json_types(form_class, QueryDict("amount_vnd=5&number=01"), {})  # a multipart form: all text
    check_json_types(None, {"anything": [1]}, None)  # an action without fields
