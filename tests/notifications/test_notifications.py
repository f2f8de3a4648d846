"""Who is notified when a dossier moves, by e-mail too, and the notifications page."""

import pytest
from django.core import mail
from django.urls import reverse

from nangsuat.core.roles import Role
from nangsuat.dossiers import workflow
from nangsuat.dossiers.states import State
from nangsuat.notifications.models import Notification
from nangsuat.notifications.services import mark_read, notify
from tests.core.factories import AgencyFactory, UserFactory
from tests.registry.factories import enterprise_user

pytestmark = pytest.mark.django_db


def test_request_supplement_notifies_the_enterprise_not_the_officer(
    dossier, owner, officer, director, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://nangsuat.cantho.gov.vn/"
    other_member = enterprise_user(dossier.enterprise)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform(
            dossier=dossier,
            action="request_supplement",
            actor=officer,
            note="Thiếu báo cáo tài chính",
            payload={"items": "Báo cáo tài chính năm 2026"},
        )
    got = set(Notification.objects.values_list("user_id", flat=True))
    assert got == {owner.pk, other_member.pk}
    note = Notification.objects.get(user=owner)
    assert dossier.tracking_code in note.title and "Cần bổ sung" in note.title
    assert "Nộp lại hồ sơ đã bổ sung" in note.body
    assert note.url == reverse("dossiers:dossier_detail", args=[dossier.pk])
    assert sorted(m.to[0] for m in mail.outbox) == sorted([owner.email, other_member.email])
    assert mail.outbox[0].subject.startswith("[Chương trình 1322] Hồ sơ")
    assert "Kính gửi" in mail.outbox[0].body
    assert f"https://nangsuat.cantho.gov.vn{note.url}" in mail.outbox[0].body  # a link that works from a mail


def test_staff_who_act_next_in_the_agency_are_notified(dossier, owner, officer, can_tho, vinh_long):
    other_officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    far_officer = UserFactory(role=Role.OFFICER, agency=vinh_long)
    director = UserFactory(role=Role.DIRECTOR, agency=can_tho)
    dossier.state = State.NEEDS_SUPPLEMENT
    dossier.save()
    from nangsuat.notifications.receivers import notify_transition

    step = workflow.Step(dossier, owner, workflow.BY_ACTION["resubmit"], State.NEEDS_SUPPLEMENT)
    notify_transition(step)
    got = set(Notification.objects.values_list("user_id", flat=True))
    # Officers of Cần Thơ act next on a submitted dossier; the director and Vĩnh Long do not.
    assert {officer.pk, other_officer.pk} <= got
    assert far_officer.pk not in got and director.pk not in got and owner.pk not in got
    title = Notification.objects.get(user=officer).title
    assert "chờ bạn xử lý" in title and "Xác nhận hợp lệ" in title


def test_user_without_email_gets_only_the_bell(dossier, django_capture_on_commit_callbacks):
    user = UserFactory(role=Role.OFFICER, agency=dossier.agency, email="")
    with django_capture_on_commit_callbacks(execute=True):
        notify(user, title="Thử", dossier=dossier)
    assert Notification.objects.filter(user=user).count() == 1 and mail.outbox == []


def test_inactive_users_are_not_notified(dossier):
    user = UserFactory(role=Role.OFFICER, agency=dossier.agency, is_active=False)
    assert notify(user, title="Thử") is None


def test_notifications_page_and_mark_as_read(client, officer):
    mine = notify(officer, title="Hồ sơ CT-1 chờ bạn xử lý", url="/app/", email=False)
    theirs = notify(UserFactory(agency=officer.agency), title="Không phải của bạn", email=False)
    client.force_login(officer)
    page = client.get(reverse("notifications:list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Hồ sơ CT-1 chờ bạn xử lý" in html and "Không phải của bạn" not in html
    assert 'class="bell__count" aria-hidden="true">1<' in html
    assert client.get(reverse("notifications:open", args=[theirs.pk])).status_code == 404
    response = client.get(reverse("notifications:open", args=[mine.pk]))
    assert response.status_code == 302 and response["Location"] == "/app/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    notify(officer, title="Thứ hai", email=False)
    client.post(reverse("notifications:mark_read"))
    assert not Notification.objects.filter(user=officer, read_at__isnull=True).exists()


def test_mark_read_only_touches_the_users_own(officer):
    other = UserFactory(agency=AgencyFactory())
    theirs = notify(other, title="x", email=False)
    assert mark_read(user=officer, ids=[theirs.pk]) == 0


def test_page_needs_login(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_user_turns_email_off_and_on_and_the_bell_keeps_everything(
    owner, django_capture_on_commit_callbacks, settings
):
    from django.test import Client

    from nangsuat.core.models import AuditEntry

    settings.STAFF_MFA_REQUIRED = False
    c = Client()
    c.force_login(owner)
    page = c.get(reverse("notifications:list")).content.decode()
    assert owner.email in page and "Không nhận qua thư điện tử" in page
    r = c.post(reverse("notifications:email_preference"), {"enabled": "0"}, follow=True)
    assert "Bạn sẽ không nhận thông báo qua thư điện tử nữa" in r.content.decode()
    owner.refresh_from_db()
    assert owner.email_notifications is False
    assert AuditEntry.objects.filter(action="notifications.email_off", actor=owner).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        notify(owner, title="Hồ sơ CT-1 cần bổ sung")
    assert mail.outbox == [] and Notification.objects.filter(user=owner).count() == 1
    c.post(reverse("notifications:email_preference"), {"enabled": "1"})
    owner.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        notify(owner, title="Hồ sơ CT-1 đã được tiếp nhận")
    assert [m.to[0] for m in mail.outbox] == [owner.email]
    assert c.get(reverse("notifications:email_preference")).status_code == 405
