"""Tax codes (DOMAIN-FACTS §7), SME size (Nghị định 80/2021, §3) and Vietnamese folding."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nangsuat.core.text import fold
from nangsuat.registry.sme import AGRI_INDUSTRY, THRESHOLDS, TRADE_SERVICES, TY, sector_group, size_class
from nangsuat.registry.tax_code import is_valid_tax_code, normalize_tax_code

# A loaded machine must not fail a rule's test: no deadline, no slowness health check.
relaxed = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def check_digit(body: str) -> int | None:
    rest = sum(w * int(d) for w, d in zip(WEIGHTS, body, strict=True)) % 11
    return None if rest == 0 else 10 - rest


# --- Tax codes --------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["0100233488", "0314409058-002", "0314409058002", " 0100 233 488 "])
def test_known_valid(code):
    assert normalize_tax_code(code) in ("0100233488", "0314409058-002")


@pytest.mark.parametrize(
    "code, message",
    [
        ("0100233480", "sai chữ số kiểm tra"),
        ("0314409058-000", "từ 001 đến 999"),
        ("12345", "10 chữ số"),
        ("01002334AB", "chỉ gồm chữ số"),
        ("", "Vui lòng nhập"),
    ],
)
def test_known_invalid_with_vietnamese_message(code, message):
    with pytest.raises(ValidationError) as err:
        normalize_tax_code(code)
    assert message in err.value.messages[0]


@relaxed
@given(st.from_regex(r"\A[0-9]{9}\Z"))
def test_ten_digits_valid_exactly_when_check_digit_matches(body):
    expected = check_digit(body)
    for last in range(10):
        code = f"{body}{last}"
        valid = is_valid_tax_code(code)
        if body[2:] == "0000000":  # serial 0000000 is never issued
            assert not valid
        else:
            assert valid == (expected is not None and last == expected), code


@relaxed
@given(st.from_regex(r"\A[0-9]{9}\Z"), st.integers(1, 999))
def test_dependent_unit_follows_its_parent(body, branch):
    expected = check_digit(body)
    if expected is None or body[2:] == "0000000":
        return
    assert normalize_tax_code(f"{body}{expected}{branch:03d}") == f"{body}{expected}-{branch:03d}"


@relaxed
@given(st.integers(1, 96), st.from_regex(r"\A[0-9]{9}\Z"))
def test_personal_number_accepted_for_households_only(province, rest):
    code = f"{province:03d}{rest}"
    assert normalize_tax_code(code, kind="household") == code
    assert normalize_tax_code(code, kind="establishment") == code
    assert not is_valid_tax_code(code, kind="company")
    assert not is_valid_tax_code(code, kind="cooperative")


@pytest.mark.parametrize("code", ["000123456789", "097123456789", "999123456789"])
def test_personal_number_needs_a_province_code(code):
    assert not is_valid_tax_code(code, kind="household")


# --- SME size -----------------------------------------------------------------------------------------

ORDER = ["micro", "small", "medium", "large"]
SECTIONS = {AGRI_INDUSTRY: "ABCDEF", TRADE_SERVICES: "GHIJKLMNOPQRSTU"}


@pytest.mark.parametrize("section", list("ABCDEFGHIJKLMNOPQRSTU"))
def test_sector_group_by_section(section):
    assert sector_group(section) == (AGRI_INDUSTRY if section in "ABCDEF" else TRADE_SERVICES)


def boundary_cases():
    for group, thresholds in THRESHOLDS.items():
        section = SECTIONS[group][0]
        for t in thresholds:
            up = ORDER[ORDER.index(t.size) + 1]
            yield pytest.param(
                section, t.employees, t.revenue_vnd, None, t.size, id=f"{group}-{t.size}-rev-at"
            )
            yield pytest.param(
                section, t.employees, None, t.capital_vnd, t.size, id=f"{group}-{t.size}-cap-at"
            )
            # one đồng over both money limits, or one employee over: the next size up
            yield pytest.param(
                section,
                t.employees,
                t.revenue_vnd + 1,
                t.capital_vnd + 1,
                up,
                id=f"{group}-{t.size}-money-over",
            )
            yield pytest.param(section, t.employees + 1, 0, 0, up, id=f"{group}-{t.size}-staff-over")
            # revenue over but capital within (OR): still this size
            yield pytest.param(
                section, t.employees, t.revenue_vnd + 1, t.capital_vnd, t.size, id=f"{group}-{t.size}-or"
            )


@pytest.mark.parametrize("section, employees, revenue, capital, size", list(boundary_cases()))
def test_threshold_edges(section, employees, revenue, capital, size):
    assert (
        size_class(vsic_section=section, employees=employees, revenue_vnd=revenue, capital_vnd=capital)
        == size
    )


@pytest.mark.parametrize(
    "section, employees, revenue, capital, size",
    [
        ("A", 10, 3 * TY, None, "micro"),
        ("A", 10, 3 * TY + 1, None, "small"),
        ("G", 10, 10 * TY, None, "micro"),
        ("G", 10, 10 * TY + 1, 3 * TY + 1, "small"),
        ("C", 100, 50 * TY, None, "small"),
        ("C", 101, 1, 1, "medium"),
        ("J", 50, 100 * TY, None, "small"),
        ("J", 51, 1, 1, "medium"),
        ("F", 200, 200 * TY, None, "medium"),
        ("F", 201, 1, 1, "large"),
        ("Q", 100, 300 * TY, None, "medium"),
        ("Q", 101, 1, 1, "large"),
        ("Q", 100, 300 * TY + 1, 100 * TY + 1, "large"),
        ("A", 5, None, None, ""),
        ("A", None, 1, 1, ""),
    ],
)
def test_table_of_nghi_dinh_80(section, employees, revenue, capital, size):
    assert (
        size_class(vsic_section=section, employees=employees, revenue_vnd=revenue, capital_vnd=capital)
        == size
    )


def reference_size(group, employees, revenue, capital):
    for t in THRESHOLDS[group]:
        money = (revenue is not None and revenue <= t.revenue_vnd) or (
            capital is not None and capital <= t.capital_vnd
        )
        if employees <= t.employees and money:
            return t.size
    return "large"


money = st.one_of(
    st.none(),
    st.integers(0, 400 * TY),
    st.sampled_from([3 * TY, 10 * TY, 20 * TY, 50 * TY, 100 * TY, 200 * TY, 300 * TY]).flatmap(
        lambda v: st.sampled_from([v - 1, v, v + 1])
    ),
)


@relaxed
@given(st.sampled_from("ACFGJQ"), st.integers(0, 400), money, money)
def test_size_matches_the_rule_everywhere(section, employees, revenue, capital):
    result = size_class(vsic_section=section, employees=employees, revenue_vnd=revenue, capital_vnd=capital)
    if revenue is None and capital is None:
        assert result == ""
    else:
        assert result == reference_size(sector_group(section), employees, revenue, capital)


@relaxed
@given(st.sampled_from("ACGQ"), st.integers(0, 300), st.integers(0, 400 * TY), st.integers(0, 400 * TY))
def test_more_of_anything_never_makes_an_enterprise_smaller(section, employees, revenue, capital):
    base = ORDER.index(
        size_class(vsic_section=section, employees=employees, revenue_vnd=revenue, capital_vnd=capital)
    )
    bigger = size_class(
        vsic_section=section, employees=employees + 1, revenue_vnd=revenue + TY, capital_vnd=capital + TY
    )
    assert ORDER.index(bigger) >= base


# --- Folding ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Cần Thơ", "can tho"),
        ("CẦN THƠ", "can tho"),
        ("can tho", "can tho"),
        ("Đông Phú", "dong phu"),
        ("đường  Trần   Hưng Đạo", "duong tran hung dao"),
        ("Thủy sản Cửu Long", "thuy san cuu long"),
        ("Ca\u0300n Tho\u031b", "can tho"),
    ],  # decomposed (NFD) input folds the same
)
def test_fold(text, folded):
    assert fold(text) == folded
