"""The suite refuses a test that drives the browser without ``pytest.mark.browser``: ``make test-fast``
(``-m "not browser"``) would run it otherwise."""

from types import SimpleNamespace

from tests.conftest import unmarked_browser_tests


def collected(nodeid: str, fixtures: list[str], marks: tuple[str, ...] = ()) -> SimpleNamespace:
    return SimpleNamespace(
        nodeid=nodeid,
        fixturenames=fixtures,
        get_closest_marker=lambda name: name if name in marks else None,
    )


def test_tests_using_the_browser_without_the_mark_are_named():
    items = [
        collected("test_page_unmarked", ["page", "db"]),
        collected("test_page_marked", ["page", "live_server"], marks=("browser",)),
        collected("test_no_browser", ["db"]),
        collected("test_browser_fixture_unmarked", ["_browser"]),
    ]
    assert unmarked_browser_tests(items) == ["test_page_unmarked", "test_browser_fixture_unmarked"]
