"""factory_boy factories shared by every app's tests."""

import factory

from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import CAN_THO
from nangsuat.reference.models import Province, VsicCode, Ward
from nangsuat.registry.models import Enterprise, EnterpriseKind, EnterpriseMembership


def valid_tax_code(n: int) -> str:
    """The n-th valid 10-digit tax code (check digit of Thông tư 105/2020/TT-BTC)."""
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    for prefix in ("18", "19", "17", "16", "15", "14", "13", "12", "11", "10", "20"):
        body = f"{prefix}{(n + 1) % 10_000_000:07d}"  # serial 0000000 is not a valid tax code
        check = 10 - sum(w * int(d) for w, d in zip(weights, body, strict=True)) % 11
        if check < 10:  # a body without a check digit moves to the next prefix, keeping n's code unique
            return f"{body}{check}"
    raise ValueError(n)


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


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = CAN_THO["code"]
    name = CAN_THO["name"]
    parent_body = CAN_THO["parent_body"]
    province_code = CAN_THO["province_code"]
    place_name = CAN_THO["place_name"]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.vn")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    role = Role.OFFICER
    agency = factory.SubFactory(AgencyFactory)
    password = factory.PostGenerationMethodCall("set_password", "Test@12345")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    agency = factory.SubFactory(AgencyFactory)
    tax_code = factory.Sequence(valid_tax_code)
    name = factory.Sequence(lambda n: f"Công ty TNHH Thực phẩm Đồng Tháp {n}")
    kind = EnterpriseKind.COMPANY
    vsic = factory.LazyFunction(some_vsic)
    vsic_section = factory.LazyAttribute(lambda e: e.vsic.section)
    ward = factory.LazyFunction(some_ward)
    address = "Số 1 đường 30/4"
    latest_year = 2025
    employees = 40
    revenue_vnd = 20_000_000_000
    capital_vnd = 10_000_000_000
    size_class = "small"


def enterprise_user(enterprise: Enterprise, **kwargs) -> User:
    """A user confirmed as acting for the enterprise."""
    user = UserFactory(role=Role.ENTERPRISE, agency=enterprise.agency, **kwargs)
    EnterpriseMembership.objects.create(
        user=user, enterprise=enterprise, status=EnterpriseMembership.Status.CONFIRMED
    )
    return user


def client_for(user):
    """A test client signed in as ``user`` (pages; the tests that use it lift the staff TOTP rule)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client
