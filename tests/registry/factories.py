"""Enterprises and the users who represent them."""

import factory

from nangsuat.core.models import User
from nangsuat.core.roles import Role
from nangsuat.registry.models import Enterprise, EnterpriseKind, EnterpriseMembership
from tests.core.factories import AgencyFactory, UserFactory
from tests.reference.factories import some_vsic, some_ward


def valid_tax_code(n: int) -> str:
    """The n-th valid 10-digit tax code (check digit of Thông tư 105/2020/TT-BTC)."""
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    for prefix in ("18", "19", "17", "16", "15", "14", "13", "12", "11", "10", "20"):
        body = f"{prefix}{(n + 1) % 10_000_000:07d}"  # serial 0000000 is not a valid tax code
        check = 10 - sum(w * int(d) for w, d in zip(weights, body, strict=True)) % 11
        if check < 10:  # a body without a check digit moves to the next prefix, keeping n's code unique
            return f"{body}{check}"
    raise ValueError(n)


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
