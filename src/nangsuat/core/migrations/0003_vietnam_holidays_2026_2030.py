"""Vietnam's public holidays 2026–2030: the days of Bộ luật Lao động 2019, Điều 112 (Tết Nguyên Đán
included), the days off in lieu when a holiday falls on a weekend, and the government's announced
swap of working days around Quốc khánh 2026. Generated from the `holidays` package (country "VN") and
frozen here so the calendar does not change with the package version. Later years are added in the admin.
"""

import datetime as dt

from django.db import migrations

# (date, name, kind, legal basis); kind: holiday = ngày lễ, day_off = ngày nghỉ bù, workday = ngày làm bù.
HOLIDAYS = [
    ("2026-01-01", "Tết Dương lịch", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2026-02-16", "Giao thừa Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2026-02-17", "Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2026-02-18", "Mùng hai Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2026-02-19", "Mùng ba Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2026-02-20", "Mùng bốn Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2026-04-26", "Ngày Giỗ Tổ Hùng Vương", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2026-04-27", "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)", "day_off", "Bộ luật Lao động 2019, Điều 112"),
    ("2026-04-30", "Ngày Chiến thắng", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2026-05-01", "Ngày Quốc tế Lao động", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    (
        "2026-08-22",
        "Ngày làm bù (cho ngày nghỉ 31/08/2026)",
        "workday",
        "Bộ luật Lao động 2019, Điều 112; hoán đổi ngày làm việc dịp Quốc khánh 2026",
    ),
    (
        "2026-08-31",
        "Ngày nghỉ (thay cho ngày 22/08/2026)",
        "holiday",
        "Bộ luật Lao động 2019, Điều 112; hoán đổi ngày làm việc dịp Quốc khánh 2026",
    ),
    ("2026-09-01", "Quốc khánh", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2026-09-02", "Quốc khánh", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    (
        "2026-11-24",
        "Ngày Văn hóa Việt Nam",
        "holiday",
        "Bộ luật Lao động 2019, Điều 112; Nghị quyết 80-NQ/TW",
    ),
    ("2027-01-01", "Tết Dương lịch", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-02-04", "29 Tết", "day_off", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-02-05", "Giao thừa Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-02-06", "Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-02-07", "Mùng hai Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-02-08", "Mùng ba Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-02-09", "Mùng bốn Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-02-10", "Mùng năm Tết Nguyên Đán", "day_off", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-04-16", "Ngày Giỗ Tổ Hùng Vương", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-04-30", "Ngày Chiến thắng", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-05-01", "Ngày Quốc tế Lao động", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-05-03", "Ngày Quốc tế Lao động (nghỉ bù)", "day_off", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-09-02", "Quốc khánh", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2027-09-03", "Quốc khánh", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    (
        "2027-11-24",
        "Ngày Văn hóa Việt Nam",
        "holiday",
        "Bộ luật Lao động 2019, Điều 112; Nghị quyết 80-NQ/TW",
    ),
    ("2028-01-01", "Tết Dương lịch", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-01-03", "Tết Dương lịch (nghỉ bù)", "day_off", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-01-24", "29 Tết", "day_off", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-01-25", "Giao thừa Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-01-26", "Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-01-27", "Mùng hai Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-01-28", "Mùng ba Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-01-29", "Mùng bốn Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-04-04", "Ngày Giỗ Tổ Hùng Vương", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-04-30", "Ngày Chiến thắng", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-05-01", "Ngày Quốc tế Lao động", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-05-02", "Ngày Chiến thắng (nghỉ bù)", "day_off", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-09-01", "Quốc khánh", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-09-02", "Quốc khánh", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2028-09-04", "Quốc khánh (nghỉ bù)", "day_off", "Bộ luật Lao động 2019, Điều 112"),
    (
        "2028-11-24",
        "Ngày Văn hóa Việt Nam",
        "holiday",
        "Bộ luật Lao động 2019, Điều 112; Nghị quyết 80-NQ/TW",
    ),
    ("2029-01-01", "Tết Dương lịch", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2029-02-12", "Giao thừa Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2029-02-13", "Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2029-02-14", "Mùng hai Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2029-02-15", "Mùng ba Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2029-02-16", "Mùng bốn Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2029-04-23", "Ngày Giỗ Tổ Hùng Vương", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2029-04-30", "Ngày Chiến thắng", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2029-05-01", "Ngày Quốc tế Lao động", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2029-09-02", "Quốc khánh", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2029-09-03", "Quốc khánh", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2029-09-04", "Quốc khánh (nghỉ bù)", "day_off", "Bộ luật Lao động 2019, Điều 112"),
    (
        "2029-11-24",
        "Ngày Văn hóa Việt Nam",
        "holiday",
        "Bộ luật Lao động 2019, Điều 112; Nghị quyết 80-NQ/TW",
    ),
    (
        "2029-11-26",
        "Ngày Văn hóa Việt Nam (nghỉ bù)",
        "day_off",
        "Bộ luật Lao động 2019, Điều 112; Nghị quyết 80-NQ/TW",
    ),
    ("2030-01-01", "Tết Dương lịch", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-01-31", "29 Tết", "day_off", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-02-01", "Giao thừa Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-02-02", "Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-02-03", "Mùng hai Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-02-04", "Mùng ba Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-02-05", "Mùng bốn Tết Nguyên Đán", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-02-06", "Mùng năm Tết Nguyên Đán", "day_off", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-04-12", "Ngày Giỗ Tổ Hùng Vương", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-04-30", "Ngày Chiến thắng", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-05-01", "Ngày Quốc tế Lao động", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-09-02", "Quốc khánh", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    ("2030-09-03", "Quốc khánh", "holiday", "Bộ luật Lao động 2019, Điều 112"),
    (
        "2030-11-24",
        "Ngày Văn hóa Việt Nam",
        "holiday",
        "Bộ luật Lao động 2019, Điều 112; Nghị quyết 80-NQ/TW",
    ),
    (
        "2030-11-25",
        "Ngày Văn hóa Việt Nam (nghỉ bù)",
        "day_off",
        "Bộ luật Lao động 2019, Điều 112; Nghị quyết 80-NQ/TW",
    ),
]


def load(apps, schema_editor):
    Holiday = apps.get_model("core", "Holiday")
    for iso, name, kind, basis in HOLIDAYS:
        Holiday.objects.update_or_create(
            date=dt.date.fromisoformat(iso), defaults={"name": name, "kind": kind, "legal_basis": basis}
        )


def unload(apps, schema_editor):
    Holiday = apps.get_model("core", "Holiday")
    Holiday.objects.filter(date__in=[dt.date.fromisoformat(r[0]) for r in HOLIDAYS]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0002_job")]

    operations = [migrations.RunPython(load, unload)]
