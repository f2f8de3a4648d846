"""Who reads and writes reports: the Department of the agency drafts and edits, its director signs; the
city reads the signed reports addressed to it, the ministry the signed reports to the ministry; finance,
council members and enterprises never."""

import pytest
from django.urls import reverse

from nangsuat.core.errors import Forbidden
from nangsuat.core.roles import Role
from nangsuat.reports import services
from nangsuat.reports.selectors import visible_reports
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(can_tho, vinh_long, director):
    annual = ReportFactory(agency=can_tho, kind="annual", year=2026)
    ministry = ReportFactory(agency=can_tho, kind="ministry", year=2026)
    draft = ReportFactory(agency=can_tho, kind="annual", year=2027)
    services.sign_report(report=annual, actor=director)
    services.sign_report(report=ministry, actor=director)
    other_director = UserFactory(role=Role.DIRECTOR, agency=vinh_long)
    elsewhere = ReportFactory(agency=vinh_long, kind="ministry", year=2026)
    services.sign_report(report=elsewhere, actor=other_director)
    return {"annual": annual, "ministry": ministry, "draft": draft, "elsewhere": elsewhere}


def _seen(user) -> set[int]:
    return set(visible_reports(user).values_list("pk", flat=True))


def test_each_role_reads_the_reports_meant_for_it(reports, can_tho, vinh_long, officer):
    r = {k: v.pk for k, v in reports.items()}
    assert _seen(officer) == {r["annual"], r["ministry"], r["draft"]}
    assert _seen(UserFactory(role=Role.CITY, agency=can_tho)) == {r["annual"]}
    assert _seen(UserFactory(role=Role.MINISTRY, agency=None)) == {r["ministry"], r["elsewhere"]}
    assert _seen(UserFactory(role=Role.OFFICER, agency=vinh_long)) == {r["elsewhere"]}
    for role in (Role.FINANCE, Role.COUNCIL, Role.ADMIN):
        assert _seen(UserFactory(role=role, agency=can_tho)) == set()
    assert _seen(enterprise_user(EnterpriseFactory(agency=can_tho))) == set()


def test_pages_refuse_the_roles_that_may_not_read(client, reports, can_tho):
    for role in (Role.FINANCE, Role.COUNCIL):
        client.force_login(UserFactory(role=role, agency=can_tho))
        assert client.get(reverse("reports:list")).status_code == 403
        assert client.get(reverse("reports:detail", args=[reports["annual"].pk])).status_code == 403
    client.force_login(enterprise_user(EnterpriseFactory(agency=can_tho)))
    assert client.get(reverse("reports:docx", args=[reports["annual"].pk])).status_code == 403


def test_the_city_reads_but_never_writes(client, reports, can_tho):
    client.force_login(UserFactory(role=Role.CITY, agency=can_tho))
    assert client.get(reverse("reports:detail", args=[reports["annual"].pk])).status_code == 200
    assert client.get(reverse("reports:docx", args=[reports["annual"].pk])).status_code == 200
    assert client.get(reverse("reports:detail", args=[reports["draft"].pk])).status_code == 404
    assert client.get(reverse("reports:detail", args=[reports["ministry"].pk])).status_code == 404
    assert client.get(reverse("reports:create")).status_code == 403
    assert client.post(reverse("reports:create"), {"kind": "annual", "year": 2028}).status_code == 403


def test_another_agency_never_sees_a_report(client, reports, vinh_long):
    client.force_login(UserFactory(role=Role.DIRECTOR, agency=vinh_long))
    assert client.get(reverse("reports:detail", args=[reports["draft"].pk])).status_code == 404
    assert client.get(reverse("reports:xlsx", args=[reports["draft"].pk])).status_code == 404
    assert client.post(reverse("reports:sign", args=[reports["draft"].pk])).status_code == 404


def test_only_the_agency_director_signs(reports, officer, can_tho):
    for user in (officer, UserFactory(role=Role.CITY, agency=can_tho)):
        with pytest.raises(Forbidden):
            services.sign_report(report=reports["draft"], actor=user)
    with pytest.raises(Forbidden):
        services.create_report(actor=UserFactory(role=Role.MINISTRY, agency=None), kind="ministry", year=2026)


def test_the_create_page_validates_in_vietnamese(client, officer):
    client.force_login(officer)
    page = client.post(reverse("reports:create"), {"kind": "midterm", "year": 2027})
    assert page.status_code == 200
    assert "Báo cáo sơ kết được lập cho năm 2028." in page.content.decode()
    response = client.post(reverse("reports:create"), {"kind": "midterm", "year": 2028})
    assert response.status_code == 302
