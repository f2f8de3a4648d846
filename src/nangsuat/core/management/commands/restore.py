from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nangsuat.core.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu vào cài đặt trống (cơ sở dữ liệu chưa có bảng, kho tệp — MEDIA_ROOT hoặc kho S3 — trống), "
        "rồi đối chiếu số dòng từng bảng và mã kiểm tra từng tệp."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp sao lưu .tar.gz do lệnh backup tạo")

    def handle(self, *args, file, **options):
        try:
            summary = restore(Path(file))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Đã khôi phục và đối chiếu {summary.tables} bảng ({summary.rows} dòng) và {summary.files} tệp."
        )
