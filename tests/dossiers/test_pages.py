"""Pages: who sees what, the forms, the action door, lists, tasks, the public lookup."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Attachment, Call, Dossier
from nangsuat.dossiers.states import State
from tests.core.clients import sign_in_after_totp
from tests.core.factories import UserFactory
from tests.reference.factories import SupportContentFactory
from tests.registry.factories import EnterpriseFactory

from .factories import make_dossier, meet_eligibility, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quiet_documents(monkeypatch):
    for name in ("receipt_slip", "validity_minutes", "supplement_request_letter"):
        monkeypatch.setitem(workflow.EFFECTS, name, lambda step: None)


def client_for(user) -> Client:
    client = Client()
    if user.is_staff_role:
        enrol_totp(user, DEMO_TOTP_SECRET)
        return sign_in_after_totp(client, user)
    client.force_login(user)
    return client


@pytest.fixture
def staff_client():
    return client_for


def test_enterprise_cannot_see_another_enterprises_dossier(call, enterprise, ent_user, staff_client):
    mine = make_dossier(call=call, enterprise=enterprise)
    theirs = make_dossier(call=call, enterprise=EnterpriseFactory(agency=call.agency), state="submitted")
    client = staff_client(ent_user)
    assert client.get(reverse("dossiers:dossier_detail", args=[mine.pk])).status_code == 200
    for name in ("dossier_detail", "dossier_edit", "eligibility"):
        assert client.get(reverse(f"dossiers:{name}", args=[theirs.pk])).status_code == 404
    att = theirs.attachments.first()
    assert client.get(reverse("dossiers:attachment_download", args=[theirs.pk, att.pk])).status_code == 404
    listed = client.get(reverse("dossiers:dossier_list")).content.decode()
    assert mine.title in listed and (theirs.tracking_code not in listed)


def test_staff_of_another_agency_gets_404(call, enterprise, vinh_long, staff_client):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    stranger = UserFactory(role=Role.OFFICER, agency=vinh_long)
    assert (
        staff_client(stranger).get(reverse("dossiers:dossier_detail", args=[dossier.pk])).status_code == 404
    )


def test_attachment_download_checks_permission_and_serves_file(
    call, enterprise, ent_user, officer, staff_client
):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    att = dossier.attachments.first()
    url = reverse("dossiers:attachment_download", args=[dossier.pk, att.pk])
    assert Client().get(url).status_code == 302  # to the login page
    response = staff_client(officer).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_enterprise_creates_draft_uploads_and_submits(call, enterprise, ent_user, staff_client):
    client = staff_client(ent_user)
    content = call.contents.first().content
    form = {
        "content": content.pk,
        "title": "Áp dụng 5S",
        "objectives": "Gọn gàng",
        "expected_results": "5S",
        "total_cost_vnd": "100.000.000",
        "requested_support_vnd": "50.000.000",
        "period_start": "2026-05-01",
        "period_end": "2026-10-31",
        "jobs_created": "3",
    }
    response = client.post(reverse("dossiers:dossier_start", args=[call.pk]), form)
    dossier = Dossier.objects.get(title="Áp dụng 5S")
    assert response.status_code == 302 and dossier.total_cost_vnd == 100_000_000
    page = client.get(reverse("dossiers:dossier_detail", args=[dossier.pk])).content.decode()
    assert "Còn thiếu" in page and "Nộp hồ sơ" in page
    for kind in call.contents.first().required_attachments:
        client.post(reverse("dossiers:attachment_upload", args=[dossier.pk]), {"kind": kind, "file": pdf()})
    assert Attachment.objects.filter(dossier=dossier).count() == 4
    response = client.post(reverse("dossiers:dossier_action", args=[dossier.pk, "submit"]), {"note": ""})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.state == State.SUBMITTED and dossier.tracking_code
    page = client.get(reverse("dossiers:dossier_detail", args=[dossier.pk])).content.decode()
    assert dossier.tracking_code in page


def test_action_page_shows_403_and_409_in_vietnamese(call, enterprise, ent_user, officer, staff_client):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    response = staff_client(ent_user).post(
        reverse("dossiers:dossier_action", args=[dossier.pk, "mark_valid"])
    )
    assert response.status_code == 403 and "Vai trò của bạn" in response.content.decode()
    response = staff_client(officer).post(reverse("dossiers:dossier_action", args=[dossier.pk, "mark_valid"]))
    assert response.status_code == 409 and "Chưa xác nhận đủ điều kiện" in response.content.decode()
    response = staff_client(officer).post(
        reverse("dossiers:dossier_action", args=[dossier.pk, "mark_invalid"])
    )
    assert response.status_code == 400 and "lý do" in response.content.decode()


def test_disabled_button_explains_why(call, enterprise, officer, staff_client):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    page = staff_client(officer).get(reverse("dossiers:dossier_detail", args=[dossier.pk])).content.decode()
    assert "disabled" in page and "Chưa xác nhận đủ điều kiện" in page
    meet_eligibility(dossier, officer)
    page = staff_client(officer).get(reverse("dossiers:dossier_detail", args=[dossier.pk])).content.decode()
    assert reverse("dossiers:dossier_action", args=[dossier.pk, "mark_valid"]) in page


def test_eligibility_page_saves_checklist(call, enterprise, officer, staff_client):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    data = {
        f"met_{i}": "on"
        for i in ("business_line", "tax", "social_insurance", "environment", "no_other_support")
    }
    data.update(
        {
            f"evidence_{i}": "Có giấy tờ"
            for i in ("business_line", "tax", "social_insurance", "environment", "no_other_support")
        }
    )
    response = staff_client(officer).post(reverse("dossiers:eligibility", args=[dossier.pk]), data)
    assert response.status_code == 302 and dossier.eligibility.filter(met=True).count() == 5


def test_staff_list_filters_sorts_paginates_in_constant_queries(
    call, enterprise, officer, staff_client, django_assert_max_num_queries
):
    for i in range(30):
        make_dossier(
            call=call,
            enterprise=EnterpriseFactory(agency=call.agency),
            state="submitted",
            attachments=False,
            title=f"Nhiệm vụ {i}",
        )
    client = staff_client(officer)
    url = reverse("dossiers:dossier_list")
    with django_assert_max_num_queries(16):
        response = client.get(url, {"state": "submitted", "sort": "-priority", "page": 2})
    assert response.status_code == 200 and "Trang 2 / 2" in response.content.decode()
    assert client.get(url, {"overdue": "1"}).status_code == 200
    export = client.get(reverse("dossiers:dossier_export"), {"state": "submitted"})
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_tasks_per_role_overdue_first(call, enterprise, ent_user, officer, staff_client):
    today = timezone.localdate()
    late = make_dossier(
        call=call,
        enterprise=enterprise,
        state="submitted",
        due_on=today.replace(day=1) if today.day > 1 else today,
    )
    Dossier.objects.filter(pk=late.pk).update(due_on=today - timezone.timedelta(days=3))
    fresh = make_dossier(call=call, enterprise=enterprise, state="submitted")
    Dossier.objects.filter(pk=fresh.pk).update(due_on=today + timezone.timedelta(days=3))
    make_dossier(call=call, enterprise=enterprise, state="contracted")
    draft = make_dossier(call=call, enterprise=enterprise, title="Bản nháp của tôi")
    page = staff_client(officer).get(reverse("dossiers:tasks")).content.decode()
    assert page.index(late.tracking_code) < page.index(fresh.tracking_code)
    assert "Quá hạn" in page
    page = staff_client(ent_user).get(reverse("dossiers:tasks")).content.decode()
    assert draft.title in page and fresh.tracking_code not in page


def test_public_lookup_same_404_and_throttled(call, enterprise):
    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    client = Client()
    url = reverse("dossiers:public_lookup")
    ok = client.get(url, {"code": dossier.tracking_code, "tax_code": enterprise.tax_code})
    assert (
        ok.status_code == 200 and "Đã nộp" in ok.content.decode() and dossier.title not in ok.content.decode()
    )
    wrong_tax = client.get(url, {"code": dossier.tracking_code, "tax_code": "0100233488"})
    wrong_code = client.get(url, {"code": "CT-2026-999999", "tax_code": enterprise.tax_code})
    assert wrong_tax.status_code == wrong_code.status_code == 404
    assert (
        wrong_tax.content.decode().count("Không tìm thấy")
        == wrong_code.content.decode().count("Không tìm thấy")
        == 1
    )
    statuses = [client.get(url, {"code": "X", "tax_code": "1"}).status_code for _ in range(25)]
    assert statuses[-1] == 429


def test_officer_creates_and_publishes_call(agency, officer, staff_client):
    content = SupportContentFactory()
    client = staff_client(officer)
    assert client.get(reverse("dossiers:call_create")).status_code == 200
    data = {
        "year": "2027",
        "title": "Đợt đăng ký hỗ trợ năm 2027",
        "budget_vnd": "5.000.000.000",
        "registration_opens": "2027-01-01",
        "registration_closes": "2027-03-31",
        "review_ends": "2027-06-30",
        "contract_ends": "2027-09-30",
        "pass_total_min": "70",
        "pass_criterion_min_ratio": "0.5",
        "contract_days": "15",
        "legal_basis": "Thông tư 15/2022/TT-BKHCN",
        "effective_date": "2027-01-01",
        "contents-TOTAL_FORMS": "1",
        "contents-INITIAL_FORMS": "0",
        "contents-0-content": content.pk,
        "contents-0-support_rate_percent": "50",
        "contents-0-ceiling_vnd": "200.000.000",
        "contents-0-required_attachments": ["registration_form", "business_license"],
        "rubric-name_0": "Tính cấp thiết",
        "rubric-points_0": "15",
        "rubric-name_1": "Tính khả thi",
        "rubric-points_1": "50",
        "rubric-name_2": "Tính hiệu quả và khả năng duy trì, nhân rộng",
        "rubric-points_2": "35",
        "priority-points_sme": "10",
        "priority-points_domestic_materials": "5",
        "priority-points_export": "5",
        "priority-points_jobs": "5",
        "priority-threshold_jobs": "10",
    }
    response = client.post(reverse("dossiers:call_create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    call = Call.objects.get(year=2027)
    assert call.criteria.count() == 3 and call.contents.get().required_attachments == [
        "registration_form",
        "business_license",
    ]
    client.post(reverse("dossiers:call_publish", args=[call.pk]))
    call.refresh_from_db()
    assert call.is_published
    bad = dict(data, **{"rubric-points_2": "30"})
    response = client.post(reverse("dossiers:call_edit", args=[call.pk]), bad)
    assert response.status_code == 200 and "phải bằng 100" in response.content.decode()


def test_enterprise_sees_open_calls_only(call, agency, officer, ent_user, staff_client):
    from .factories import make_call

    make_call(agency=agency, actor=officer, published=False, title="Đợt nội bộ chưa công bố")
    page = staff_client(ent_user).get(reverse("dossiers:call_list")).content.decode()
    assert call.title in page and "Đợt nội bộ chưa công bố" not in page
    assert staff_client(ent_user).get(reverse("dossiers:call_create")).status_code == 403


def test_list_query_count_does_not_grow_with_rows(call, officer, staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = staff_client(officer)
    url = reverse("dossiers:dossier_list")
    make_dossier(
        call=call, enterprise=EnterpriseFactory(agency=call.agency), state="submitted", attachments=False
    )
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(20):
        make_dossier(
            call=call, enterprise=EnterpriseFactory(agency=call.agency), state="valid", attachments=False
        )
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_the_dossier_page_asks_who_may_see_it_once(call, enterprise, officer, staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    client = staff_client(officer)
    url = reverse("dossiers:dossier_detail", args=[dossier.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as page:
        assert client.get(url).status_code == 200
    reads = [q["sql"] for q in page.captured_queries if 'FROM "dossiers_dossier"' in q["sql"]]
    # The dossier itself and the same enterprise's other dossiers for the content; the actions, the comment
    # form and the budget's panel (a dossier never supported) ask nothing more.
    assert len(reads) == 2, reads


def test_the_list_rows_escape_what_enterprises_typed_and_mark_the_overdue(call, officer, staff_client):
    today = timezone.localdate()
    enterprise = EnterpriseFactory(agency=call.agency, name='Công ty <b>"Lửa"</b> & Cộng sự')
    make_dossier(
        call=call,
        enterprise=enterprise,
        state="submitted",
        attachments=False,
        title="<script>alert(1)</script>" + "x" * 80,
        due_on=today - dt.timedelta(days=1),
    )
    page = staff_client(officer).get(reverse("dossiers:dossier_list")).content.decode()
    assert "<script>alert" not in page and "<b>" not in page
    assert "Công ty &lt;b&gt;&quot;Lửa&quot;&lt;/b&gt; &amp; Cộng sự" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" + "x" * 34 + "…" in page  # 60 characters, as before
    assert f'<span class="due--over">{today - dt.timedelta(days=1):%d/%m/%Y} · quá hạn</span>' in page


def test_the_dossier_page_reads_only_the_names_of_those_who_acted(
    call, enterprise, ent_user, officer, staff_client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    meet_eligibility(dossier, officer)
    client = staff_client(officer)
    assert client.post(
        reverse("dossiers:comment_add", args=[dossier.pk]), {"body": "Đã xem hồ sơ."}
    ).status_code in (200, 302)
    url = reverse("dossiers:dossier_detail", args=[dossier.pk])
    with CaptureQueriesContext(connection) as page:
        response = client.get(url)
    assert response.status_code == 200 and "Đã xem hồ sơ." in response.content.decode()
    assert str(officer) in response.content.decode()  # named on the checklist, the timeline and the comment
    # The signed-in user is read whole, once; those named on the page by their names alone.
    reads_whole = [
        q["sql"][:60] + " … " + q["sql"][-160:] for q in page.captured_queries if '"password"' in q["sql"]
    ]
    assert len(reads_whole) == 1, reads_whole


def test_the_timeline_escapes_what_people_typed_and_keeps_its_lines(call, enterprise, officer, staff_client):
    from nangsuat.dossiers.services.dossiers import add_comment

    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    add_comment(dossier=dossier, author=officer, body='Thiếu <b>"báo cáo"</b>\nvà & bản vẽ', internal=True)
    page = staff_client(officer).get(reverse("dossiers:dossier_detail", args=[dossier.pk])).content.decode()
    assert "<b>" not in page
    assert (
        '<p class="timeline__note">Thiếu &lt;b&gt;&quot;báo cáo&quot;&lt;/b&gt;<br>và &amp; bản vẽ</p>'
        in page
    )
    assert '<li class="timeline__item timeline__item--comment is-internal">' in page
    assert '<span class="badge">Nội bộ</span>' in page and f" · {officer}</span>" in page
    assert '<li class="is-current" aria-current="step">' in page
    # Each transition carries its state's badge.
    workflow.perform(
        dossier=dossier,
        action="request_supplement",
        actor=officer,
        note="Thiếu <i>bản vẽ</i>",
        payload={"items": "Bản vẽ"},
    )
    page = staff_client(officer).get(reverse("dossiers:dossier_detail", args=[dossier.pk])).content.decode()
    assert '→ <span class="badge badge--warn state state--needs_supplement">' in page
    assert "Thiếu &lt;i&gt;bản vẽ&lt;/i&gt;" in page


def test_the_timeline_reads_comments_only_when_its_history_names_one(call, enterprise, officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from nangsuat.dossiers.selectors import timeline
    from nangsuat.dossiers.services.dossiers import add_comment

    dossier = make_dossier(call=call, enterprise=enterprise, state="submitted")
    with CaptureQueriesContext(connection) as read:
        assert [e for e in timeline(dossier, officer) if e.kind == "comment"] == []
    assert not [q for q in read.captured_queries if "dossiers_comment" in q["sql"]]
    add_comment(dossier=dossier, author=officer, body="Đã xem.", internal=False)
    assert [e.note for e in timeline(dossier, officer) if e.kind == "comment"] == ["Đã xem."]
