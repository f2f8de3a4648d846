from django.core.management.base import BaseCommand

from nangsuat.core.orphans import orphan_files, remove_orphans


class Command(BaseCommand):
    help = (
        "Xóa các tệp trong kho tệp (MEDIA_ROOT hoặc kho S3) không thuộc bản ghi nào (bước bị hủy giữa chừng, đĩa đầy), "
        "cũ hơn 1 giờ. --dry-run: chỉ liệt kê."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không xóa.")

    def handle(self, *args, dry_run=False, **options):
        paths = orphan_files() if dry_run else remove_orphans()
        for name in paths:
            self.stdout.write(name)
        verb = "Có" if dry_run else "Đã xóa"
        self.stdout.write(f"{verb} {len(paths)} tệp không thuộc bản ghi nào.")
