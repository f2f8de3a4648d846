from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_job_queue"),
        ("reference", "0002_load_reference_data"),
        ("registry", "0009_provisional_entries"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="enterprise",
            index=models.Index(
                fields=["agency", "ward", "kind", "tax_code"], name="enterprise_ward_kind_tax"
            ),
        ),
    ]
