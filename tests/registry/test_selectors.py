import pytest

from nangsuat.core.roles import Role
from nangsuat.registry import selectors, services
from nangsuat.registry.models import Enterprise
from tests.core.factories import UserFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user, valid_tax_code

pytestmark = pytest.mark.django_db


def make(agency, name, address="", **kw):
    tax_code = kw.pop("tax_code", None) or valid_tax_code(Enterprise.objects.count() + 500)
    return EnterpriseFactory(
        agency=agency,
        name=name,
        address=address,
        tax_code=tax_code,
        search_text=services.build_search_text(name=name, tax_code=tax_code, address=address),
        **kw,
    )


def names(qs):
    return [e.name for e in qs]


@pytest.fixture
def registry(officer):
    a = officer.agency
    return {
        "tho": make(a, "Công ty TNHH Thủy sản Cần Thơ"),
        "start": make(a, "Cần Thơ Food"),
        "addr": make(a, "Công ty CP Mekong", address="Quận Ninh Kiều, Cần Thơ"),
        "dong": make(a, "Hợp tác xã Đông Phú"),
        "tax": make(a, "Doanh nghiệp tư nhân Ánh Dương", tax_code="0314409058-002"),
    }


@pytest.mark.parametrize("q", ["can tho", "CẦN THƠ", "Cần Thơ", "cAn ThO", "  can   tho "])
def test_search_is_diacritic_and_case_insensitive(officer, registry, q):
    found = names(selectors.enterprise_list(officer, q=q))
    assert set(found) == {"Công ty TNHH Thủy sản Cần Thơ", "Cần Thơ Food", "Công ty CP Mekong"}


def test_best_match_first(officer, registry):
    found = names(selectors.enterprise_list(officer, q="can tho"))
    assert found[0] == "Cần Thơ Food"  # the name starts with the query
    assert found[-1] == "Công ty CP Mekong"  # only its address matches


def test_d_finds_đ(officer, registry):
    assert names(selectors.enterprise_list(officer, q="dong phu")) == ["Hợp tác xã Đông Phú"]
    assert names(selectors.enterprise_list(officer, q="Đông")) == ["Hợp tác xã Đông Phú"]


def test_every_word_must_match(officer, registry):
    assert names(selectors.enterprise_list(officer, q="thuy san can")) == ["Công ty TNHH Thủy sản Cần Thơ"]
    assert names(selectors.enterprise_list(officer, q="zzzz qqqq")) == []


def test_tax_code_prefix(officer, registry):
    assert names(selectors.enterprise_list(officer, q="0314")) == ["Doanh nghiệp tư nhân Ánh Dương"]
    assert names(selectors.enterprise_list(officer, q="0314409058002")) == ["Doanh nghiệp tư nhân Ánh Dương"]
    assert names(selectors.enterprise_list(officer, q="0314409058-00")) == ["Doanh nghiệp tư nhân Ánh Dương"]


def test_filters_and_order(officer, registry):
    registry["dong"].kind = "cooperative"
    registry["dong"].save()
    assert names(selectors.enterprise_list(officer, kind="cooperative")) == ["Hợp tác xã Đông Phú"]
    assert len(selectors.enterprise_list(officer, vsic_section="c")) == 5
    assert len(selectors.enterprise_list(officer, vsic_section="G")) == 0
    assert len(selectors.enterprise_list(officer, size="small")) == 5
    by_name = names(selectors.enterprise_list(officer, order="-name"))
    assert by_name == sorted(by_name, reverse=True)


def test_scoping(officer, registry, vinh_long):
    other = UserFactory(role=Role.OFFICER, agency=vinh_long)
    make(vinh_long, "Công ty Vĩnh Long Cần Thơ")
    assert "Công ty Vĩnh Long Cần Thơ" not in names(selectors.enterprise_list(officer, q="can tho"))
    assert names(selectors.enterprise_list(other)) == ["Công ty Vĩnh Long Cần Thơ"]
    ministry = UserFactory(role=Role.MINISTRY, agency=None)
    assert len(selectors.enterprise_list(ministry)) == 6
    user = enterprise_user(registry["dong"])
    assert names(selectors.enterprise_list(user)) == ["Hợp tác xã Đông Phú"]
    pending = UserFactory(role=Role.ENTERPRISE, agency=None)
    services.claim_membership(user=pending, enterprise=registry["tho"])
    assert names(selectors.enterprise_list(pending)) == []
    assert [m.user for m in selectors.pending_memberships(officer)] == [pending]
    assert list(selectors.pending_memberships(other)) == []


def test_list_query_count_does_not_grow_with_rows(officer, registry, django_assert_num_queries):
    from django.db import connection

    # PostgreSQL first checks that some enterprise has every word (else it searches by similarity).
    with django_assert_num_queries(2 if connection.vendor == "postgresql" else 1):
        rows = list(selectors.enterprise_list(officer, q="cong ty"))
        [(e.ward.name, e.vsic.name) for e in rows]


def test_typo_falls_back_to_trigram_similarity_on_postgresql(officer, registry):
    from django.db import connection

    found = names(selectors.enterprise_list(officer, q="thuy sanx can tho"))
    if connection.vendor == "postgresql":
        assert found[0] == "Công ty TNHH Thủy sản Cần Thơ"
    else:
        assert found == []


def test_vague_search_ranks_a_window_but_keeps_names_starting_with_it_first(officer, registry, monkeypatch):
    from django.db import connection

    monkeypatch.setattr(selectors, "SEARCH_WINDOW", 2)
    for n in range(6):
        make(officer.agency, f"Công ty TNHH Cơ khí Cần Thơ số {n}")
    make(officer.agency, "Cần Thơ Seafood")
    found = names(selectors.enterprise_list(officer, q="can tho"))
    # Both names starting with "Cần Thơ" come first, in folded order, whatever the window.
    assert found[:2] == ["Cần Thơ Food", "Cần Thơ Seafood"]
    if connection.vendor == "postgresql":
        assert len(found) <= 4  # the two names starting with the query and at most two other matches
    else:
        assert len(found) == 10  # SQLite ranks every match


def test_next_tax_prefix_bounds_every_code_starting_with_it():
    assert selectors._next_prefix("1800") == "1801"
    assert selectors._next_prefix("0399") == "04"
    assert selectors._next_prefix("999") is None


def test_tax_code_prefix_finds_exactly_the_codes_starting_with_it(officer, registry):
    for n in (9, 99, 999, 9999):
        make(officer.agency, f"Công ty số {n}", tax_code=valid_tax_code(n))
    codes = list(Enterprise.objects.filter(agency=officer.agency).values_list("tax_code", flat=True))
    prefixes = {code[:k] for code in codes for k in range(3, 11)}
    for prefix in sorted(prefixes):
        found = [e.tax_code for e in selectors.enterprise_list(officer, q=prefix)]
        assert found == sorted(c for c in codes if c.startswith(prefix)), prefix


def test_several_words_with_one_wrong_still_find_the_rest_on_postgresql(officer, registry):
    from django.db import connection

    found = names(selectors.enterprise_list(officer, q="thuy san zzz can tho"))
    if connection.vendor == "postgresql":
        assert found == ["Công ty TNHH Thủy sản Cần Thơ"]  # four of the five words
    else:
        assert found == []


@pytest.mark.parametrize("q", ["hop tac xa dong phu", "dong", "0314", "zzzz qqqq", "dongx"])
def test_an_enterprise_user_searches_its_own_enterprises(officer, registry, q):
    user = enterprise_user(registry["dong"])
    found = names(selectors.enterprise_list(user, q=q))
    assert set(found) <= {"Hợp tác xã Đông Phú"}
