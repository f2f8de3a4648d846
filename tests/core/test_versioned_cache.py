from django.core.cache import cache

from nangsuat.core.versioned_cache import _version_key, cached, forget


def _counting():
    built = []

    def build():
        built.append(1)
        return len(built)

    return build, built


def test_a_value_is_built_once_then_read_from_the_cache():
    build, built = _counting()
    assert cached("g", "a", build) == 1
    assert cached("g", "a", build) == 1
    assert cached("g", ("a", 2), build) == 2  # another name, another entry
    assert len(built) == 2


def test_forget_drops_the_group_and_only_it():
    build, _ = _counting()
    other, _ = _counting()
    assert cached("g", "a", build) == 1
    assert cached("h", "a", other) == 1
    forget("g")
    assert cached("g", "a", build) == 2
    assert cached("h", "a", other) == 1


def test_an_evicted_version_never_brings_back_old_entries():
    build, _ = _counting()
    assert cached("g", "a", build) == 1
    cache.delete(_version_key("g"))
    assert cached("g", "a", build) == 2


def test_without_seconds_the_value_is_built_every_time():
    build, built = _counting()
    cached("g", "a", build, seconds=0)
    cached("g", "a", build, seconds=0)
    assert len(built) == 2
