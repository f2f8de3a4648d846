"""``nangsuat make_pdfs``: draw the PDF of every document that has none yet (left pending when the web
process stopped, failed, or issued while LibreOffice was not installed)."""

import time

from django.core.management.base import BaseCommand

from nangsuat.documents.services import make_pending_pdfs


class Command(BaseCommand):
    help = "Tạo tệp PDF cho các văn bản chưa có PDF (chạy LibreOffice theo lô)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=20, help="Số văn bản mỗi lần chạy LibreOffice.")

    def handle(self, *args, **options):
        started = time.monotonic()
        counts = make_pending_pdfs(batch=max(1, min(options["batch"], 100)))
        self.stdout.write(
            f"Đã tạo {counts['converted']} tệp PDF, {counts['failed']} văn bản chưa tạo được "
            f"({time.monotonic() - started:.1f} giây)."
        )
