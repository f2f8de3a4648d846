"""The officers' pages of the activities: registers with search, filters and export, forms with Vietnamese
messages, confirmation before a record is withdrawn, read-only roles, an enterprise's own records, and the
panel on the registry's enterprise page."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from nangsuat.activities.models import Course, EventEnterprise, Participation
from nangsuat.activities.selectors import enterprise_activities
from nangsuat.core.audit import history_of
from nangsuat.core.roles import Role
from tests.core.clients import client_after_totp
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .factories import (
    AwardFactory,
    ConformityCertificateFactory,
    CourseFactory,
    EventFactory,
    ExpertFactory,
    ParticipationFactory,
    SystemCertificateFactory,
)

pytestmark = pytest.mark.django_db
KINDS = ("courses", "experts", "events", "systems", "certifications", "awards")


@pytest.fixture
def officer(can_tho):
    return UserFactory(role=Role.OFFICER, agency=can_tho)


@pytest.fixture
def client(officer):
    return client_after_totp(officer)


def _all_kinds(agency):
    CourseFactory(agency=agency, title="Khóa Kaizen cho doanh nghiệp chế biến")
    ExpertFactory(agency=agency)
    EventFactory(agency=agency, title="Hội nghị phổ biến năng suất xanh")
    SystemCertificateFactory(agency=agency)
    ConformityCertificateFactory(agency=agency)
    AwardFactory(agency=agency)


def test_every_register_lists_searches_and_exports(client, can_tho, vinh_long):
    _all_kinds(can_tho)
    _all_kinds(vinh_long)
    for kind in KINDS:
        page = client.get(reverse("activities:record_list", args=[kind]))
        assert page.status_code == 200, kind
        assert "1 bản ghi" in page.content.decode(), kind
        export = client.get(reverse("activities:record_export", args=[kind]))
        assert export.status_code == 200
        sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
        assert sheet.max_row == 2, kind  # the header and the agency's one record
    found = client.get(reverse("activities:record_list", args=["courses"]), {"q": "kaizen"})
    assert "Khóa Kaizen" in found.content.decode()
    missed = client.get(reverse("activities:record_list", args=["courses"]), {"q": "iso", "kind": "expert"})
    assert "Chưa có bản ghi nào" in missed.content.decode()
    bad_filter = client.get(reverse("activities:record_list", args=["courses"]), {"year": "abc", "kind": "x"})
    assert bad_filter.status_code == 200
    assert client.get(reverse("activities:record_list", args=["nothing"])).status_code == 404


def test_an_officer_creates_a_course_and_reads_vietnamese_messages(client, can_tho):
    url = reverse("activities:record_create", args=["courses"])
    refused = client.post(
        url,
        {"title": "", "kind": "manager", "year": "2026", "starts_on": "2026-05-14", "ends_on": "2026-05-12"},
    )
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "Trường này là bắt buộc." in text
    assert "Ngày kết thúc không được trước ngày bắt đầu." in text
    response = client.post(
        url,
        {
            "title": "Tập huấn công cụ 5S",
            "kind": "awareness",
            "year": "2026",
            "starts_on": "2026-05-12",
            "ends_on": "2026-05-12",
            "cost_vnd": "12000000",
        },
    )
    course = Course.objects.get(title="Tập huấn công cụ 5S")
    assert response.status_code == 302 and response["Location"] == reverse(
        "activities:course_detail", args=[course.pk]
    )
    assert course.agency == can_tho and [e.action for e in history_of(course)] == ["activity.course_created"]


def test_an_officer_adds_a_participant_on_the_course_page(client, can_tho):
    course = CourseFactory(agency=can_tho)
    enterprise = EnterpriseFactory(agency=can_tho)
    url = reverse("activities:participant_add", args=[course.pk])
    refused = client.post(url, {"full_name": "Ngô Văn Học", "tax_code": "12"})
    assert refused.status_code == 200 and "Mã số thuế" in refused.content.decode()
    response = client.post(
        url,
        {
            "full_name": "Ngô Văn Học",
            "position": "Trưởng phòng",
            "is_manager": "on",
            "tax_code": enterprise.tax_code,
            "identity_number": "092190009999",
            "attended": "on",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("activities:course_detail", args=[course.pk])).content.decode()
    assert "Ngô Văn Học" in page and "092190009999" in page
    twice = client.post(
        url, {"full_name": "Ngô Văn Học", "tax_code": enterprise.tax_code, "identity_number": "092190009999"}
    )
    assert "đã có trong danh sách" in twice.content.decode()


def test_a_withdrawal_is_confirmed_first_and_keeps_the_record(client, can_tho):
    course = CourseFactory(agency=can_tho)
    participation = ParticipationFactory(course=course)
    url = reverse("activities:participant_delete", args=[course.pk, participation.pk])
    assert "Xác nhận xóa" in client.get(url).content.decode()
    assert Participation.objects.get(pk=participation.pk).deleted_at is None
    client.post(url)
    assert Participation.objects.get(pk=participation.pk).deleted_at is not None
    delete = reverse("activities:record_delete", args=["courses", course.pk])
    assert "Xác nhận xóa" in client.get(delete).content.decode()
    client.post(delete)
    assert Course.objects.get(pk=course.pk).deleted_at is not None
    assert client.get(reverse("activities:course_detail", args=[course.pk])).status_code == 404
    assert "0 bản ghi" in client.get(reverse("activities:record_list", args=["courses"])).content.decode()


def test_an_officer_edits_a_conformity_certificate(client, can_tho):
    record = ConformityCertificateFactory(agency=can_tho)
    url = reverse("activities:record_edit", args=["certifications", record.pk])
    form = client.get(url).content.decode()
    assert record.enterprise.tax_code in form
    response = client.post(
        url,
        {
            "tax_code": record.enterprise.tax_code,
            "kind": "regulation",
            "product_group": "Nước mắm",
            "standard_code": "QCVN 8-2:2011/BYT",
        },
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.kind == "regulation" and record.product_group == "Nước mắm"


def test_an_event_page_records_the_enterprises_reached_once_each(client, can_tho):
    event = EventFactory(agency=can_tho)
    enterprise = EnterpriseFactory(agency=can_tho)
    url = reverse("activities:event_reach", args=[event.pk])
    client.post(url, {"tax_code": enterprise.tax_code})
    client.post(url, {"tax_code": enterprise.tax_code})
    assert EventEnterprise.objects.filter(event=event).count() == 1
    page = client.get(reverse("activities:event_detail", args=[event.pk])).content.decode()
    assert enterprise.name in page


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.FINANCE, Role.CITY, Role.MINISTRY])
def test_read_only_roles_read_the_registers_without_write_links(can_tho, role):
    course = CourseFactory(agency=can_tho)
    participation = ParticipationFactory(course=course)
    reader = client_after_totp(UserFactory(role=role, agency=None if role == Role.MINISTRY else can_tho))
    page = reader.get(reverse("activities:record_list", args=["courses"])).content.decode()
    assert course.title in page and reverse("activities:record_create", args=["courses"]) not in page
    detail = reader.get(reverse("activities:course_detail", args=[course.pk])).content.decode()
    # The agency's staff see personal data; the ministry does not.
    assert (participation.person.identity_number in detail) == (role != Role.MINISTRY)
    assert reader.post(reverse("activities:record_create", args=["courses"]), {}).status_code == 403
    assert (
        reader.post(reverse("activities:participant_delete", args=[course.pk, participation.pk])).status_code
        == 403
    )


def test_another_agencys_course_is_not_found(client, vinh_long):
    theirs = CourseFactory(agency=vinh_long)
    assert client.get(reverse("activities:course_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("activities:record_edit", args=["courses", theirs.pk])).status_code == 404
    assert client.post(reverse("activities:record_delete", args=["courses", theirs.pk])).status_code == 404


def test_an_enterprise_sees_its_own_records_without_personal_data(can_tho):
    mine = EnterpriseFactory(agency=can_tho)
    course = CourseFactory(agency=can_tho)
    own = ParticipationFactory(course=course, enterprise=mine)
    other = ParticipationFactory(course=course)
    AwardFactory(agency=can_tho, enterprise=mine, title="Giải Vàng Chất lượng Quốc gia")
    AwardFactory(agency=can_tho, title="Giải của doanh nghiệp khác")
    client = client_after_totp(enterprise_user(mine))
    detail = client.get(reverse("activities:course_detail", args=[course.pk])).content.decode()
    assert own.full_name in detail and other.full_name not in detail
    assert own.person.identity_number not in detail and own.person.phone not in detail
    awards = client.get(reverse("activities:record_list", args=["awards"])).content.decode()
    assert "Giải Vàng" in awards and "doanh nghiệp khác" not in awards
    assert client.get(reverse("activities:record_create", args=["awards"])).status_code == 403


def test_the_enterprise_page_shows_its_activities(client, can_tho):
    enterprise = EnterpriseFactory(agency=can_tho)
    course = CourseFactory(agency=can_tho, title="Đào tạo Lean cho quản lý")
    ParticipationFactory(course=course, enterprise=enterprise, full_name="Đặng Thị Lean")
    event = EventFactory(agency=can_tho, title="Tọa đàm chuyển đổi số")
    EventEnterprise.objects.create(event=event, enterprise=enterprise)
    SystemCertificateFactory(agency=can_tho, enterprise=enterprise, certificate_number="ISO-777")
    ConformityCertificateFactory(agency=can_tho, enterprise=enterprise, product_group="Bánh tráng")
    AwardFactory(agency=can_tho, enterprise=enterprise, title="Giải Bạc 2026")
    page = client.get(reverse("registry:enterprise_detail", args=[enterprise.pk])).content.decode()
    for text in (
        "Hoạt động chương trình",
        "Đào tạo Lean cho quản lý",
        "Tọa đàm chuyển đổi số",
        "ISO-777",
        "Bánh tráng",
        "Giải Bạc 2026",
    ):
        assert text in page, text


def test_the_panel_of_an_enterprise_without_records_reads_one_query(officer, can_tho):
    quiet, active = EnterpriseFactory(agency=can_tho), EnterpriseFactory(agency=can_tho)
    AwardFactory(agency=can_tho, enterprise=active, title="Giải Đồng 2026")
    with CaptureQueriesContext(connection) as nothing:
        assert not any(enterprise_activities(officer, quiet).values())
    with CaptureQueriesContext(connection) as one_kind:
        found = enterprise_activities(officer, active)
    assert [award.title for award in found["awards"]] == ["Giải Đồng 2026"]
    assert (len(nothing), len(one_kind)) == (1, 2)  # the probe, then only the kind recorded


def test_the_navigation_leads_staff_to_the_activities(client):
    page = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("activities:index") in page


def test_the_pages_read_in_english(client, can_tho, settings):
    course = CourseFactory(agency=can_tho)
    ParticipationFactory(course=course)
    client.post(reverse("set_language"), {"language": "en", "next": "/app/"})
    listing = client.get(reverse("activities:record_list", args=["courses"])).content.decode()
    assert "Training courses" in listing and "Manager training" in listing and "1 record" in listing
    detail = client.get(reverse("activities:course_detail", args=[course.pk])).content.decode()
    assert "Add a participant" in detail and "Participants (1 participation)" in detail


def test_an_officer_records_and_edits_an_expert(client, can_tho):
    course = CourseFactory(agency=can_tho, kind="expert")
    url = reverse("activities:record_create", args=["experts"])
    refused = client.post(url, {"full_name": "Mai Chuyên Gia", "level": "galactic", "identity_number": "12"})
    text = refused.content.decode()
    assert refused.status_code == 200 and "Số định danh cá nhân (CCCD) gồm 12 chữ số" in text
    assert "Hãy chọn một lựa chọn hợp lệ" in text or "lựa chọn hợp lệ" in text
    data = {
        "full_name": "Mai Chuyên Gia",
        "identity_number": "092175000001",
        "workplace": "Viện Năng suất Việt Nam",
        "course": str(course.pk),
        "level": "international",
        "certificate_number": "APO-2026-07",
        "certified_on": "2026-10-01",
        "valid_until": "2029-10-01",
    }
    assert client.post(url, data).status_code == 302
    expert = course.experts.get()
    assert expert.person.identity_number == "092175000001" and expert.level == "international"
    edit = reverse("activities:record_edit", args=["experts", expert.pk])
    assert "092175000001" in client.get(edit).content.decode()
    assert client.post(edit, data | {"level": "regional"}).status_code == 302
    expert.refresh_from_db()
    assert expert.level == "regional" and expert.person_id == course.experts.get().person_id


def test_an_enterprise_taken_off_an_event_is_kept_and_may_come_back(client, can_tho):
    event = EventFactory(agency=can_tho)
    enterprise = EnterpriseFactory(agency=can_tho)
    client.post(reverse("activities:event_reach", args=[event.pk]), {"tax_code": enterprise.tax_code})
    link = EventEnterprise.objects.get()
    client.post(reverse("activities:event_unreach", args=[event.pk, link.pk]))
    link.refresh_from_db()
    assert link.deleted_at is not None
    assert (
        client.get(reverse("activities:event_detail", args=[event.pk])).context["page_obj"].paginator.count
        == 0
    )
    client.post(reverse("activities:event_reach", args=[event.pk]), {"tax_code": enterprise.tax_code})
    assert EventEnterprise.objects.filter(event=event).count() == 2
    assert EventEnterprise.objects.filter(event=event, deleted_at=None).count() == 1


def test_an_officer_corrects_a_participation(client, can_tho):
    participation = ParticipationFactory(course=CourseFactory(agency=can_tho), attended=True)
    url = reverse("activities:participant_edit", args=[participation.course_id, participation.pk])
    assert participation.full_name in client.get(url).content.decode()
    response = client.post(url, {"position": "Phó Giám đốc", "certificate_number": "CN-09"})
    assert response.status_code == 302
    participation.refresh_from_db()
    assert (participation.position, participation.is_manager, participation.attended) == (
        "Phó Giám đốc",
        False,
        False,
    )
    assert participation.certificate_number == "CN-09"
    assert history_of(participation.course)[0].data["changed"] == [
        "attended",
        "certificate_number",
        "is_manager",
        "position",
    ]
