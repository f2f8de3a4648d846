"""Officers' registry pages in a real browser: search without diacritics, a bad tax code, import progress."""

import io
import re

import pytest
from openpyxl import Workbook

from nangsuat.core.models import Job, User
from nangsuat.demo import accounts as core_demo
from nangsuat.demo import enterprises as demo
from nangsuat.demo.accounts import DEMO_PASSWORD
from nangsuat.reference.models import VsicCode, Ward
from nangsuat.registry.importer import COLUMNS
from nangsuat.registry.models import Enterprise
from nangsuat.registry.services import refresh_search_text
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(monkeypatch):
    from django.core.cache import cache

    cache.clear()  # a TOTP code used by an earlier test (same user id after the flush) is not a replay
    monkeypatch.setattr(demo, "COUNT", 60)
    core_demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    # the demo's names depend on the reference data loaded; the search below needs one of each kind of match
    by_name, by_address = Enterprise.objects.order_by("pk")[1:3]
    by_name.name = "Công ty TNHH Chế biến Thủy sản Cần Thơ"
    by_address.address = "Số 8 đường 30 Tháng 4, thành phố Cần Thơ"
    for enterprise in (by_name, by_address):
        refresh_search_text(enterprise)
        enterprise.save()
    return User.objects.get(username="officer")


def test_officer_searches_without_diacritics_and_reads_the_detail(page, seeded):
    login(page, seeded, DEMO_PASSWORD)
    page.goto("/registry/enterprises/")
    page.fill("input[name=q]", "can tho")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"q=can(\+|%20)tho"))  # htmx swapped the results in and pushed the URL
    rows = page.locator("table.table tbody tr")
    assert rows.count() > 0
    texts = rows.all_inner_texts()
    assert all("Cần Thơ" in text for text in texts)  # found by "can tho", written with its diacritics
    assert "Cần Thơ" in texts[0].split("\n")[0]  # a name match comes before an address match
    screenshot(page, "registry-list-search")
    page.goto("/registry/enterprises/")
    screenshot(page, "registry-list")
    mekong = Enterprise.objects.get(name__contains="Mekong Xanh")
    page.goto(f"/registry/enterprises/{mekong.pk}/")
    assert page.locator("h1").inner_text() == "Công ty TNHH Chế biến Thực phẩm Mekong Xanh"
    assert "Số liệu theo năm" in page.content()
    screenshot(page, "registry-detail")


def test_officer_creating_with_a_bad_tax_code_reads_the_vietnamese_error(page, seeded):
    login(page, seeded, DEMO_PASSWORD)
    page.goto("/registry/enterprises/new/")
    page.fill("input[name=tax_code]", "0100233480")
    page.fill("input[name=name]", "Công ty TNHH Thử Nghiệm")
    page.select_option("select[name=vsic]", index=1)
    page.select_option("select[name=ward]", index=1)
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    screenshot(page, "registry-form-error")
    error = page.locator(".field--error .field__error").first.inner_text()
    assert error == "Mã số thuế không hợp lệ: sai chữ số kiểm tra."
    screenshot(page, "registry-form-error")
    page.fill("input[name=tax_code]", "0100233488")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Công ty TNHH Thử Nghiệm"


def test_import_shows_progress_and_errors(page, seeded, tmp_path):
    login(page, seeded, DEMO_PASSWORD)
    book = Workbook()
    book.active.append([str(c.header) for c in COLUMNS])
    ward = Ward.objects.filter(province_id="92").first().name
    vsic = VsicCode.objects.filter(level=2).first().code
    values = {"tax_code": "0100233488", "name": "Công ty CP Nhập Khẩu", "vsic": vsic, "ward": ward}
    book.active.append([values.get(c.key, "") for c in COLUMNS])
    book.active.append([{**values, "tax_code": "0100233480"}.get(c.key, "") for c in COLUMNS])
    path = tmp_path / "doanh-nghiep.xlsx"
    book.save(path)
    page.goto("/registry/import/")
    screenshot(page, "registry-import-start")
    page.set_input_files("input[type=file]", str(path))
    page.click("form.form button[type=submit]")
    page.wait_for_selector("text=dòng lỗi", timeout=30_000)
    assert "Mã số thuế không hợp lệ: sai chữ số kiểm tra." in page.content()
    screenshot(page, "registry-import-done")
    running = Job.objects.create(
        agency=seeded.agency,
        owner=seeded,
        kind="registry.import",
        status="running",
        total=12000,
        done=7300,
        params={"filename": "doanh-nghiep-2026.xlsx"},
    )
    page.goto(f"/registry/import/{running.pk}/")
    assert "7300 / 12000" in page.content()
    screenshot(page, "registry-import-progress")
    Job.objects.filter(pk=running.pk).update(
        status="done",
        done=12000,
        result={"created": 1, "updated": 0, "unchanged": 0, "error_rows": 0, "errors": []},
    )
    page.wait_for_selector("text=Tất cả các dòng đều hợp lệ.", timeout=10_000)  # htmx polling picked it up


def test_enterprise_user_sees_its_profile(page, seeded):
    user = User.objects.get(username="enterprise")
    login(page, user, DEMO_PASSWORD)
    page.goto("/registry/me/")
    assert "Mekong Xanh" in page.locator("h1").inner_text()
    screenshot(page, "registry-my-enterprise")
    other = Enterprise.objects.exclude(name__contains="Mekong Xanh").first()
    response = page.goto(f"/registry/enterprises/{other.pk}/")
    assert response.status == 404


def test_officer_confirms_a_membership_claim(page, seeded):
    from nangsuat.registry.services import claim_membership
    from tests.core.factories import UserFactory

    claimant = UserFactory(role="enterprise", agency=None, full_name="Lê Thị Mỹ Duyên", phone="0907 111 222")
    enterprise = Enterprise.objects.exclude(name__contains="Mekong Xanh").first()
    claim_membership(user=claimant, enterprise=enterprise)
    login(page, seeded, DEMO_PASSWORD)
    page.goto("/registry/memberships/")
    assert "Lê Thị Mỹ Duyên" in page.content()
    screenshot(page, "registry-membership-queue")
    page.click("button[value=confirm]")
    page.wait_for_load_state()
    assert "Đã xác nhận Lê Thị Mỹ Duyên đại diện cho" in page.content()
    assert "Không có yêu cầu nào đang chờ" in page.content()
