import pytest

from nangsuat.reference import selectors, sources
from nangsuat.reference.models import Province, SupportContent, VsicCode, Ward

pytestmark = pytest.mark.django_db


def test_34_provinces_after_the_2025_arrangement():
    assert Province.objects.count() == 34
    can_tho = Province.objects.get(code="92")
    assert can_tho.name == "Thành phố Cần Thơ"
    assert can_tho.legal_basis == sources.PROVINCES_LEGAL_BASIS
    assert Province.objects.get(code="01").name == "Thành phố Hà Nội"
    assert all(len(p.code) == 2 and p.code.isdigit() for p in Province.objects.all())


def test_can_tho_has_103_communes_31_wards_and_72_communes():
    wards = Ward.objects.filter(province_id="92")
    assert wards.count() == 103
    assert wards.filter(division_type="phường").count() == 31
    assert wards.filter(division_type="xã").count() == 72
    ninh_kieu = wards.get(name="Phường Ninh Kiều")
    assert ninh_kieu.code == "31135"
    assert ninh_kieu.name_folded == "phuong ninh kieu"
    assert not wards.filter(name__contains="  ").exists()  # the source's double spaces are gone
    assert wards.filter(name="Xã Phú Hữu").exists()


def test_ward_lookup_ignores_case_and_diacritics():
    assert selectors.find_ward(province_code="92", name="ninh kieu").name == "Phường Ninh Kiều"
    assert selectors.find_ward(province_code="92", name="PHƯỜNG CÁI KHẾ").code == "31120"
    assert selectors.find_ward(province_code="92", name="Không có") is None


def test_ward_keeps_its_folded_name_when_edited():
    ward = Ward.objects.get(code="31135")
    ward.name = "Phường  Ninh Kiều Mới"
    ward.save()
    ward.refresh_from_db()
    assert ward.name == "Phường Ninh Kiều Mới"
    assert ward.name_folded == "phuong ninh kieu moi"


def test_vsic_2018_sections_and_divisions():
    assert VsicCode.objects.filter(level=1).count() == 21
    assert VsicCode.objects.filter(level=2).count() >= 88
    assert sorted(VsicCode.objects.filter(level=1).values_list("code", flat=True)) == list(
        "ABCDEFGHIJKLMNOPQRSTU"
    )
    agriculture = VsicCode.objects.get(code="01")
    assert agriculture.name == "Nông nghiệp và hoạt động dịch vụ có liên quan"
    assert agriculture.parent_id == "A" and agriculture.section == "A"
    assert VsicCode.objects.get(code="11").name == "Sản xuất đồ uống"
    assert VsicCode.objects.get(code="C").name == "Công nghiệp chế biến, chế tạo"
    assert VsicCode.objects.filter(section="C", level=2).count() == 24
    assert all(isinstance(c, str) for c in VsicCode.objects.values_list("code", flat=True))
    assert "05" in set(VsicCode.objects.values_list("code", flat=True))


def test_every_division_sits_under_its_section():
    for code in VsicCode.objects.filter(level=2):
        assert code.parent is not None and code.parent.level == 1 and code.parent.code == code.section


def test_support_contents_catalogue_has_groups():
    names = set(SupportContent.objects.values_list("name", flat=True))
    codes = set(SupportContent.objects.values_list("code", flat=True))
    assert {"iso-9001", "iso-14001", "iso-22000", "haccp", "5s", "kaizen", "lean", "tpm", "vietgap"} <= codes
    assert {"globalgap", "barcode", "traceability", "conformity-standard", "conformity-regulation"} <= codes
    assert "Mã số, mã vạch" in names
    assert all(SupportContent.objects.values_list("group", flat=True))
    assert SupportContent.objects.values("group").distinct().count() >= 4
    assert selectors.support_contents().count() == SupportContent.objects.count()


def test_reference_models_are_editable_in_the_admin():
    from django.contrib import admin

    for model in (Province, Ward, VsicCode, SupportContent):
        assert admin.site.is_registered(model)
