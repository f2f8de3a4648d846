from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from nangsuat.core.models import Agency, User
from nangsuat.registry.spreadsheets import error_report_workbook, import_file


class Command(BaseCommand):
    help = "Nhập doanh nghiệp từ tệp .xlsx hoặc .csv (theo tệp mẫu); nhập lại cùng tệp không thay đổi gì."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--agency", default="can-tho", help="mã cơ quan (mặc định: can-tho)")
        parser.add_argument("--user", help="tên đăng nhập ghi vào lịch sử thay đổi")
        parser.add_argument("--errors", help="ghi báo cáo lỗi ra tệp .xlsx này")

    def handle(self, *args, file, agency, user=None, errors=None, **options):
        try:
            agency_obj = Agency.objects.get(code=agency)
        except Agency.DoesNotExist:
            raise CommandError(f"Không có cơ quan mã “{agency}”.") from None
        actor = User.objects.filter(username=user).first() if user else None
        try:
            result = import_file(path=file, agency=agency_obj, actor=actor)
        except (ValidationError, OSError) as exc:
            raise CommandError("; ".join(getattr(exc, "messages", [str(exc)]))) from None
        self.stdout.write(
            f"Đã đọc {result.total} dòng: thêm mới {result.created}, cập nhật {result.updated}, "
            f"không đổi {result.unchanged}, lỗi {result.error_rows} dòng."
        )
        for error in result.errors[:20]:
            self.stdout.write(f"  dòng {error.row}, cột “{error.column}”: {error.message}")
        if errors and result.errors:
            error_report_workbook(result).save(errors)
            self.stdout.write(f"Báo cáo lỗi: {errors}")
