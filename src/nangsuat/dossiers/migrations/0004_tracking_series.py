"""Tracking codes numbered per series (an agency's prefix and a year) instead of per year across all
agencies. The codes given so far were all ``CT-<year>-…``: each year's counter becomes the ``CT-<year>``
series, so the numbers of the agency that used them go on where they stopped."""

from django.db import migrations, models


def year_to_series(apps, schema_editor):
    TrackingCounter = apps.get_model("dossiers", "TrackingCounter")
    for counter in TrackingCounter.objects.all():
        counter.series = f"CT-{counter.year}"
        counter.save(update_fields=["series"])


def series_to_year(apps, schema_editor):
    TrackingCounter = apps.get_model("dossiers", "TrackingCounter")
    TrackingCounter.objects.exclude(series__startswith="CT-").delete()
    for counter in TrackingCounter.objects.all():
        counter.year = int(counter.series.removeprefix("CT-"))
        counter.save(update_fields=["year"])


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0003_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="trackingcounter",
            name="series",
            field=models.CharField(max_length=16, null=True),
        ),
        migrations.AlterField(
            model_name="trackingcounter",
            name="year",
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.RunPython(year_to_series, series_to_year),
        migrations.RemoveField(
            model_name="trackingcounter",
            name="year",
        ),
        migrations.AlterField(
            model_name="trackingcounter",
            name="series",
            field=models.CharField(max_length=16, unique=True),
        ),
    ]
