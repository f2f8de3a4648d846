"""A council member's “Việc cần làm” is exactly what they still have to do: declare, score, or — the
secretary alone, once every sheet is in — close the council's result."""

import pytest
from django.urls import reverse

from nangsuat.councils import services
from nangsuat.dossiers import workflow
from nangsuat.dossiers.tasks import tasks_for
from tests.core.clients import client_for
from tests.dossiers.factories import DossierFactory

from .factories import score_all

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def steps(user) -> list[tuple[str, str]]:
    return [(t.dossier.tracking_code, t.step) for t in tasks_for(user)]


def test_member_declares_then_scores_then_has_nothing_left(in_council, council):
    council_obj, scorers, _secretary = council
    member = scorers[0]
    assert steps(member.user) == [(in_council.tracking_code, "Khai báo xung đột lợi ích")]
    page = client_for(member.user).get(reverse("dossiers:tasks")).content.decode()
    assert "Không có việc đang chờ" not in page and "Khai báo xung đột lợi ích" in page
    assert reverse("councils:sheet", args=[council_obj.pk, in_council.pk]) in page
    # Before declaring, the member may not learn whom the dossier concerns.
    assert in_council.enterprise.name not in page and in_council.title not in page

    sheet = member.sheets.get(dossier=in_council)
    services.declare_conflict(sheet=sheet, actor=member.user, has_conflict=False)
    assert steps(member.user) == [(in_council.tracking_code, "Chấm điểm")]
    assert in_council.title in client_for(member.user).get(reverse("dossiers:tasks")).content.decode()

    score_all(in_council, [m for m in scorers if m != member])
    services.save_score(
        sheet=sheet, actor=member.user, points={"urgency": 12, "feasibility": 40, "effectiveness": 28}
    )
    services.submit_sheet(sheet=sheet, actor=member.user)
    assert steps(member.user) == []  # the chair who has scored is done


def test_a_recused_member_has_nothing_to_do(in_council, council):
    _council, scorers, _secretary = council
    member = scorers[1]
    services.declare_conflict(
        sheet=member.sheets.get(dossier=in_council), actor=member.user, has_conflict=True, reason="Người thân"
    )
    assert steps(member.user) == []


def test_the_secretary_closes_only_once_every_sheet_is_in(in_council, council, officer):
    council_obj, scorers, secretary = council
    assert steps(secretary.user) == []
    score_all(in_council, scorers[:-1])
    assert steps(secretary.user) == []
    score_all(in_council, scorers[-1:])
    assert steps(secretary.user) == [(in_council.tracking_code, "Chốt kết quả đánh giá")]
    assert tasks_for(secretary.user)[0].url == reverse("councils:detail", args=[council_obj.pk])
    workflow.perform(dossier=in_council, action="recommend", actor=secretary.user)
    assert steps(secretary.user) == []


def test_the_workspace_lists_the_sheets_to_do_first(call, council, officer):
    council_obj, scorers, _secretary = council
    member = scorers[0]
    dossiers = [
        workflow.perform(dossier=DossierFactory(call=call), action="send_to_council", actor=officer)
        for _ in range(23)
    ]
    # The three oldest still await the member; the twenty newer ones are scored.
    for dossier in dossiers[3:]:
        score_all(dossier, [member])
    client = client_for(member.user)
    first_page = client.get(reverse("councils:index")).content.decode()
    for dossier in dossiers[:3]:
        assert dossier.tracking_code in first_page
    assert first_page.count("Khai báo</a>") == 3

    only_pending = client.get(reverse("councils:index"), {"status": "pending"}).content.decode()
    assert only_pending.count("Khai báo</a>") == 3 and dossiers[5].tracking_code not in only_pending


def test_the_members_home_lists_what_awaits_them(in_council, council):
    _council, scorers, _secretary = council
    page = client_for(scorers[0].user).get(reverse("core:dashboard")).content.decode()
    tasks = page[page.index('id="my-tasks"') :]
    assert f"Khai báo xung đột lợi ích — Hồ sơ {in_council.tracking_code}" in tasks
    assert in_council.enterprise.name not in tasks
