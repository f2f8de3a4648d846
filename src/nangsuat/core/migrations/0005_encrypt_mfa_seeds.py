"""Encrypt the TOTP seeds and recovery-code seeds stored in clear before ``MfaAdapter`` encrypted them
(``core/encryption.py``). Runs once per seed: a value already marked encrypted is left alone."""

from django.db import migrations

from nangsuat.core import encryption

# Where allauth keeps each kind's secret in ``Authenticator.data``.
SECRET_FIELDS = {"totp": "secret", "recovery_codes": "seed"}


def _convert(apps, convert, wanted: bool) -> None:
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=SECRET_FIELDS).iterator():
        field = SECRET_FIELDS[authenticator.type]
        value = authenticator.data.get(field)
        if isinstance(value, str) and encryption.is_encrypted(value) != wanted:
            authenticator.data[field] = convert(value)
            authenticator.save(update_fields=["data"])


def encrypt_seeds(apps, schema_editor):
    _convert(apps, encryption.encrypt, wanted=True)


def decrypt_seeds(apps, schema_editor):
    _convert(apps, encryption.decrypt, wanted=False)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_user_email_notifications"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_seeds, decrypt_seeds)]
