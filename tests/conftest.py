import os
import shutil
import time

import pytest
from hypothesis import settings as hypothesis_settings

from nangsuat.core.models import Agency
from nangsuat.demo.accounts import CAN_THO, VINH_LONG

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = os.environ.get("NANGSUAT_SCREENSHOTS", "var/screenshots")

# The properties test values, not speed: on a loaded CI machine one example may take longer than
# Hypothesis's default 200 ms deadline, which would fail a test that found nothing wrong.
hypothesis_settings.register_profile("suite", deadline=None)
hypothesis_settings.load_profile("suite")


@pytest.fixture
def can_tho(db) -> Agency:
    return Agency.objects.get_or_create(code=CAN_THO["code"], defaults=CAN_THO)[0]


@pytest.fixture
def vinh_long(db) -> Agency:
    return Agency.objects.get_or_create(code=VINH_LONG["code"], defaults=VINH_LONG)[0]


@pytest.fixture(autouse=True)
def _vietnamese(settings):
    """Each test starts in Vietnamese: a request in English must not leave its language active."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


# --- Browser tests: Playwright driving Debian's Chromium --------------------------------------------

BROWSER_FIXTURES = frozenset({"page", "_browser"})


def unmarked_browser_tests(items) -> list[str]:
    """The tests that drive the browser without ``pytest.mark.browser``."""
    return [
        item.nodeid
        for item in items
        if BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        and item.get_closest_marker("browser") is None
    ]


@pytest.hookimpl(tryfirst=True)  # first, to see every test before ``-m`` deselects any
def pytest_collection_modifyitems(config, items):
    if unmarked := unmarked_browser_tests(items):
        raise pytest.UsageError(
            "These tests drive the browser but lack pytest.mark.browser "
            "(add `pytestmark = pytest.mark.browser` to their module):\n  " + "\n  ".join(unmarked)
        )


@pytest.fixture(scope="session")
def _browser():
    if not shutil.which("chromium") and not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(_browser, live_server):
    context = _browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def screenshot(page, name: str) -> str:
    os.makedirs(SCREENSHOTS, exist_ok=True)
    path = os.path.join(SCREENSHOTS, f"{name}.png")
    page.screenshot(path=path, full_page=True)
    return path


def login(page, user, password: str = "Test@12345") -> None:
    """Sign in through the real login form, answering the TOTP step for staff."""
    from nangsuat.core.mfa import current_totp_code

    page.goto("/accounts/login/")
    page.fill("input[name=login]", user.username)
    page.fill("input[name=password]", password)
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()
    # A code is accepted once; signing the same user in again within 30 s needs the next step's code
    # (the server tolerates one step of drift), and after that, waiting for a new step.
    for offset in (0, 30, 60, 90):
        if not page.locator("input[name=code]").count():
            break
        if offset == 60:
            time.sleep(30 - time.time() % 30 + 0.5)
        page.fill("input[name=code]", current_totp_code(user, at=time.time() + (offset % 60)))
        page.press("input[name=code]", "Enter")
        page.wait_for_load_state()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (the filters' cached lists, throttles, figures)."""
    from django.core.cache import cache

    cache.clear()
