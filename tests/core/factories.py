"""Agencies and users."""

import factory
from allauth.account.models import EmailAddress

from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import CAN_THO


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
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)
