"""A council member finds their work: “Việc cần làm” names each dossier's next step, the council page puts
the sheets to do first, and its status filter works under the strict Content-Security-Policy."""

import pytest

from nangsuat.core.mfa import enrol_totp
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.dossiers import workflow
from tests.conftest import login, screenshot
from tests.core.factories import UserFactory
from tests.councils.factories import make_council, score_all
from tests.dossiers.factories import CallFactory, DossierFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_finds_pending_declarations_and_filters_without_console_errors(page, can_tho):
    from nangsuat.core.roles import Role

    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    call = CallFactory(agency=can_tho, title="Đợt đăng ký hỗ trợ năm 2026")
    _council, scorers, _secretary = make_council(call, officer=officer)
    member = scorers[0].user
    enrol_totp(member, DEMO_TOTP_SECRET)
    dossiers = [
        workflow.perform(dossier=DossierFactory(call=call), action="send_to_council", actor=officer)
        for _ in range(22)
    ]
    for dossier in dossiers[2:]:
        score_all(dossier, [scorers[0]])
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    login(page, member)
    page.goto("/dossiers/tasks/")
    assert page.locator(".task").count() == 2
    assert page.locator(".task__step").all_inner_texts() == ["KHAI BÁO XUNG ĐỘT LỢI ÍCH"] * 2
    screenshot(page, "tasks-council-member")

    page.goto("/councils/")
    rows = page.locator("section.panel").first.locator("tbody tr")
    assert dossiers[0].tracking_code in rows.nth(0).inner_text() + rows.nth(1).inner_text()
    page.select_option("#status", "pending")
    page.wait_for_url("**/councils/?status=pending")
    assert page.locator("section.panel").first.locator("tbody tr").count() == 2
    screenshot(page, "council-member-filtered")
    assert errors == []  # neither the policy nor a missing file (the favicon) complains
