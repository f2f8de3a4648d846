"""The dashboard and the lists behind its numbers, through the pages: each indicator's figure opens a list
of as many records, for the period, a year and a ward; another agency's records never show; the dossier
figures open their dossiers with the same count and sum; the ministry reads each province and the national
total; the targets are set with their source, each change audited."""

import re

import pytest
from django.test import Client

from nangsuat.core.models import AuditEntry
from nangsuat.core.roles import Role
from nangsuat.indicators.definitions import CODES, PERIOD
from nangsuat.indicators.models import Target
from tests.core.factories import UserFactory

from .test_counting import EXPECTED, world  # noqa: F401  the same hand-built records and their traps

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def director(settings, can_tho):
    settings.STAFF_MFA_REQUIRED = False
    return UserFactory(role=Role.DIRECTOR, agency=can_tho)


def _shown(html: str, code: str) -> int:
    found = re.search(rf'data-code="{code}">([\d.]+)<', html)
    assert found, code
    return int(found[1].replace(".", ""))


def _count(response) -> int:
    return response.context["page_obj"].paginator.count


def test_each_figure_opens_as_many_records_for_the_period_and_each_year(world, director):  # noqa: F811
    client = _client(director)
    for year in (None, *PERIOD):
        query = f"?year={year}" if year else ""
        page = client.get(f"/dashboard/{query}").content.decode()
        for code in CODES:
            years, total = EXPECTED[code]
            shown = _shown(page, code)
            assert shown == (years.get(year, 0) if year else total), (code, year)
            listed = client.get(f"/dashboard/indicators/{code}/{query}")
            assert listed.status_code == 200
            assert _count(listed) == shown, (code, year)


def test_a_ward_filters_the_figures_and_their_lists(world, director):  # noqa: F811
    client = _client(director)
    ward = world["ward"].pk
    page = client.get(f"/dashboard/?ward={ward}").content.decode()
    assert _shown(page, "enterprises_reached") == 1
    listed = client.get(f"/dashboard/indicators/enterprises_reached/?ward={ward}")
    assert [r[1] for r in listed.context["rows"]] == [world["a"].name]


def test_another_agencys_records_never_show(world, vinh_long, director):  # noqa: F811
    listed = _client(director).get(f"/dashboard/indicators/manager_trainings/?agency={vinh_long.pk}")
    assert _count(listed) == EXPECTED["manager_trainings"][1]  # the agency filter is the ministry's only
    officer = UserFactory(role=Role.OFFICER, agency=vinh_long)
    page = _client(officer).get("/dashboard/").content.decode()
    assert _shown(page, "manager_trainings") == 1
    names = [
        r[2] for r in _client(officer).get("/dashboard/indicators/enterprises_supported/").context["rows"]
    ]
    assert world["a"].name not in names


def test_a_bad_filter_is_dropped_with_a_message(world, director):  # noqa: F811
    response = _client(director).get("/dashboard/?year=1999&ward=99999")
    assert response.status_code == 200
    assert "Năm phải trong giai đoạn 2026 – 2030." in response.content.decode()
    assert _shown(response.content.decode(), "enterprises_reached") == 3


def test_the_dossier_figures_open_their_dossiers(world, director):  # noqa: F811
    client = _client(director)
    figures = client.get("/dashboard/").context["figures"]["dossiers"]
    for name in ("asked", "committed", "paid", "overdue"):
        listed = client.get(f"/dashboard/dossiers/{name}/")
        expected = figures[name] if name == "overdue" else figures[name]["n"]
        assert _count(listed) == expected, name
        if name != "overdue":
            assert listed.context["money"]["vnd"] == figures[name]["vnd"]
    for state, _label, n, _pct in figures["by_state"]:
        assert _count(client.get(f"/dashboard/dossiers/{state}/")) == n
    assert figures["committed"]["n"] == 2  # accepted, paid (the terminated one is released)


def test_the_ministry_reads_each_province_and_the_national_total(world, can_tho, vinh_long, settings):  # noqa: F811
    settings.STAFF_MFA_REQUIRED = False
    ministry = UserFactory(role=Role.MINISTRY, agency=None)
    response = _client(ministry).get("/dashboard/provinces/")
    rows = {row["agency"].pk: row["cells"] for row in response.context["rows"]}
    trainings = {a: next(c for c in cells if c["code"] == "manager_trainings") for a, cells in rows.items()}
    assert trainings[can_tho.pk]["value"] == 2 and trainings[vinh_long.pk]["value"] == 1
    national = {c["code"]: c for c in response.context["national"]["cells"]}
    assert national["manager_trainings"]["value"] == 3
    assert national["manager_trainings"]["target"] == 1000  # the provinces' targets together
    html = response.content.decode()
    assert f"/dashboard/indicators/manager_trainings/?agency={vinh_long.pk}" in html
    listed = _client(ministry).get(f"/dashboard/indicators/manager_trainings/?agency={vinh_long.pk}")
    assert _count(listed) == 1


def test_the_director_sets_a_target_with_its_source(world, director, can_tho):  # noqa: F811
    client = _client(director)
    form = client.get("/dashboard/targets/").context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["value_certified_experts"] = 25
    data["source_certified_experts"] = "Quyết định 120/QĐ-UBND ngày 05 tháng 3 năm 2027"
    response = client.post("/dashboard/targets/", data)
    assert response.status_code == 302
    target = Target.objects.get(agency=can_tho, code="certified_experts")
    assert (target.value, target.source) == (25, data["source_certified_experts"])
    assert AuditEntry.objects.filter(action="indicators.target_set").count() == 1
    data["value_award_entrants"] = -1
    data["source_award_entrants"] = ""
    refused = client.post("/dashboard/targets/", data).content.decode()
    assert "Chỉ tiêu không được âm." in refused
    assert "Ghi căn cứ của chỉ tiêu (văn bản, điều khoản)." in refused


def test_an_officer_reads_but_does_not_set_targets(world, can_tho, settings):  # noqa: F811
    settings.STAFF_MFA_REQUIRED = False
    officer = _client(UserFactory(role=Role.OFFICER, agency=can_tho))
    assert officer.get("/dashboard/").status_code == 200
    assert officer.get("/dashboard/targets/").status_code == 403


def test_the_export_lists_the_same_records(world, director):  # noqa: F811
    import io

    from openpyxl import load_workbook

    response = _client(director).get("/dashboard/indicators/enterprises_reached/export.xlsx?year=2027")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row - 3 == EXPECTED["enterprises_reached"][0][2027]


def test_the_kept_figures_change_as_soon_as_a_record_does(world, director, settings, can_tho):  # noqa: F811
    from django.core.cache import cache

    from nangsuat.indicators.counting import scope_for
    from nangsuat.indicators.figures import indicator_rows
    from tests.activities.factories import AwardFactory
    from tests.registry.factories import EnterpriseFactory

    settings.INDICATORS_CACHE_SECONDS = 60
    cache.clear()
    scope = scope_for(director)

    def entrants() -> int:
        return next(r.tally.total for r in indicator_rows(scope) if r.indicator.code == "award_entrants")

    assert entrants() == 1
    AwardFactory(agency=can_tho, enterprise=EnterpriseFactory(agency=can_tho), year=2028)
    assert entrants() == 2
