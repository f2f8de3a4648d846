"""TOTP seeds and recovery-code seeds are stored encrypted with a key of their own
(``MFA_ENCRYPTION_KEY``); the sign-in, the demo's ``nangsuat totp`` and its seeding keep working."""

import importlib
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from nangsuat.core.mfa import current_totp_code, enrol_totp
from nangsuat.core.models import User
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db
MIGRATION = "nangsuat.core.migrations.0005_encrypt_mfa_seeds"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # allauth remembers used codes by authenticator id, which a rolled-back test reuses


def _stored(user, kind=Authenticator.Type.TOTP) -> dict:
    return Authenticator.objects.filter(user=user, type=kind).values_list("data", flat=True).get()


def test_a_totp_seed_is_not_stored_in_clear_and_still_signs_in(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    stored = _stored(officer)["secret"]
    assert DEMO_TOTP_SECRET not in stored and DEMO_TOTP_SECRET.lower() not in stored.lower()
    authenticator = Authenticator.objects.get(user=officer, type=Authenticator.Type.TOTP)
    assert TOTP(authenticator).validate_code(current_totp_code(officer))


def test_the_same_seed_encrypts_differently_each_time(can_tho):
    a, b = (UserFactory(role=Role.OFFICER, agency=can_tho) for _ in range(2))
    enrol_totp(a, DEMO_TOTP_SECRET)
    enrol_totp(b, DEMO_TOTP_SECRET)
    assert _stored(a)["secret"] != _stored(b)["secret"]


def test_recovery_code_seeds_are_encrypted_too(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    codes = RecoveryCodes.activate(officer)
    seed = _stored(officer, Authenticator.Type.RECOVERY_CODES)["seed"]
    assert seed.startswith("fernet:")
    assert codes.validate_code(codes.get_unused_codes()[0])


def test_another_key_cannot_read_the_seeds_and_says_why(can_tho, settings):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    enrol_totp(officer, DEMO_TOTP_SECRET)
    settings.MFA_ENCRYPTION_KEY = "another-key-entirely-" + "k" * 40
    with pytest.raises(ImproperlyConfigured, match="MFA_ENCRYPTION_KEY"):
        current_totp_code(officer)


def test_the_migration_encrypts_seeds_stored_in_clear_once(can_tho):
    encrypt_seeds = importlib.import_module(MIGRATION)
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    clear = Authenticator.objects.create(
        user=officer, type=Authenticator.Type.TOTP, data={"secret": DEMO_TOTP_SECRET}
    )
    recovery = Authenticator.objects.create(
        user=officer, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "ab" * 40, "used_mask": 0}
    )
    encrypt_seeds.encrypt_seeds(apps, None)
    clear.refresh_from_db()
    recovery.refresh_from_db()
    assert clear.data["secret"].startswith("fernet:") and DEMO_TOTP_SECRET not in clear.data["secret"]
    assert recovery.data["seed"].startswith("fernet:") and recovery.data["used_mask"] == 0
    once = clear.data["secret"]
    encrypt_seeds.encrypt_seeds(apps, None)  # running again changes nothing
    clear.refresh_from_db()
    assert clear.data["secret"] == once
    assert TOTP(clear).validate_code(current_totp_code(officer))
    encrypt_seeds.decrypt_seeds(apps, None)  # and back, for a rollback
    clear.refresh_from_db()
    assert clear.data["secret"] == DEMO_TOTP_SECRET


def test_the_demo_totp_command_prints_the_current_code(can_tho):
    officer = UserFactory(role=Role.OFFICER, agency=can_tho, username="officer")
    enrol_totp(officer, DEMO_TOTP_SECRET)
    out = StringIO()
    call_command("totp", "officer", stdout=out)
    assert out.getvalue().strip() == current_totp_code(officer)


def test_the_demo_seeding_enrols_staff_with_an_encrypted_seed(can_tho):
    from nangsuat.demo.accounts import ensure_user

    user = ensure_user("officer", Role.OFFICER, "Nguyễn Văn Cán Bộ", "Chuyên viên", can_tho)
    assert User.objects.get(pk=user.pk)
    assert _stored(user)["secret"].startswith("fernet:")
    assert len(current_totp_code(user)) == 6
