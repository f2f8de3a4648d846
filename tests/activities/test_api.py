"""The activities over the API: trainings and their participants, experts, events and the enterprises they
reach, certifications, awards — each role's rights, agency isolation, bad input naming the field."""

import pytest

from nangsuat.activities.models import Participation, Person
from nangsuat.core.roles import Role
from nangsuat.registry.models import Enterprise
from tests.api.conftest import ApiClient
from tests.core.factories import UserFactory
from tests.dossiers.factories import CallFactory
from tests.reference.factories import some_vsic, some_ward
from tests.registry.factories import EnterpriseFactory, enterprise_user, valid_tax_code

from .factories import CourseFactory, EventFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

TRAINING = {
    "title": "Đào tạo năng suất chất lượng cho cán bộ quản lý doanh nghiệp",
    "kind": "manager",
    "year": 2026,
    "starts_on": "2026-05-12",
    "ends_on": "2026-05-14",
    "place": "Cần Thơ",
    "cost_vnd": 85000000,
}


@pytest.fixture
def officer(can_tho):
    return UserFactory(role=Role.OFFICER, agency=can_tho)


@pytest.fixture
def api(officer):
    return ApiClient(officer)


def test_officer_creates_a_training_answered_201_with_its_id(api):
    response = api.post("/api/v1/trainings", TRAINING)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["id"] > 0 and body["kind"] == "manager" and body["cost_vnd"] == 85000000
    listed = api.get("/api/v1/trainings").json()
    assert [t["id"] for t in listed["items"]] == [body["id"]]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "lecture"}, "kind"),
        ({"title": ""}, "title"),
        ({"year": 1990}, "year"),
        ({"ends_on": "2026-05-01"}, "ends_on"),
        ({"starts_on": "12/05/2026"}, "starts_on"),
        ({"cost_vnd": -1}, "cost_vnd"),
        ({"cost_vnd": True}, "cost_vnd"),
    ],
)
def test_a_bad_training_is_400_naming_the_field(api, change, field):
    response = api.post("/api/v1/trainings", TRAINING | change)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]


def test_participants_are_matched_to_the_registry_and_to_one_person(api, can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    first = CourseFactory(agency=can_tho)
    second = CourseFactory(agency=can_tho)
    body = {
        "full_name": "Nguyễn Văn An",
        "position": "Giám đốc",
        "is_manager": True,
        "tax_code": enterprise.tax_code,
        "identity_number": "092190001234",
        "phone": "0909123456",
    }
    one = api.post(f"/api/v1/trainings/{first.pk}/participants", body)
    two = api.post(
        f"/api/v1/trainings/{second.pk}/participants",
        body | {"full_name": "NGUYEN VAN AN", "identity_number": ""},
    )
    assert one.status_code == 201 and two.status_code == 201, (one.json(), two.json())
    assert one.json()["person_id"] == two.json()["person_id"]
    assert one.json()["enterprise"]["tax_code"] == enterprise.tax_code
    assert Participation.objects.count() == 2 and Person.objects.count() == 1
    again = api.post(f"/api/v1/trainings/{first.pk}/participants", body)
    assert again.status_code == 409
    listed = api.get(f"/api/v1/trainings/{first.pk}/participants").json()["items"]
    assert listed[0]["identity_number"] == "092190001234" and listed[0]["phone"] == "0909123456"


def test_an_unknown_tax_code_is_400_naming_it_unless_the_enterprise_is_described(api, can_tho):
    course = CourseFactory(agency=can_tho)
    url = f"/api/v1/trainings/{course.pk}/participants"
    new_code = valid_tax_code(987654)
    unknown = api.post(url, {"full_name": "Trần Thị Bé", "tax_code": new_code})
    assert unknown.status_code == 400 and "tax_code" in unknown.json()["errors"]
    bad = api.post(url, {"full_name": "Trần Thị Bé", "tax_code": "123"})
    assert bad.status_code == 400 and "tax_code" in bad.json()["errors"]
    described = api.post(
        url,
        {
            "full_name": "Trần Thị Bé",
            "tax_code": new_code,
            "enterprise_name": "Hợp tác xã Rau sạch Phong Điền",
            "vsic_code": some_vsic().code,
            "ward_code": some_ward().code,
        },
    )
    assert described.status_code == 201, described.json()
    added = Enterprise.objects.get(agency=can_tho, tax_code=new_code)
    assert added.name == "Hợp tác xã Rau sạch Phong Điền"
    assert described.json()["enterprise"]["id"] == added.pk


def test_an_enterprise_named_by_tax_code_and_name_alone_is_added_as_a_provisional_entry(api, can_tho):
    course = CourseFactory(agency=can_tho)
    code = valid_tax_code(555)
    response = api.post(
        f"/api/v1/trainings/{course.pk}/participants",
        {"full_name": "Lê Văn C", "tax_code": code, "enterprise_name": "Công ty Mới"},
    )
    assert response.status_code == 201, response.json()
    added = Enterprise.objects.get(agency=can_tho, tax_code=code)
    assert added.name == "Công ty Mới" and added.is_provisional and added.vsic_section == ""
    listed = api.get(f"/api/v1/enterprises/{added.pk}").json()
    assert listed["vsic_code"] is None and listed["ward_code"] is None and listed["ward_name"] == ""
    assert api.get("/api/v1/enterprises", {"q": "Công ty Mới"}).status_code == 200
    from django.urls import reverse

    from nangsuat.core.roles import Role
    from tests.core.clients import client_after_totp
    from tests.core.factories import UserFactory

    officer = client_after_totp(UserFactory(role=Role.OFFICER, agency=can_tho))
    page = officer.get(reverse("registry:enterprise_detail", args=[added.pk])).content.decode()
    assert "Mục tạm" in page  # the officer is told to complete it
    assert officer.get(reverse("registry:enterprise_list")).status_code == 200
    assert officer.get(reverse("registry:enterprise_edit", args=[added.pk])).status_code == 200
    assert officer.get(reverse("registry:enterprise_export")).status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"full_name": ""}, "full_name"),
        ({"full_name": "A", "identity_number": "12ab"}, "identity_number"),
        ({"full_name": "A", "is_manager": "maybe"}, "is_manager"),
        ({"full_name": "A", "tax_code": 1800123456}, "tax_code"),
    ],
)
def test_a_bad_participant_is_400_naming_the_field(api, can_tho, body, field):
    course = CourseFactory(agency=can_tho)
    response = api.post(f"/api/v1/trainings/{course.pk}/participants", body)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]


def test_another_agencys_training_is_404(api, vinh_long):
    theirs = CourseFactory(agency=vinh_long)
    assert api.get(f"/api/v1/trainings/{theirs.pk}/participants").status_code == 404
    response = api.post(f"/api/v1/trainings/{theirs.pk}/participants", {"full_name": "A"})
    assert response.status_code == 404
    assert api.get("/api/v1/trainings").json()["total"] == 0


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.FINANCE, Role.CITY])
def test_read_only_roles_read_but_writing_is_403(can_tho, role):
    course = CourseFactory(agency=can_tho)
    reader = ApiClient(UserFactory(role=role, agency=can_tho))
    assert reader.get("/api/v1/trainings").json()["total"] == 1
    assert reader.post("/api/v1/trainings", TRAINING).status_code == 403
    assert reader.post(f"/api/v1/trainings/{course.pk}/participants", {"full_name": "A"}).status_code == 403
    for path in ("experts", "events", "certifications", "awards"):
        assert reader.post(f"/api/v1/{path}", {}).status_code in (400, 403)


def test_the_ministry_reads_every_agency_and_writes_nothing(can_tho, vinh_long):
    CourseFactory(agency=can_tho)
    CourseFactory(agency=vinh_long)
    ministry = ApiClient(UserFactory(role=Role.MINISTRY, agency=None))
    assert ministry.get("/api/v1/trainings").json()["total"] == 2
    assert ministry.post("/api/v1/trainings", TRAINING).status_code == 403


def test_no_credentials_is_401(can_tho):
    anonymous = ApiClient()
    for path in ("trainings", "experts", "events", "certifications", "awards"):
        assert anonymous.get(f"/api/v1/{path}").status_code == 401
        assert anonymous.post(f"/api/v1/{path}", {}).status_code == 401


def test_a_council_member_reads_no_activity(can_tho):
    council = ApiClient(UserFactory(role=Role.COUNCIL, agency=can_tho))
    for path in ("trainings", "experts", "events", "certifications", "awards"):
        assert council.get(f"/api/v1/{path}").status_code == 403


def test_an_enterprise_sees_its_own_peoples_participations_without_personal_data(can_tho):
    mine = EnterpriseFactory(agency=can_tho)
    other = EnterpriseFactory(agency=can_tho)
    course = CourseFactory(agency=can_tho)
    own = ParticipationFactory(course=course, enterprise=mine)
    ParticipationFactory(course=course, enterprise=other)
    CourseFactory(agency=can_tho)  # a course none of its people followed
    client = ApiClient(enterprise_user(mine))
    trainings = client.get("/api/v1/trainings").json()
    assert [t["id"] for t in trainings["items"]] == [course.pk]
    assert trainings["items"][0]["participant_count"] == 1  # its own people only
    response = client.get(f"/api/v1/trainings/{course.pk}/participants")
    items = response.json()["items"]
    assert [p["id"] for p in items] == [own.pk]
    assert items[0]["identity_number"] is None and items[0]["phone"] is None
    assert own.person.identity_number not in response.content.decode()
    assert client.post("/api/v1/trainings", TRAINING).status_code == 403


def test_experts_are_created_with_their_level_and_training(api, can_tho, vinh_long):
    course = CourseFactory(agency=can_tho, kind="expert")
    body = {
        "full_name": "Phạm Minh Chuyên",
        "workplace": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Cần Thơ",
        "training_id": course.pk,
        "certificate_number": "CG-2026-01",
        "certified_on": "2026-09-01",
        "issuer": "Tổng cục Tiêu chuẩn Đo lường Chất lượng",
        "level": "national",
        "valid_until": "2029-09-01",
    }
    response = api.post("/api/v1/experts", body)
    assert response.status_code == 201, response.json()
    assert response.json()["training_id"] == course.pk and response.json()["valid"] is True
    assert response.json()["person_id"] > 0
    assert api.post("/api/v1/experts", body | {"level": "provincial"}).json()["errors"].keys() == {"level"}
    theirs = CourseFactory(agency=vinh_long)
    wrong = api.post("/api/v1/experts", body | {"training_id": theirs.pk})
    assert wrong.status_code == 400 and "training_id" in wrong.json()["errors"]
    late = api.post("/api/v1/experts", body | {"valid_until": "2026-01-01"})
    assert late.status_code == 400 and "valid_until" in late.json()["errors"]
    assert api.get("/api/v1/experts").json()["total"] == 1


def test_an_enterprise_reached_twice_by_an_event_is_listed_once(api, can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    created = api.post(
        "/api/v1/events",
        {
            "title": "Phóng sự năng suất chất lượng",
            "kind": "media",
            "held_on": "2026-07-01",
            "place": "Báo và Phát thanh, Truyền hình Cần Thơ",
            "audience": 5000,
        },
    )
    assert created.status_code == 201, created.json()
    event_id = created.json()["id"]
    url = f"/api/v1/events/{event_id}/enterprises"
    first = api.post(url, {"tax_code": enterprise.tax_code})
    second = api.post(url, {"tax_code": enterprise.tax_code})
    assert first.status_code == 201 and second.status_code == 200
    assert first.json()["id"] == second.json()["id"]
    listed = api.get(url).json()
    assert listed["total"] == 1 and listed["items"][0]["enterprise"]["tax_code"] == enterprise.tax_code
    assert api.get("/api/v1/events").json()["items"][0]["enterprise_count"] == 1
    missing = api.post(url, {})
    assert missing.status_code == 400 and "tax_code" in missing.json()["errors"]
    unknown = api.post(url, {"tax_code": valid_tax_code(4242)})
    assert unknown.status_code == 400 and "tax_code" in unknown.json()["errors"]
    bad_kind = api.post("/api/v1/events", {"title": "X", "kind": "party", "held_on": "2026-07-01"})
    assert bad_kind.status_code == 400 and "kind" in bad_kind.json()["errors"]


def test_another_agencys_event_is_404(api, vinh_long):
    theirs = EventFactory(agency=vinh_long)
    assert api.get(f"/api/v1/events/{theirs.pk}/enterprises").status_code == 404
    assert api.post(f"/api/v1/events/{theirs.pk}/enterprises", {"tax_code": "1800123456"}).status_code == 404


def test_certifications_name_their_enterprise_by_tax_code(api, can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    body = {
        "tax_code": enterprise.tax_code,
        "kind": "regulation",
        "product_group": "Phân bón hữu cơ",
        "standard_code": "QCVN 01-189:2019/BNNPTNT",
        "certificate_number": "HQ-0001",
        "issued_on": "2026-04-01",
        "expires_on": "2029-03-31",
    }
    response = api.post("/api/v1/certifications", body)
    assert response.status_code == 201, response.json()
    assert response.json()["enterprise"]["id"] == enterprise.pk
    for change, field in (
        ({"kind": "iso"}, "kind"),
        ({"tax_code": valid_tax_code(31337)}, "tax_code"),
        ({"standard_code": ""}, "standard_code"),
        ({"expires_on": "2026-01-01"}, "expires_on"),
    ):
        refused = api.post("/api/v1/certifications", body | change)
        assert refused.status_code == 400 and field in refused.json()["errors"], (change, refused.json())
    assert api.get("/api/v1/certifications?kind=regulation").json()["total"] == 1


def test_awards_national_quality_entry_needs_an_enterprise(api, can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    body = {"kind": "national_quality", "year": 2026, "title": "Giải thưởng Chất lượng Quốc gia 2026"}
    refused = api.post("/api/v1/awards", body)
    assert refused.status_code == 400 and "tax_code" in refused.json()["errors"]
    response = api.post("/api/v1/awards", body | {"tax_code": enterprise.tax_code, "result": "Đang xét"})
    assert response.status_code == 201, response.json()
    honour = api.post(
        "/api/v1/awards",
        {"kind": "commendation", "year": 2026, "title": "Bằng khen", "recipient_name": "Võ Thị Khen"},
    )
    assert honour.status_code == 201 and honour.json()["enterprise"] is None
    assert api.get("/api/v1/awards?kind=national_quality").json()["total"] == 1


def test_the_operations_are_in_the_openapi_description(api):
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/trainings",
        "/api/v1/trainings/{training_id}/participants",
        "/api/v1/experts",
        "/api/v1/events",
        "/api/v1/events/{event_id}/enterprises",
        "/api/v1/certifications",
        "/api/v1/systems",
        "/api/v1/awards",
    ):
        assert {"get", "post"} <= set(paths[path]), path


def test_management_systems_name_their_content_from_the_catalogue(api, can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    body = {
        "tax_code": enterprise.tax_code,
        "content_code": "haccp",
        "certificate_number": "HACCP-26-001",
        "certifying_body": "QUATEST 3",
        "issued_on": "2026-05-01",
    }
    response = api.post("/api/v1/systems", body)
    assert response.status_code == 201, response.json()
    assert response.json()["content_name"] and response.json()["dossier_id"] is None
    unknown = api.post("/api/v1/systems", body | {"content_code": "iso-99999"})
    assert unknown.status_code == 400 and "content_code" in unknown.json()["errors"]
    assert api.get("/api/v1/systems").json()["total"] == 1
    reader = ApiClient(UserFactory(role=Role.DIRECTOR, agency=can_tho))
    assert reader.post("/api/v1/systems", body).status_code == 403


def test_a_training_may_name_a_call_of_its_agency(api, can_tho, vinh_long):
    ours, theirs = CallFactory(agency=can_tho), CallFactory(agency=vinh_long)
    response = api.post("/api/v1/trainings", TRAINING | {"call_id": ours.pk})
    assert response.status_code == 201 and response.json()["call_id"] == ours.pk
    refused = api.post("/api/v1/trainings", TRAINING | {"call_id": theirs.pk})
    assert refused.status_code == 400 and "call_id" in refused.json()["errors"]


def test_the_ministry_reads_participations_without_personal_data(can_tho):
    participation = ParticipationFactory(course=CourseFactory(agency=can_tho))
    ministry = ApiClient(UserFactory(role=Role.MINISTRY, agency=None))
    items = ministry.get(f"/api/v1/trainings/{participation.course_id}/participants").json()["items"]
    assert items[0]["person_id"] == participation.person_id
    assert items[0]["identity_number"] is None and items[0]["phone"] is None
