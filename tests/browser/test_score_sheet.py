"""The score sheet adds up as the member types, shows each criterion's guidance, and refuses 60 out of 50
before anything is sent (the server refuses it too)."""

import pytest

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.councils import services
from nangsuat.councils.models import ScoreSheet
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.dossiers import workflow
from tests.conftest import login, screenshot
from tests.core.factories import UserFactory
from tests.councils.factories import make_council
from tests.dossiers.factories import CallFactory, DossierFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_running_total_guidance_and_out_of_range_points(page, can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    call = CallFactory(agency=can_tho)
    council, scorers, _secretary = make_council(call, officer=officer)
    member = scorers[0]
    enrol_totp(member.user, DEMO_TOTP_SECRET)
    dossier = workflow.perform(dossier=DossierFactory(call=call), action="send_to_council", actor=officer)
    sheet = member.sheets.get(dossier=dossier)
    services.declare_conflict(sheet=sheet, actor=member.user, has_conflict=False)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))

    login(page, member.user)
    page.goto(f"/councils/{council.pk}/dossiers/{dossier.pk}/")
    assert "năng lực của doanh nghiệp và đơn vị tư vấn" in page.locator("#guide_feasibility").inner_text()
    page.fill("#points_urgency", "12")
    page.fill("#points_feasibility", "60")
    page.fill("#points_effectiveness", "28")
    assert (
        "Điểm phải là số nguyên từ 0 đến 50."
        in page.locator("tr", has=page.locator("#points_feasibility")).inner_text()
    )
    page.get_by_role("button", name="Nộp phiếu").click()
    assert dialogs == []  # refused before the confirmation, nothing sent
    assert page.evaluate("document.activeElement.id") == "points_feasibility"
    screenshot(page, "score-sheet-out-of-range-1280")
    assert ScoreSheet.objects.get(pk=sheet.pk).status == "draft"

    page.fill("#points_feasibility", "40")
    assert page.locator("#score-total").inner_text() == "80"
    assert page.locator(".field__error").count() == 0
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "score-sheet-390")
    page.get_by_role("button", name="Nộp phiếu").click()
    page.wait_for_load_state()
    assert dialogs and ScoreSheet.objects.get(pk=sheet.pk).status == "submitted"
