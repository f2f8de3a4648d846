"""Intake through the workflow: submitting, codes, revisions, clocks, supplements, checklist, duplicates."""

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from nangsuat.core.errors import Conflict
from nangsuat.core.models import AuditEntry
from nangsuat.core.roles import Role
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Dossier, Revision, SupplementRequest, Visit
from nangsuat.dossiers.services import dossiers as dossier_services
from nangsuat.dossiers.states import State
from tests.core.factories import UserFactory

from .factories import PNG_BYTES, make_call, make_dossier, meet_eligibility, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _other_apps_quiet(monkeypatch):
    """Documents and notifications of other apps are not what these tests are about."""
    for name in (
        "receipt_slip",
        "supplement_request_letter",
        "validity_minutes",
        "survey_minutes",
        "inspection_minutes",
    ):
        monkeypatch.setitem(workflow.EFFECTS, name, lambda step: None)


def submit(dossier, user):
    return workflow.perform(dossier=dossier, action="submit", actor=user)


def test_submit_gives_tracking_code_revision_and_clock(call, enterprise, ent_user):
    dossier = make_dossier(call=call, enterprise=enterprise)
    submit(dossier, ent_user)
    dossier.refresh_from_db()
    assert dossier.state == State.SUBMITTED
    assert re.fullmatch(rf"CT-{timezone.localdate().year}-000001-[0-9A-Z]{{4}}", dossier.tracking_code)
    assert dossier.submitted_at is not None
    revision = Revision.objects.get(dossier=dossier)
    assert revision.number == 1
    assert revision.data["title"] == dossier.title
    assert revision.data["content"]["name"] == dossier.content.name
    assert {f["name"] for f in revision.form_definition["fields"]} >= {"title", "total_cost_vnd"}
    assert len(revision.data["attachments"]) == 4
    assert dossier.due_step == "validity_check" and dossier.due_on > call.registration_closes
    entry = AuditEntry.objects.get(action="submit")
    assert (entry.from_state, entry.to_state) == ("draft", "submitted")


def test_tracking_codes_never_reused(call, enterprise, ent_user):
    first = make_dossier(call=call, enterprise=enterprise)
    submit(first, ent_user)
    first.refresh_from_db()
    code = first.tracking_code
    # The case file protects a dossier: it leaves the database only by hand, its own records first.
    first.revisions.all().delete()
    first.attachments.all().delete()
    Dossier.objects.filter(pk=first.pk).delete()
    second = make_dossier(call=call, enterprise=enterprise)
    submit(second, ent_user)
    second.refresh_from_db()
    assert second.tracking_code != code
    assert second.tracking_code.split("-")[2] == "000002"


def test_submit_refused_outside_window_names_the_dates(agency, officer, enterprise, ent_user):
    today = timezone.localdate()
    closed = make_call(
        agency=agency,
        actor=officer,
        registration_opens=today - dt.timedelta(days=60),
        registration_closes=today - dt.timedelta(days=1),
    )
    dossier = make_dossier(call=closed, enterprise=enterprise)
    with pytest.raises(Conflict) as exc:
        submit(dossier, ent_user)
    assert "chỉ nhận hồ sơ từ" in exc.value.message
    assert f"năm {closed.registration_closes.year}" in exc.value.message


def test_submit_refused_when_incomplete_or_missing_attachments(call, enterprise, ent_user):
    dossier = make_dossier(call=call, enterprise=enterprise, complete=False)
    with pytest.raises(Conflict) as exc:
        submit(dossier, ent_user)
    assert "Phiếu đăng ký còn thiếu" in exc.value.message
    dossier = make_dossier(call=call, enterprise=enterprise, attachments=False)
    with pytest.raises(Conflict) as exc:
        submit(dossier, ent_user)
    assert "Còn thiếu hồ sơ kèm theo" in exc.value.message


def test_requested_support_above_ceiling_refused(call, enterprise, ent_user):
    dossier = make_dossier(
        call=call, enterprise=enterprise, total_cost_vnd=1_000_000_000, requested_support_vnd=600_000_000
    )
    with pytest.raises(Conflict) as exc:
        submit(dossier, ent_user)
    assert "vượt mức tối đa" in exc.value.message


def test_supplement_round_trip_keeps_revisions(call, enterprise, ent_user, officer):
    dossier = make_dossier(call=call, enterprise=enterprise)
    submit(dossier, ent_user)
    payload = workflow.clean_payload("request_supplement", {"items": "Bổ sung báo cáo tài chính 2025"})
    workflow.perform(
        dossier=dossier, action="request_supplement", actor=officer, note="Thiếu BCTC", payload=payload
    )
    dossier.refresh_from_db()
    request = SupplementRequest.objects.get(dossier=dossier)
    assert dossier.state == State.NEEDS_SUPPLEMENT and dossier.due_step == "supplement"
    assert dossier.due_on == request.deadline and request.deadline > timezone.localdate()
    dossier_services.update_dossier(dossier=dossier, actor=ent_user, data={"title": "Tên mới"})
    workflow.perform(dossier=dossier, action="resubmit", actor=ent_user)
    dossier.refresh_from_db()
    request.refresh_from_db()
    assert dossier.state == State.SUBMITTED and request.closed_at is not None
    assert list(dossier.revisions.values_list("number", "data__title")) == [
        (1, "Áp dụng ISO 9001:2015 tại nhà máy"),
        (2, "Tên mới"),
    ]


def test_request_supplement_needs_items_and_note(call, enterprise, ent_user, officer):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    with pytest.raises(ValidationError) as exc:
        workflow.clean_payload("request_supplement", {"items": ""})
    assert "items" in exc.value.message_dict
    with pytest.raises(ValidationError):
        workflow.perform(dossier=dossier, action="request_supplement", actor=officer, payload={"items": "x"})


def test_mark_valid_needs_checklist_and_computes_priority(call, enterprise, officer):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted", export_potential=True)
    with pytest.raises(Conflict) as exc:
        workflow.perform(dossier=dossier, action="mark_valid", actor=officer)
    assert "Chưa xác nhận đủ điều kiện" in exc.value.message
    meet_eligibility(dossier, officer)
    workflow.perform(dossier=dossier, action="mark_valid", actor=officer)
    dossier.refresh_from_db()
    # small enterprise (SME +10), domestic materials (+5), export (+5), 12 jobs ≥ 10 (+5)
    assert dossier.state == State.VALID and dossier.priority_points == 25


def test_eligibility_evidence_required_and_officer_only(call, enterprise, ent_user, officer):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    with pytest.raises(ValidationError):
        dossier_services.record_eligibility(dossier=dossier, actor=officer, items={"tax": (True, "")})
    with pytest.raises(PermissionDenied):
        dossier_services.record_eligibility(dossier=dossier, actor=ent_user, items={"tax": (True, "x")})
    dossier_services.record_eligibility(
        dossier=dossier, actor=officer, items={"tax": (True, "Thông báo thuế số 12")}
    )
    assert dossier.eligibility.get(item="tax").met


def test_duplicate_support_blocks_mark_valid_until_director_overrides(
    call, enterprise, officer, director, agency
):
    earlier = make_call(
        agency=agency, actor=officer, contents=[call.contents.first().content], title="Đợt trước"
    )
    make_dossier(call=earlier, enterprise=enterprise, state="contracted")
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    meet_eligibility(dossier, officer)
    with pytest.raises(Conflict) as exc:
        workflow.perform(dossier=dossier, action="mark_valid", actor=officer)
    assert "cùng nội dung" in exc.value.message and "lãnh đạo Sở" in exc.value.message
    with pytest.raises(PermissionDenied):
        dossier_services.override_duplicate(
            dossier=dossier, director=officer, reason="Nội dung mở rộng phạm vi"
        )
    with pytest.raises(ValidationError):
        dossier_services.override_duplicate(dossier=dossier, director=director, reason="ngắn")
    dossier_services.override_duplicate(
        dossier=dossier, director=director, reason="Phạm vi chứng nhận khác hẳn"
    )
    assert AuditEntry.objects.filter(action="override_duplicate", note="Phạm vi chứng nhận khác hẳn").exists()
    workflow.perform(dossier=dossier, action="mark_valid", actor=officer)
    assert Dossier.objects.get(pk=dossier.pk).state == State.VALID


def test_refused_or_draft_dossiers_are_not_duplicates(call, enterprise, officer, agency):
    earlier = make_call(
        agency=agency, actor=officer, contents=[call.contents.first().content], title="Đợt trước"
    )
    make_dossier(call=earlier, enterprise=enterprise, state="invalid")
    make_dossier(call=earlier, enterprise=enterprise, state="draft")
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    meet_eligibility(dossier, officer)
    workflow.perform(dossier=dossier, action="mark_valid", actor=officer)


def test_declared_other_support_blocks_too(call, enterprise, officer):
    dossier = make_dossier(
        call=call,
        enterprise=enterprise,
        state="submitted",
        other_state_support=True,
        other_state_support_detail="Khuyến công 2025",
    )
    meet_eligibility(dossier, officer)
    with pytest.raises(Conflict) as exc:
        workflow.perform(dossier=dossier, action="mark_valid", actor=officer)
    assert "kê khai" in exc.value.message


def test_record_survey_with_photos(call, enterprise, officer):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils.datastructures import MultiValueDict

    dossier = make_dossier(call=call, enterprise=enterprise, state="valid")
    files = MultiValueDict({"photos": [SimpleUploadedFile("a.png", PNG_BYTES, "image/png")]})
    data = {
        "visited_on": timezone.localdate().isoformat(),
        "participants": "Ông A, Bà B",
        "findings": "Đạt yêu cầu",
    }
    payload = workflow.clean_payload("record_survey", data, files)
    workflow.perform(dossier=dossier, action="record_survey", actor=officer, payload=payload)
    visit = Visit.objects.get(dossier=dossier)
    assert visit.kind == "survey" and visit.photos.count() == 1
    assert re.fullmatch(r"visits/\d{4}/\d{2}/[0-9a-f]{32}\.png", visit.photos.get().file.name)


def test_record_survey_refuses_future_date_and_non_images(call, enterprise, officer):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils.datastructures import MultiValueDict

    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    with pytest.raises(ValidationError) as exc:
        workflow.clean_payload("record_survey", {"visited_on": future, "participants": "A", "findings": "B"})
    assert "visited_on" in exc.value.message_dict
    files = MultiValueDict({"photos": [SimpleUploadedFile("a.png", b"MZ\x90\x00 not an image", "image/png")]})
    with pytest.raises(ValidationError) as exc:
        workflow.clean_payload(
            "inspect",
            {"visited_on": timezone.localdate().isoformat(), "participants": "A", "findings": "B"},
            files,
        )
    assert "photos" in exc.value.message_dict


def test_drafts_are_edited_only_by_their_enterprise(call, enterprise, ent_user, officer):
    from tests.registry.factories import EnterpriseFactory, enterprise_user

    dossier = make_dossier(call=call, enterprise=enterprise)
    other = enterprise_user(EnterpriseFactory(agency=call.agency))
    with pytest.raises(PermissionDenied):
        dossier_services.update_dossier(dossier=dossier, actor=other, data={"title": "x"})
    with pytest.raises(PermissionDenied):
        dossier_services.update_dossier(dossier=dossier, actor=officer, data={"title": "x"})
    submit(dossier, ent_user)
    with pytest.raises(Conflict):
        dossier_services.update_dossier(dossier=dossier, actor=ent_user, data={"title": "x"})


def test_create_draft_checks_call_and_content(call, enterprise, ent_user, agency, officer):
    from tests.reference.factories import SupportContentFactory

    dossier = dossier_services.create_draft(
        call=call, enterprise=enterprise, actor=ent_user, data={"content": call.contents.first().content}
    )
    assert dossier.state == State.DRAFT and dossier.agency_id == agency.pk
    with pytest.raises(ValidationError) as exc:
        dossier_services.create_draft(
            call=call, enterprise=enterprise, actor=ent_user, data={"content": SupportContentFactory()}
        )
    assert "content" in exc.value.message_dict
    hidden = make_call(agency=agency, actor=officer, published=False, title="Chưa công bố")
    with pytest.raises(ValidationError):
        dossier_services.create_draft(
            call=hidden,
            enterprise=enterprise,
            actor=ent_user,
            data={"content": hidden.contents.first().content},
        )


def test_uploads_checked_by_content(call, enterprise, ent_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import docx_bytes

    dossier = make_dossier(call=call, enterprise=enterprise, attachments=False)
    att = dossier_services.add_attachment(
        dossier=dossier, actor=ent_user, kind="business_license", upload=pdf("../../etc/x.pdf")
    )
    assert att.content_type == "application/pdf" and att.original_name == "x.pdf"
    assert re.fullmatch(r"dossiers/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", att.file.name)
    docx = SimpleUploadedFile("plan.docx", docx_bytes(), "application/octet-stream")
    att = dossier_services.add_attachment(
        dossier=dossier, actor=ent_user, kind="implementation_plan", upload=docx
    )
    assert att.content_type.endswith("wordprocessingml.document")
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00\x03", "application/pdf")
    with pytest.raises(ValidationError) as exc:
        dossier_services.add_attachment(dossier=dossier, actor=ent_user, kind="other", upload=fake)
    assert "không đúng định dạng" in " ".join(exc.value.messages)


def test_upload_size_limit(call, enterprise, ent_user, settings):
    settings.DOSSIER_UPLOAD_MAX_BYTES = 10
    dossier = make_dossier(call=call, enterprise=enterprise, attachments=False)
    with pytest.raises(ValidationError) as exc:
        dossier_services.add_attachment(dossier=dossier, actor=ent_user, kind="other", upload=pdf())
    assert "vượt quá dung lượng" in " ".join(exc.value.messages)


def test_comments_internal_only_for_staff(call, enterprise, ent_user, officer):
    from nangsuat.dossiers.selectors import timeline

    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    dossier_services.add_comment(dossier=dossier, author=officer, body="Ghi chú nội bộ", internal=True)
    dossier_services.add_comment(dossier=dossier, author=officer, body="Gửi doanh nghiệp", internal=False)
    dossier_services.add_comment(dossier=dossier, author=ent_user, body="Cảm ơn", internal=True)
    seen_by_enterprise = [e.note for e in timeline(dossier, ent_user) if e.kind == "comment"]
    seen_by_staff = [e.note for e in timeline(dossier, officer) if e.kind == "comment"]
    assert "Ghi chú nội bộ" not in seen_by_enterprise and set(seen_by_enterprise) == {
        "Gửi doanh nghiệp",
        "Cảm ơn",
    }
    assert len(seen_by_staff) == 3


def test_call_defaults(agency, officer):
    call = make_call(agency=agency, actor=officer, open_now=False, year=2027)
    assert (call.registration_opens, call.registration_closes) == (dt.date(2027, 1, 1), dt.date(2027, 3, 31))
    assert [(c.name, c.max_points) for c in call.criteria.all()] == [
        ("Tính cấp thiết", 15),
        ("Tính khả thi", 50),
        ("Tính hiệu quả và khả năng duy trì, nhân rộng", 35),
    ]
    assert {(r.basis, r.points, r.threshold) for r in call.priority_rules.all()} == {
        ("sme", 10, None),
        ("domestic_materials", 5, None),
        ("export", 5, None),
        ("jobs", 5, 10),
    }
    enterprise_actor = UserFactory(role=Role.ENTERPRISE, agency=agency)
    with pytest.raises(PermissionDenied):
        make_call(agency=agency, actor=enterprise_actor)
