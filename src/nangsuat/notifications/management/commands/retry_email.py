"""``nangsuat retry_email``: send again the e-mails that failed in the last three days (hourly, by the
worker's schedule)."""

from django.core.management.base import BaseCommand

from nangsuat.notifications.services import retry_unsent_email


class Command(BaseCommand):
    help = "Gửi lại các thư điện tử thông báo chưa gửi được trong 03 ngày qua."

    def handle(self, *args, **options):
        counts = retry_unsent_email()
        self.stdout.write(f"Gửi lại {counts['sent']}/{counts['tried']} thư lỗi trước đó.")
