"""An enterprise's registration, end to end in the browser, and the officers' pages (with screenshots)."""

import datetime as dt

import pytest
from django.utils import timezone

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Call, Dossier
from nangsuat.dossiers.registration import DEFAULT_REQUIRED_ATTACHMENTS
from nangsuat.dossiers.services import dossiers as dossier_services
from tests.conftest import login, screenshot
from tests.core.factories import UserFactory
from tests.dossiers.factories import PDF_BYTES, make_call, make_dossier, meet_eligibility
from tests.reference.factories import SupportContentFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def contents(db):
    return [
        SupportContentFactory(code="iso-9001", name="ISO 9001"),
        SupportContentFactory(code="5s", name="5S"),
        SupportContentFactory(code="lean", name="Lean"),
    ]


@pytest.fixture
def officer(can_tho):
    user = UserFactory(role=Role.OFFICER, agency=can_tho, full_name="Nguyễn Thị Thu Hà")
    enrol_totp(user, DEMO_TOTP_SECRET)
    return user


@pytest.fixture
def firm(can_tho):
    return EnterpriseFactory(agency=can_tho, name="Công ty TNHH Thực phẩm Mekong Xanh")


@pytest.fixture
def firm_user(firm):
    return enterprise_user(firm, full_name="Ngô Thị Kim Yến")


def test_enterprise_reads_the_refusal_after_the_window_closed(
    page, can_tho, officer, contents, firm, firm_user
):
    call = make_call(agency=can_tho, actor=officer, contents=contents, title="Đợt đăng ký hỗ trợ năm 2026")
    dossier = make_dossier(call=call, enterprise=firm, title="Áp dụng ISO 9001:2015")
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    Call.objects.filter(pk=call.pk).update(
        registration_opens=yesterday - dt.timedelta(days=60), registration_closes=yesterday
    )
    login(page, firm_user)
    page.goto(f"/dossiers/{dossier.pk}/")
    refusal = page.locator(".action-blocked__why").first
    assert "chỉ nhận hồ sơ từ" in refusal.inner_text()
    assert f"năm {yesterday.year}" in refusal.inner_text()
    page.goto(f"/dossiers/{dossier.pk}/actions/submit/")
    assert "hôm nay không trong thời hạn này" in page.locator(".alert--warning").inner_text()
    assert page.locator("button:has-text('Xác nhận')[disabled]").count() == 1
    screenshot(page, "dossier-submit-refused")
    assert Dossier.objects.get(pk=dossier.pk).state == "draft"


def test_enterprise_submits_inside_the_window_and_sees_the_tracking_code(
    page, can_tho, officer, contents, firm_user, monkeypatch
):
    call = make_call(agency=can_tho, actor=officer, contents=contents, title="Đợt đăng ký hỗ trợ năm 2026")
    login(page, firm_user)
    page.goto("/dossiers/calls/")
    screenshot(page, "calls-enterprise")
    page.click(f"a[href='/dossiers/calls/{call.pk}/start/']")
    # By its value: the seeded reference list may already hold "iso-9001" under its full name.
    page.select_option("select[name=content]", value=str(contents[0].pk))
    page.fill("input[name=title]", "Áp dụng ISO 9001:2015 tại nhà máy chế biến")
    page.fill("textarea[name=objectives]", "Chuẩn hóa quy trình sản xuất, giảm sai lỗi.")
    page.fill("textarea[name=expected_results]", "Được cấp chứng nhận ISO 9001:2015.")
    page.fill("input[name=total_cost_vnd]", "300.000.000")
    page.fill("input[name=requested_support_vnd]", "150.000.000")
    page.fill("input[name=period_start]", "2026-05-01")
    page.fill("input[name=period_end]", "2026-12-31")
    page.check("input[name=uses_domestic_materials]")
    page.fill("input[name=jobs_created]", "12")
    screenshot(page, "dossier-form")
    page.click("button:has-text('Lưu bản nháp')")
    assert "Đã lưu bản nháp" in page.content()
    for kind in DEFAULT_REQUIRED_ATTACHMENTS:
        page.select_option("select[name=kind]", kind)
        page.set_input_files(
            "input[name=file]",
            files=[{"name": f"{kind}.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}],
        )
        page.click(".upload-form button[type=submit]")
    page.click("a:has-text('Nộp hồ sơ')")
    page.click("button:has-text('Xác nhận')")
    dossier = Dossier.objects.get(title__startswith="Áp dụng ISO 9001")
    assert dossier.state == "submitted" and dossier.tracking_code
    assert dossier.tracking_code in page.locator(".dossier-head__code").inner_text()
    screenshot(page, "dossier-submitted-enterprise")


def _populate(can_tho, officer, contents):
    call = make_call(agency=can_tho, actor=officer, contents=contents, title="Đợt đăng ký hỗ trợ năm 2026")
    names = [
        "Công ty TNHH Thực phẩm Mekong Xanh",
        "HTX Nông nghiệp Phong Điền",
        "Công ty CP Cơ khí Trà Nóc",
        "Công ty TNHH Thủy sản Cái Răng",
        "Cơ sở Bánh pía Sóc Trăng Xưa",
    ]
    dossiers = []
    for i, name in enumerate(names):
        firm = EnterpriseFactory(agency=can_tho, name=name)
        d = make_dossier(
            call=call,
            enterprise=firm,
            state="submitted",
            content=contents[i % 3],
            title=f"Áp dụng {contents[i % 3].name} tại {name.split()[-2]} {name.split()[-1]}",
        )
        Dossier.objects.filter(pk=d.pk).update(
            tracking_code=f"CT-2026-{i + 1:06d}", due_on=timezone.localdate() + dt.timedelta(days=4 - 3 * i)
        )
        dossiers.append(Dossier.objects.get(pk=d.pk))
    return call, dossiers


def test_officer_pages(page, can_tho, officer, contents, monkeypatch):
    director = UserFactory(role=Role.DIRECTOR, agency=can_tho)
    call, dossiers = _populate(can_tho, officer, contents)
    first = dossiers[0]
    enterprise = first.enterprise
    dossier_services.add_comment(
        dossier=first, author=officer, body="Đã gọi điện nhắc bổ sung BCTC 2025.", internal=True
    )
    monkeypatch.setitem(workflow.EFFECTS, "supplement_request_letter", lambda step: None)
    earlier = make_call(agency=can_tho, actor=officer, contents=[first.content], title="Đợt 2025", year=2025)
    make_dossier(call=earlier, enterprise=enterprise, state="contracted", content=first.content)
    meet_eligibility(first, officer)
    login(page, officer)
    page.goto(f"/dossiers/{first.pk}/")
    assert "cùng nội dung" in page.content()
    screenshot(page, "dossier-page-officer")
    page.goto("/dossiers/")
    assert "CT-2026-000003" in page.content()
    screenshot(page, "dossier-list")
    page.goto("/dossiers/tasks/")
    overdue = page.locator(".task--over").count()
    assert overdue >= 1
    screenshot(page, "tasks-officer")
    page.goto("/dossiers/calls/new/")
    screenshot(page, "call-form")
    page.goto(f"/dossiers/{dossiers[1].pk}/actions/request_supplement/")
    screenshot(page, "action-confirm")
    page.fill("textarea[name=items]", "Bổ sung báo cáo tài chính năm 2025 có xác nhận.")
    page.click("button:has-text('Xác nhận')")
    assert Dossier.objects.get(pk=dossiers[1].pk).state == "needs_supplement"
    assert director  # the director's override is covered by the service tests


def test_public_lookup_page(page, can_tho, officer, contents):
    _call, dossiers = _populate(can_tho, officer, contents)
    d = dossiers[0]
    page.goto("/dossiers/tra-cuu/")
    page.fill("input[name=code]", d.tracking_code)
    page.fill("input[name=tax_code]", d.enterprise.tax_code)
    page.click("button:has-text('Tra cứu')")
    assert "Đã nộp" in page.locator(".lookup-result").inner_text()
    assert d.title not in page.content()
    screenshot(page, "public-lookup")
