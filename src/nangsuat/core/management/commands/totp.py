from django.core.management.base import BaseCommand, CommandError

from nangsuat.core.mfa import current_totp_code
from nangsuat.core.models import User


class Command(BaseCommand):
    help = "In mã xác thực hai lớp (TOTP) hiện tại của một tài khoản đã đăng ký TOTP."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = User.objects.get(username=username)
            self.stdout.write(current_totp_code(user))
        except (User.DoesNotExist, Exception) as exc:  # noqa: BLE001 - report any failure as a CLI error
            raise CommandError(f"Không lấy được mã TOTP của '{username}': {exc}") from exc
