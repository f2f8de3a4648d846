"""Reference data: support contents, and a ward and a VSIC code when the catalogues are not loaded."""

import factory

from nangsuat.demo.accounts import CAN_THO
from nangsuat.reference.models import Province, SupportContent, VsicCode, Ward


class SupportContentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportContent
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"iso-9001-{n}")
    name = factory.Sequence(lambda n: f"ISO 9001 ({n})")
    group = "Hệ thống quản lý"


def some_ward() -> Ward:
    ward = Ward.objects.filter(province_id=CAN_THO["province_code"]).order_by("code").first()
    if ward is None:
        province, _ = Province.objects.get_or_create(
            code=CAN_THO["province_code"], defaults={"name": "Cần Thơ"}
        )
        ward, _ = Ward.objects.get_or_create(
            code="31117",
            defaults={
                "province": province,
                "name": "Phường Ninh Kiều",
                "division_type": "phường",
                "name_folded": "phuong ninh kieu",
            },
        )
    return ward


def some_vsic() -> VsicCode:
    vsic = VsicCode.objects.filter(level=2, section="C").order_by("code").first()
    if vsic is None:
        section, _ = VsicCode.objects.get_or_create(
            code="C", defaults={"level": 1, "section": "C", "name": "Công nghiệp chế biến, chế tạo"}
        )
        vsic, _ = VsicCode.objects.get_or_create(
            code="10",
            defaults={"level": 2, "section": "C", "parent": section, "name": "Sản xuất chế biến thực phẩm"},
        )
    return vsic
