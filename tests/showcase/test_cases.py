"""Good-practice models: drawn from an accepted dossier, published only with the enterprise's consent,
withdrawn with a reason; each step one audit entry; an unpublished case and its photos are nobody's
to see on the portal."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.models import AuditEntry
from nangsuat.core.roles import Role
from nangsuat.showcase import services
from nangsuat.showcase.models import Case, CaseState
from tests.core.factories import UserFactory
from tests.dossiers.factories import PDF_BYTES

from .factories import TEXT, consent_upload, make_case, photo_upload, png_bytes, public_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings, can_tho, vinh_long):
    settings.STAFF_MFA_REQUIRED = False
    cache.clear()
    return public_world(can_tho, vinh_long)


def _officer_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _actions(case) -> list[tuple[str, str, str]]:
    return list(
        AuditEntry.objects.filter(object_id=str(case.pk), action__startswith="showcase.")
        .order_by("pk")
        .values_list("action", "from_state", "to_state")
    )


def test_a_case_walks_from_draft_to_published_to_withdrawn_with_an_audit_entry_each(world):
    case = make_case(world.paid, world.officer)
    assert case.state == CaseState.PUBLISHED and case.published_at
    services.withdraw(case=case, actor=world.officer, reason="Doanh nghiệp đề nghị cập nhật số liệu")
    case.refresh_from_db()
    assert case.state == CaseState.WITHDRAWN and case.withdraw_reason.startswith("Doanh nghiệp")
    assert _actions(case) == [
        ("showcase.created", "", "draft"),
        ("showcase.updated", "", ""),
        ("showcase.photo_added", "", ""),
        ("showcase.consent_recorded", "", ""),
        ("showcase.published", "draft", "published"),
        ("showcase.withdrawn", "published", "withdrawn"),
    ]
    assert Client().get(f"/cong-khai/mo-hinh/{case.pk}/").status_code == 404


def test_publication_is_refused_without_the_enterprises_consent(world):
    case = make_case(world.paid, world.officer, consent=False, publish=False)
    with pytest.raises(Conflict, match="văn bản đồng ý công bố của doanh nghiệp"):
        services.publish(case=case, actor=world.officer)
    response = _officer_client(world.officer).post(f"/showcase/{case.pk}/publish/", follow=True)
    assert (
        "Chưa thể công bố: cần ghi nhận văn bản đồng ý công bố của doanh nghiệp" in response.content.decode()
    )
    case.refresh_from_db()
    assert case.state == CaseState.DRAFT


def test_a_case_is_drawn_only_from_an_accepted_dossier_once(world):
    with pytest.raises(Conflict, match="đã nghiệm thu đạt"):
        services.create_case(dossier=world.approved, actor=world.officer, text=TEXT)
    make_case(world.paid, world.officer, publish=False)
    with pytest.raises(Conflict, match="đã có mô hình"):
        services.create_case(dossier=world.paid, actor=world.officer, text=TEXT)


def test_another_agencys_officer_and_an_enterprise_may_not_write(world, vinh_long):
    stranger = UserFactory(role=Role.OFFICER, agency=vinh_long)
    with pytest.raises(Forbidden):
        services.create_case(dossier=world.paid, actor=stranger, text=TEXT)
    case = make_case(world.paid, world.officer, publish=False)
    assert _officer_client(stranger).get(f"/showcase/{case.pk}/").status_code == 404
    council = UserFactory(role=Role.COUNCIL, agency=world.can_tho)
    assert _officer_client(council).get("/showcase/").status_code == 403


def test_unpublished_cases_and_their_photos_are_not_public(world):
    case = make_case(world.paid, world.officer, publish=False)
    photo = case.photos.get()
    anonymous = Client()
    assert anonymous.get(f"/cong-khai/mo-hinh/{case.pk}/").status_code == 404
    assert anonymous.get(f"/cong-khai/mo-hinh/{case.pk}/anh/{photo.pk}/").status_code == 404
    assert case.title not in anonymous.get("/cong-khai/mo-hinh/").content.decode()
    # the officer previews it
    assert _officer_client(world.officer).get(f"/showcase/{case.pk}/photos/{photo.pk}/").status_code == 200
    services.publish(case=case, actor=world.officer)
    response = anonymous.get(f"/cong-khai/mo-hinh/{case.pk}/anh/{photo.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert case.title in anonymous.get("/cong-khai/mo-hinh/").content.decode()
    services.withdraw(case=case, actor=world.officer, reason="Sai số liệu")
    assert anonymous.get(f"/cong-khai/mo-hinh/{case.pk}/anh/{photo.pk}/").status_code == 404


def test_the_case_page_shows_its_figures_and_links_to_the_enterprise_entry(world):
    case = make_case(world.paid, world.officer)
    html = Client().get(f"/cong-khai/mo-hinh/{case.pk}/").content.decode()
    assert "Thời gian tìm vật tư" in html and "−77,8 %" in html
    assert f'href="/cong-khai/doanh-nghiep/{world.paid.enterprise_id}/"' in html
    entry = Client().get(f"/cong-khai/doanh-nghiep/{world.paid.enterprise_id}/").content.decode()
    assert case.title in entry and "150.000.000 đ" in entry


def test_the_portal_searches_cases_by_sector_ward_and_tool(world):
    case = make_case(world.paid, world.officer)
    enterprise = case.dossier.enterprise
    client = Client()

    def titles(query):
        return case.title in client.get(f"/cong-khai/mo-hinh/?{query}").content.decode()

    assert titles(f"section={enterprise.vsic_section}") and not titles("section=A")
    assert titles(f"ward={enterprise.ward_id}") and not titles("ward=31999")
    assert titles(f"content={case.dossier.content_id}") and not titles(f"content={world.approved.content_id}")
    assert titles("q=5S") and not titles("q=không+khớp")
    assert "Không có mô hình nào khớp bộ lọc." in client.get("/cong-khai/mo-hinh/?q=zzz").content.decode()


def test_photos_are_checked_by_type_size_and_content(world, monkeypatch):
    case = make_case(world.paid, world.officer, photo=False, publish=False)
    fake = SimpleUploadedFile("anh.png", PDF_BYTES, content_type="image/png")
    with pytest.raises(ValidationError, match="không đúng định dạng"):
        services.add_photo(case=case, actor=world.officer, upload=fake)
    broken = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png")
    with pytest.raises(ValidationError, match="không phải là ảnh hợp lệ"):
        services.add_photo(case=case, actor=world.officer, upload=broken)
    monkeypatch.setattr(services, "PHOTO_MAX_BYTES", 100)
    with pytest.raises(ValidationError, match="vượt quá"):
        services.add_photo(case=case, actor=world.officer, upload=photo_upload(width=400, height=400))
    monkeypatch.undo()
    jpeg = SimpleUploadedFile("anh.jpg", png_bytes(fmt="JPEG"), content_type="image/jpeg")
    photo = services.add_photo(case=case, actor=world.officer, upload=jpeg, caption="Ảnh")
    assert photo.content_type == "image/jpeg" and photo.file.name.startswith("showcase/photos/")
    assert (photo.width, photo.height) == (40, 30)


def test_the_photo_form_shows_a_refused_file_in_vietnamese(world):
    case = make_case(world.paid, world.officer, photo=False, publish=False)
    fake = SimpleUploadedFile("anh.png", PDF_BYTES, content_type="image/png")
    response = _officer_client(world.officer).post(f"/showcase/{case.pk}/photos/", {"file": fake})
    assert response.status_code == 400
    assert "không đúng định dạng cho phép (JPG, PNG)" in response.content.decode()


def test_the_officer_creates_edits_and_records_consent_through_the_pages(world):
    client = _officer_client(world.officer)
    response = client.post(
        "/showcase/new/",
        {
            "dossier": world.paid.pk,
            "title": "Mô hình",
            "summary": "Tóm tắt",
            "applied": "5S",
            "narrative": "Câu chuyện",
        },
    )
    case = Case.objects.get(dossier=world.paid)
    assert response.status_code == 302 and response["Location"] == f"/showcase/{case.pk}/"
    figures = {
        "fig-TOTAL_FORMS": "2",
        "fig-INITIAL_FORMS": "0",
        "fig-MIN_NUM_FORMS": "0",
        "fig-MAX_NUM_FORMS": "8",
        "fig-0-label": "Tỷ lệ lỗi",
        "fig-0-before": "4,8",
        "fig-0-after": "1,9",
        "fig-0-unit": "%",
        "fig-1-label": "Năng suất",
        "fig-1-before": "",
        "fig-1-after": "12",
        "fig-1-unit": "",
    }
    text = {"title": "Mô hình 5S", "summary": "Tóm tắt", "applied": "5S", "narrative": "Câu chuyện"}
    bad = client.post(f"/showcase/{case.pk}/", {**text, **figures})
    assert "Ghi đủ tên chỉ số, giá trị trước và sau" in bad.content.decode()
    figures.update({"fig-1-label": "", "fig-1-after": ""})
    assert client.post(f"/showcase/{case.pk}/", {**text, **figures}).status_code == 302
    case.refresh_from_db()
    assert case.title == "Mô hình 5S"
    assert [(f.label, str(f.before), str(f.after)) for f in case.figures.all()] == [
        ("Tỷ lệ lỗi", "4.80", "1.90")
    ]
    future = (dt.date.today() + dt.timedelta(days=400)).strftime("%d/%m/%Y")
    refused = client.post(
        f"/showcase/{case.pk}/consent/",
        {"given_by": "Giám đốc", "given_on": future, "file": consent_upload()},
    )
    assert refused.status_code == 400
    ok = client.post(
        f"/showcase/{case.pk}/consent/",
        {"given_by": "Giám đốc", "given_on": "20/11/2026", "file": consent_upload()},
    )
    assert ok.status_code == 302
    case.refresh_from_db()
    assert case.has_consent and case.consent_recorded_by == world.officer
    assert client.get(f"/showcase/{case.pk}/consent/file/").status_code == 200
    assert Client().get(f"/showcase/{case.pk}/consent/file/").status_code == 302  # sign in first
    client.post(f"/showcase/{case.pk}/publish/")
    case.refresh_from_db()
    assert case.state == CaseState.PUBLISHED
    # published: locked until withdrawn
    with pytest.raises(Conflict, match="gỡ xuống trước khi sửa"):
        services.update_case(case=case, actor=world.officer, text=TEXT, figures=[])
    short = client.post(f"/showcase/{case.pk}/withdraw/", {"reason": "x"})
    assert short.status_code == 400
    client.post(f"/showcase/{case.pk}/withdraw/", {"reason": "Doanh nghiệp đề nghị"})
    case.refresh_from_db()
    assert case.state == CaseState.WITHDRAWN


def test_the_officers_list_and_the_portal_listing_have_empty_states(world):
    client = _officer_client(world.officer)
    html = client.get("/showcase/").content.decode()
    assert "Chưa có mô hình nào." in html and "1 hồ sơ đã nghiệm thu đạt chưa có mô hình." in html
    assert (
        "Chưa có mô hình điển hình nào được công bố." in Client().get("/cong-khai/mo-hinh/").content.decode()
    )


def test_removing_a_photo_deletes_its_file_after_commit_with_an_audit_entry(
    world, django_capture_on_commit_callbacks
):
    case = make_case(world.paid, world.officer, publish=False)
    photo = case.photos.get()
    storage, name = photo.file.storage, photo.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        response = _officer_client(world.officer).post(f"/showcase/{case.pk}/photos/{photo.pk}/remove/")
    assert response.status_code == 302 and not case.photos.exists() and not storage.exists(name)
    entry = AuditEntry.objects.filter(action="showcase.photo_removed").get()
    assert entry.data == {"photo": photo.pk}
