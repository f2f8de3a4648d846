"""“Thao tác gần đây” reads as officials speak: translated actions and states, tracking codes and document
numbers, never codes or database ids."""

import pytest
from django.urls import reverse

from nangsuat.core.roles import Role
from nangsuat.dossiers import workflow
from tests.core.clients import client_for
from tests.core.factories import UserFactory
from tests.dossiers.factories import make_call, make_dossier
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings):
    settings.STAFF_MFA_REQUIRED = False


def test_activity_names_actions_states_codes_and_document_numbers(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    call = make_call(agency=can_tho, actor=officer)
    enterprise = EnterpriseFactory(agency=can_tho)
    owner = enterprise_user(enterprise)
    dossier = workflow.perform(
        dossier=make_dossier(call=call, enterprise=enterprise), action="submit", actor=owner
    )
    page = client_for(officer).get(reverse("core:dashboard")).content.decode()
    activity = page[page.index('id="activity"') :]
    assert f"<strong>Nộp hồ sơ</strong> · Hồ sơ đăng ký hỗ trợ {dossier.tracking_code}" in activity
    assert "(Bản nháp → Đã nộp)" in activity
    assert "<strong>Phát hành văn bản</strong> · Văn bản " in activity  # the receipt slip, by its number
    assert "<strong>Công bố đợt đăng ký</strong>" in activity
    for code in ("submit ·", "issue_document", "draft →", "→ submitted", f"#{dossier.pk}"):
        assert code not in activity


def test_activity_in_english(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    make_call(agency=can_tho, actor=officer)
    client = client_for(officer)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "<strong>Publish the call</strong>" in page
