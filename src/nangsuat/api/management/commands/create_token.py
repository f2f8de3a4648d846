from django.core.management.base import BaseCommand, CommandError

from nangsuat.api.tokens import issue_token
from nangsuat.core.models import User


class Command(BaseCommand):
    help = (
        "Tạo khóa truy cập API cho một tài khoản và in khóa ra màn hình (chỉ hiện một lần). "
        "Dùng: nangsuat create-token USERNAME [--name TÊN]"
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="Tên gợi nhớ của khóa (ví dụ: 'Báo cáo Bộ').")

    def handle(self, *args, username, name, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có tài khoản '{username}'.")
        if not user.is_active:
            raise CommandError(f"Tài khoản '{username}' đã bị khóa.")
        _token, raw = issue_token(user=user, name=name or "create-token")
        self.stdout.write(raw)
