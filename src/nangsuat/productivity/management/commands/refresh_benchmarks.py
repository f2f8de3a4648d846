import time

from django.core.management.base import BaseCommand

from nangsuat.core.models import Agency

from ...benchmarks import refresh_benchmarks


class Command(BaseCommand):
    help = "Tính lại chỉ số năng suất và bảng chuẩn so sánh (trung vị, tứ phân vị) của mọi cơ quan hoặc một cơ quan."

    def add_arguments(self, parser):
        parser.add_argument("--agency", default="", help="Mã cơ quan (mặc định: mọi cơ quan)")
        parser.add_argument(
            "--no-recompute", action="store_true", help="Không tính lại chỉ số của từng doanh nghiệp-năm"
        )

    def handle(self, *args, agency: str = "", no_recompute: bool = False, **options):
        ids = list(Agency.objects.filter(code=agency).values_list("pk", flat=True)) if agency else None
        started = time.monotonic()
        result = refresh_benchmarks(ids, recompute=not no_recompute)
        self.stdout.write(
            f"{result['rows']} dòng số liệu, {result['cells']} ô chuẩn so sánh, {time.monotonic() - started:.1f} s"
        )
