"""On a 360 px phone no main page scrolls sideways, for any role: wide tables scroll inside their own box,
term lists stack, and nothing else is wider than the screen."""

import json
import os

import pytest

from nangsuat.core.mfa import enrol_totp
from nangsuat.core.roles import Role
from nangsuat.councils import services as council_services
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.dossiers import workflow
from nangsuat.registry import services as registry_services
from tests.conftest import SCREENSHOTS, login
from tests.contracts.test_workflow import contracted
from tests.core.factories import UserFactory
from tests.councils.factories import make_council, score_all
from tests.dossiers.factories import DossierFactory, make_call, make_dossier
from tests.registry.factories import EnterpriseFactory, enterprise_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = 360

# Elements sticking out past the viewport, except inside a box that scrolls (or clips) on its own.
OVERFLOW = """(vw) => {
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === "auto" || o === "scroll" || o === "hidden") return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width > 1 && r.right > vw + 0.5 && !clipped(el)) {
      out.push(`${el.tagName.toLowerCase()}.${String(el.className).trim().replace(/\\s+/g, ".")} → ${Math.round(r.right)}px`);
    }
  }
  return {width: document.documentElement.scrollWidth, offenders: out.slice(0, 12)};
}"""


def staff(role, agency, **kwargs):
    user = UserFactory(role=role, agency=agency, **kwargs)
    enrol_totp(user, DEMO_TOTP_SECRET)
    return user


@pytest.fixture
def world(can_tho):
    officer = staff(Role.OFFICER, can_tho, full_name="Nguyễn Thị Thu Hà")
    director = staff(Role.DIRECTOR, can_tho, full_name="Trần Văn Minh")
    call = make_call(agency=can_tho, actor=officer, title="Đợt đăng ký hỗ trợ doanh nghiệp năm 2026")
    enterprise = EnterpriseFactory(
        agency=can_tho, name="Công ty Trách nhiệm hữu hạn Thương mại Dịch vụ Chế biến Thủy sản Cửu Long"
    )
    owner = enterprise_user(enterprise, full_name="Ngô Thị Kim Yến")
    for year, people in ((2024, 38), (2025, 41)):
        registry_services.set_year_figures(
            actor=officer,
            enterprise=enterprise,
            year=year,
            employees=people,
            revenue_vnd=48_500_000_000 + year,
            capital_vnd=21_750_000_000,
        )
    registry_services.add_contact(
        actor=officer,
        enterprise=enterprise,
        data={
            "full_name": "Trương Nguyễn Hoàng Phương Thảo",
            "position": "Phó Giám đốc phụ trách sản xuất và quản lý chất lượng",
            "phone": "0292 3 812 345",
            "email": "phuongthao.truongnguyenhoang@thuysancuulong.com.vn",
        },
    )
    content = call.contents.first().content
    submitted = make_dossier(call=call, enterprise=enterprise, state="submitted")
    council = make_council(call, officer=officer)
    _c, scorers, _secretary = council
    member = scorers[0].user
    enrol_totp(member, DEMO_TOTP_SECRET)
    in_council = workflow.perform(
        dossier=DossierFactory(call=call, enterprise=enterprise, content=content),
        action="send_to_council",
        actor=officer,
    )
    score_all(in_council, [scorers[0]])
    scoring = scorers[1].user  # declared, still scoring: the editable sheet
    enrol_totp(scoring, DEMO_TOTP_SECRET)
    council_services.declare_conflict(
        sheet=scorers[1].sheets.get(dossier=in_council), actor=scoring, has_conflict=False
    )
    signed = contracted(call, officer, director, council, enterprise=enterprise, content=content)
    admin = staff(Role.ADMIN, can_tho, full_name="Lê Quản Trị")
    return {
        "director": director,
        "admin": admin,
        "officer": officer,
        "owner": owner,
        "member": member,
        "scoring": scoring,
        "call": call,
        "enterprise": enterprise,
        "submitted": submitted,
        "in_council": in_council,
        "council": council[0],
        "contract": signed.contract,
    }


def pages_for(world) -> dict[str, list[str]]:
    call, ent, sub, contract = world["call"], world["enterprise"], world["submitted"], world["contract"]
    council, scored = world["council"], world["in_council"]
    return {
        "owner": [
            "/app/",
            "/",
            f"/dossiers/calls/{call.pk}/",
            "/dossiers/calls/",
            "/dossiers/",
            f"/dossiers/{sub.pk}/",
            f"/dossiers/{scored.pk}/",
            "/dossiers/tasks/",
            "/registry/me/",
            f"/registry/enterprises/{ent.pk}/",
            f"/contracts/{contract.pk}/",
            "/contracts/",
            "/notifications/",
            "/account/",
        ],
        "member": [
            "/app/",
            "/councils/",
            f"/councils/{council.pk}/dossiers/{scored.pk}/",
            "/dossiers/tasks/",
            "/account/",
        ],
        "scoring": [f"/councils/{council.pk}/dossiers/{scored.pk}/"],
        "director": ["/app/", "/dossiers/tasks/", f"/submissions/{call.pk}/", "/contracts/", "/councils/"],
        "admin": ["/app/", "/staff/", "/staff/new/", "/registry/enterprises/", "/account/"],
        "officer": [
            "/app/",
            "/dossiers/",
            f"/dossiers/{sub.pk}/",
            "/dossiers/tasks/",
            f"/dossiers/calls/{call.pk}/",
            "/councils/",
            f"/councils/{council.pk}/",
            f"/registry/enterprises/{ent.pk}/",
            "/registry/enterprises/",
            "/contracts/",
            f"/contracts/{contract.pk}/",
            f"/dossiers/{sub.pk}/actions/request_supplement/",
            f"/submissions/{call.pk}/",
            "/notifications/",
            "/account/",
        ],
    }


def test_no_main_page_is_wider_than_a_phone(_browser, live_server, world):
    too_wide = {}
    for who, urls in pages_for(world).items():
        context = _browser.new_context(
            base_url=live_server.url, locale="vi-VN", viewport={"width": PHONE, "height": 780}
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        login(page, world[who])
        for url in urls:
            response = page.goto(url)
            assert response.status < 400, (who, url, response.status)
            found = page.evaluate(OVERFLOW, PHONE)
            if found["width"] > PHONE or found["offenders"]:
                too_wide[f"{who} {url}"] = found
            name = f"{who}-{url.strip('/').replace('/', '-') or 'home'}"
            os.makedirs(SCREENSHOTS, exist_ok=True)
            page.screenshot(path=f"{SCREENSHOTS}/phone-{PHONE}-{name}.png", full_page=True)
        context.close()
    assert too_wide == {}, json.dumps(too_wide, indent=1, ensure_ascii=False)
