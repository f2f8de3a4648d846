from django.core.management.base import BaseCommand, CommandError

from nangsuat.reference.holidays import load_holidays


class Command(BaseCommand):
    help = "Nạp ngày lễ, Tết và ngày nghỉ bù của các năm vào lịch ngày làm việc (không ghi đè ngày đã có)."

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="+", type=int, help="các năm, ví dụ 2031 2032")

    def handle(self, *args, years, **options):
        if any(not 2000 <= y <= 2100 for y in years):
            raise CommandError("Năm phải từ 2000 đến 2100.")
        added = load_holidays(years=years)
        self.stdout.write(f"Đã thêm {added} ngày vào lịch ngày làm việc.")
