"""Tokens expire: those issued before this migration get the lifetime counted from when they were issued
(already expired if older), as a token issued today would."""

from datetime import timedelta

from django.conf import settings
from django.db import migrations, models


def expire_from_creation(apps, schema_editor):
    ApiToken = apps.get_model("api", "ApiToken")
    lifetime = timedelta(days=getattr(settings, "API_TOKEN_LIFETIME_DAYS", 90))
    for token in ApiToken.objects.filter(expires_at__isnull=True).only("pk", "created_at").iterator():
        ApiToken.objects.filter(pk=token.pk).update(expires_at=token.created_at + lifetime)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="hết hạn lúc"),
        ),
        migrations.RunPython(expire_from_creation, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(verbose_name="hết hạn lúc"),
        ),
    ]
