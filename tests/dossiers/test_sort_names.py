"""The dossier keeps copies of its enterprise's and content's names, which the list sorts on: they are
filled when the dossier is written and follow a renamed enterprise (edited or imported) or content."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.selectors import DossierFilters, dossiers_for_user
from nangsuat.reference.models import SupportContent, Ward
from nangsuat.registry.importer import import_records, read_table
from nangsuat.registry.models import Enterprise
from nangsuat.registry.services import update_enterprise
from tests.reference.factories import SupportContentFactory
from tests.registry.factories import EnterpriseFactory
from tests.registry.test_import import csv_bytes, row

from .factories import make_dossier

pytestmark = pytest.mark.django_db


def names(dossier):
    dossier.refresh_from_db()
    return dossier.enterprise_name, dossier.content_name


def test_written_with_the_dossier(call):
    enterprise = EnterpriseFactory(agency=call.agency, name="Công ty An Phát")
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    assert names(dossier) == ("Công ty An Phát", dossier.content.name)


def test_follow_an_enterprise_edited(call, officer):
    enterprise = EnterpriseFactory(agency=call.agency, name="Công ty An Phát")
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    update_enterprise(enterprise=enterprise, actor=officer, data={"name": "Công ty Zêta"})
    assert names(dossier)[0] == "Công ty Zêta"


def test_follow_an_enterprise_renamed_by_the_import(call, officer):
    enterprise = EnterpriseFactory(agency=call.agency, name="Công ty An Phát")
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    data = csv_bytes([row(enterprise.tax_code, name="Công ty Ánh Dương")])
    result = import_records(read_table(io.BytesIO(data), "a.csv"), agency=call.agency, actor=officer)
    assert result.updated == 1
    assert names(dossier)[0] == "Công ty Ánh Dương"


def test_follow_a_content_renamed(call):
    dossier = make_dossier(call=call, state="submitted")
    content = dossier.content
    content.name = "Áp dụng Lean (đổi tên)"
    content.save()
    assert names(dossier)[1] == "Áp dụng Lean (đổi tên)"


def test_the_list_sorts_on_the_copies_after_a_rename(call, officer):
    first = make_dossier(
        call=call, enterprise=EnterpriseFactory(agency=call.agency, name="Công ty An"), state="submitted"
    )
    second = make_dossier(
        call=call, enterprise=EnterpriseFactory(agency=call.agency, name="Công ty Bình"), state="submitted"
    )
    update_enterprise(enterprise=first.enterprise, actor=officer, data={"name": "Công ty Xuân"})
    listed = dossiers_for_user(user=officer, filters=DossierFilters(sort="enterprise"))
    assert [d.pk for d in listed] == [second.pk, first.pk]


def test_a_changed_content_is_copied(call):
    other = SupportContentFactory(name="Áp dụng 5S")
    dossier = make_dossier(call=call, state="submitted")
    loaded = Dossier.objects.get(pk=dossier.pk)
    loaded.content_id = other.pk
    loaded.save()
    assert names(dossier)[1] == "Áp dụng 5S"


def test_the_ward_filter_follows_an_enterprise_that_moves(call, officer):
    enterprise = EnterpriseFactory(agency=call.agency)
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    old = enterprise.ward_id
    new = Ward.objects.filter(province_id=call.agency.province_code).exclude(code=old).first().code

    def listed(ward):
        return [d.pk for d in dossiers_for_user(user=officer, filters=DossierFilters(ward=ward))]

    assert listed(old) == [dossier.pk] and listed(new) == []
    update_enterprise(enterprise=enterprise, actor=officer, data={"ward": new})
    assert listed(old) == [] and listed(new) == [dossier.pk]


def _statements_on(queries, table: str) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if f'"{table}"' in q["sql"]]


def test_an_enterprise_saved_unchanged_leaves_the_dossiers_alone(call):
    enterprise = EnterpriseFactory(agency=call.agency, name="Công ty An Phát")
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    loaded = Enterprise.objects.get(pk=enterprise.pk)
    loaded.short_name = "An Phát"
    with CaptureQueriesContext(connection) as queries:
        loaded.save()
    assert _statements_on(queries, Dossier._meta.db_table) == []
    loaded.name = "Công ty Zêta"
    loaded.save()
    assert names(dossier)[0] == "Công ty Zêta"
    with CaptureQueriesContext(connection) as queries:
        loaded.save()  # the rename is written: saved again, nothing follows
    assert _statements_on(queries, Dossier._meta.db_table) == []


def test_a_dossier_saved_whole_reads_no_name_again(call):
    dossier = make_dossier(call=call, state="submitted")
    loaded = Dossier.objects.get(pk=dossier.pk)
    loaded.title = "Tên mới"
    with CaptureQueriesContext(connection) as queries:
        loaded.save()
    assert _statements_on(queries, SupportContent._meta.db_table) == []
    assert _statements_on(queries, Enterprise._meta.db_table) == []
    assert names(dossier) == (dossier.enterprise.name, dossier.content.name)


def test_a_dossier_moved_to_another_enterprise_copies_its_name(call):
    dossier = make_dossier(call=call, state="submitted")
    other = EnterpriseFactory(agency=call.agency, name="Công ty Bình Minh")
    loaded = Dossier.objects.get(pk=dossier.pk)
    loaded.enterprise_id = other.pk
    loaded.save()
    assert names(dossier)[0] == "Công ty Bình Minh"
