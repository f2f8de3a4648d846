import pytest
from django.urls import reverse

from nangsuat.councils.models import ScoreSheet
from nangsuat.dossiers.states import State
from tests.core.clients import client_for

from .factories import score_all

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def test_member_declares_then_scores_with_errors_then_submits(in_council, council):
    council_obj, scorers, _s = council
    member = scorers[0]
    c = client_for(member.user)
    index = c.get(reverse("councils:index"))
    assert in_council.tracking_code in index.content.decode()
    assert in_council.title not in index.content.decode()  # not before declaring
    url = reverse("councils:sheet", args=[council_obj.pk, in_council.pk])
    page = c.get(url).content.decode()
    assert "Khai báo xung đột lợi ích" in page and in_council.objectives not in page
    r = c.post(
        reverse("councils:sheet_declare", args=[council_obj.pk, in_council.pk]), {"has_conflict": "yes"}
    )
    assert r.status_code == 400 and "Vui lòng nêu rõ lý do" in r.content.decode()
    c.post(reverse("councils:sheet_declare", args=[council_obj.pk, in_council.pk]), {"has_conflict": "no"})
    page = c.get(url).content.decode()
    assert in_council.objectives in page and "Nộp phiếu" in page
    score_url = reverse("councils:sheet_score", args=[council_obj.pk, in_council.pk])
    r = c.post(
        score_url,
        {"points_urgency": "20", "points_feasibility": "40", "points_effectiveness": "30", "submit": "1"},
    )
    assert r.status_code == 400
    assert "Điểm tiêu chí “Tính cấp thiết” phải là số nguyên từ 0 đến 15." in r.content.decode()
    r = c.post(
        score_url,
        {"points_urgency": "14", "points_feasibility": "40", "points_effectiveness": "30", "submit": "1"},
    )
    assert r.status_code == 302
    assert ScoreSheet.objects.get(member=member, dossier=in_council).status == "submitted"


def test_secretary_sees_progress_not_values_then_the_ranked_result(in_council, council):
    council_obj, scorers, secretary = council
    score_all(in_council, scorers[:2], (13, 41, 27))
    c = client_for(secretary.user)
    page = c.get(reverse("councils:detail", args=[council_obj.pk])).content.decode()
    # Progress, but no point shown (points are written "13,00"; a bare "81" may be in a name or a token).
    assert "2/5" in page and not any(points in page for points in ("13,00", "41,00", "27,00", "81,00"))
    # Nobody reads the sheets before the result is closed.
    assert c.get(reverse("councils:sheets", args=[council_obj.pk, in_council.pk])).status_code == 403
    assert (
        client_for(scorers[0].user)
        .get(reverse("councils:sheets", args=[council_obj.pk, in_council.pk]))
        .status_code
        == 403
    )
    score_all(in_council, scorers[2:], (13, 41, 27))
    page = c.get(reverse("councils:detail", args=[council_obj.pk])).content.decode()
    assert "81,00" in page and "Đề xuất hỗ trợ" in page
    r = c.post(reverse("councils:decide", args=[council_obj.pk, in_council.pk]), {"action": "recommend"})
    assert r.status_code == 302
    in_council.refresh_from_db()
    assert in_council.state == State.RECOMMENDED
    sheets = client_for(scorers[1].user).get(reverse("councils:sheets", args=[council_obj.pk, in_council.pk]))
    assert sheets.status_code == 200 and "81,00" in sheets.content.decode()


def test_members_see_only_their_councils(in_council, council, can_tho, call):
    from nangsuat.core.roles import Role
    from tests.core.factories import UserFactory

    council_obj, _scorers, _s = council
    outsider = UserFactory(role=Role.COUNCIL, agency=can_tho)
    c = client_for(outsider)
    assert c.get(reverse("councils:detail", args=[council_obj.pk])).status_code == 404
    assert c.get(reverse("councils:sheet", args=[council_obj.pk, in_council.pk])).status_code == 404


def test_officer_creates_a_council_and_seats_members(call, officer, can_tho):
    from nangsuat.core.roles import Role
    from tests.core.factories import UserFactory

    c = client_for(officer)
    r = c.post(reverse("councils:create"), {"call": call.pk, "name": "Hội đồng xét chọn 2026"})
    assert r.status_code == 302
    council_url = r["Location"]
    member = UserFactory(role=Role.COUNCIL, agency=can_tho, full_name="Trần Thị Bình")
    r = c.post(council_url + "members/", {"user": member.pk, "position": "chair"})
    page = c.get(council_url).content.decode()
    assert "Trần Thị Bình" in page and "Chủ tịch" in page
    enterprise_like = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    r = c.post(council_url + "members/", {"user": enterprise_like.pk, "position": "member"}, follow=True)
    assert "Thành viên không hợp lệ" in r.content.decode()


def test_a_member_opens_a_dossier_only_after_declaring_no_conflict(client, council, in_council):
    from nangsuat.councils import services

    _council, scorers, _secretary = council
    member = scorers[0].user
    client.force_login(member)
    assert client.get(f"/dossiers/{in_council.pk}/").status_code in (403, 404)
    sheet = ScoreSheet.objects.get(dossier=in_council, member__user=member)
    services.declare_conflict(sheet=sheet, actor=member, has_conflict=False)
    assert client.get(f"/dossiers/{in_council.pk}/").status_code == 200


def test_score_sheet_shows_guidance_and_the_server_refuses_points_out_of_range(in_council, council):
    council_obj, scorers, _s = council
    member = scorers[0]
    c = client_for(member.user)
    c.post(reverse("councils:sheet_declare", args=[council_obj.pk, in_council.pk]), {"has_conflict": "no"})
    page = c.get(reverse("councils:sheet", args=[council_obj.pk, in_council.pk])).content.decode()
    assert 'id="guide_feasibility"' in page and "councils/score_sheet.js" in page
    r = c.post(
        reverse("councils:sheet_score", args=[council_obj.pk, in_council.pk]),
        {"points_urgency": "12", "points_feasibility": "60", "points_effectiveness": "28", "submit": "1"},
    )
    assert r.status_code == 400
    assert "Điểm tiêu chí “Tính khả thi” phải là số nguyên từ 0 đến 50." in r.content.decode()
    assert ScoreSheet.objects.get(member=member, dossier=in_council).status == "draft"
