"""axe-core over the main pages of every role, on a desktop and in English too: no critical and no
serious accessibility violation (WCAG 2.1 A and AA rules)."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import login

from .test_phone_width import pages_for, world  # noqa: F401  the same world and pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEVERE = {"critical", "serious"}
OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _severe(results) -> list[dict]:
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "nodes": [n["target"] for n in v["nodes"][:4]],
            "summary": v["nodes"][0].get("failureSummary", "")[:200],
        }
        for v in results.response["violations"]
        if v["impact"] in SEVERE
    ]


def test_the_main_pages_have_no_critical_or_serious_violation(_browser, live_server, world):  # noqa: F811
    axe = Axe()
    found = {}
    public = _browser.new_context(base_url=live_server.url, locale="vi-VN")
    page = public.new_page()
    # The check can fail: a button without a name is a critical violation.
    page.set_content('<html lang="vi"><body><main><button></button></main></body></html>')
    assert _severe(axe.run(page, options=OPTIONS)), "axe found nothing on a broken page"
    for url in ("/", "/accounts/login/", "/dossiers/tra-cuu/", "/khong-co-trang-nay/"):
        page.goto(url)
        if severe := _severe(axe.run(page, options=OPTIONS)):
            found[f"anonymous {url}"] = severe
    public.close()
    for who, urls in pages_for(world).items():
        context = _browser.new_context(
            base_url=live_server.url, locale="vi-VN", viewport={"width": 1366, "height": 900}
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        login(page, world[who])
        for url in urls:
            page.goto(url)
            if severe := _severe(axe.run(page, options=OPTIONS)):
                found[f"{who} {url}"] = severe
        context.close()
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
