from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nangsuat.core.backups import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và các tệp tải lên vào một tệp .tar.gz (nhất quán, kèm mã kiểm tra)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp sao lưu sẽ tạo, ví dụ /var/backups/nangsuat-2026-11-30.tar.gz")

    def handle(self, *args, file, **options):
        try:
            summary = backup(Path(file))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Đã sao lưu {summary.tables} bảng ({summary.rows} dòng) và {summary.files} tệp "
            f"({summary.bytes // 1024} KB) vào {file}."
        )
