"""``nangsuat send_reminders``: run daily (cron or a systemd timer); safe to run more than once a day."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from nangsuat.notifications.reminders import send_reminders
from nangsuat.notifications.services import retry_unsent_email, wait_for_mail


class Command(BaseCommand):
    help = "Nhắc hạn xử lý hồ sơ đến hạn trong 02 ngày làm việc hoặc đã quá hạn (mỗi ngày một lần)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày chạy (YYYY-MM-DD); mặc định hôm nay.")

    def handle(self, *args, **options):
        today = None
        if options.get("date"):
            try:
                today = dt.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError("Ngày không hợp lệ, cần dạng YYYY-MM-DD.") from exc
        counts = send_reminders(today)
        left = wait_for_mail()  # the reminders' e-mails are on the job queue: nothing is lost on exit
        retried = retry_unsent_email()
        self.stdout.write(
            f"Đã xét {counts['dossiers']} hồ sơ đến hạn/quá hạn, gửi {counts['notifications']} thông báo nhắc hạn; "
            f"gửi lại {retried['sent']}/{retried['tried']} thư lỗi trước đó."
            + (f" Còn {left} thư chưa gửi xong." if left else "")
        )
