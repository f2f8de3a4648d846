from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from nangsuat.core.models import User
from nangsuat.demo import (
    accounts,
    activities,
    budget,
    dossiers,
    enterprises,
    plan2027,
    productivity,
    reports,
    showcase,
)
from nangsuat.demo.accounts import DEMO_PASSWORD, DEMO_TOTP_SECRET

# In this order: the enterprises need the agencies, the dossiers need both.
SEEDS = (
    ("Lõi hệ thống", accounts.seed),
    ("Sổ doanh nghiệp", enterprises.seed),
    ("Đợt đăng ký và hồ sơ", dossiers.seed),
    ("Hoạt động chương trình", activities.seed),
    ("Kế hoạch hoạt động năm 2027", plan2027.seed),
    ("Mô hình điển hình", showcase.seed),
    ("Số liệu năng suất", productivity.seed),
    ("Báo cáo", reports.seed),
    ("Dự toán kinh phí", budget.seed),
)


# The embedded database the settings default to (``settings/base.py``: ``DATABASE_URL`` unset).
EMBEDDED_DATABASE_NAME = "nangsuat.sqlite3"


def refusal(*, debug: bool, database: dict, var_dir: Path) -> str:
    """Why the demo must not be seeded into ``database`` unforced ("" when it may): the demo's accounts
    share a published password and TOTP key, so they belong on the embedded demo database with DEBUG on."""
    if not debug:
        return "DEBUG đang tắt: đây có thể là hệ thống thật."
    embedded = (Path(var_dir) / EMBEDDED_DATABASE_NAME).resolve()
    name = Path(str(database.get("NAME", ""))).resolve()
    if database.get("ENGINE") != "django.db.backends.sqlite3" or name != embedded:
        return f"Cơ sở dữ liệu không phải CSDL SQLite của bản demo ({embedded})."
    return ""


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu cho thành phố Cần Thơ (chạy lại nhiều lần không nhân đôi dữ liệu). Chỉ chạy trên "
        "CSDL SQLite của bản demo khi DEBUG bật, trừ khi có --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Nạp cả khi DEBUG tắt hoặc CSDL không phải của bản demo (tài khoản mẫu dùng mật khẩu công khai).",
        )

    def handle(self, *args, force: bool = False, **options):
        reason = refusal(debug=settings.DEBUG, database=connection.settings_dict, var_dir=settings.VAR_DIR)
        if reason and not force:
            raise CommandError(
                f"Từ chối nạp dữ liệu mẫu: {reason} Tài khoản mẫu dùng mật khẩu và khóa TOTP công khai; "
                "chỉ nạp vào CSDL thật khi chắc chắn, với --force."
            )
        for label, seed in SEEDS:
            self.stdout.write(f"· {label}: ", ending="")
            seed(self.stdout)
            self.stdout.write("")
        self.print_accounts()

    def print_accounts(self):
        self.stdout.write(self.style.SUCCESS(f"\nTài khoản dùng thử (mật khẩu chung: {DEMO_PASSWORD})"))
        for user in User.objects.filter(email__endswith="@demo.nangsuat.local").order_by("role", "username"):
            self.stdout.write(f"  {user.username:<12} {user.get_role_display()}")
        self.stdout.write(
            f"Tài khoản cán bộ cần mã xác thực hai lớp (TOTP): thêm khóa {DEMO_TOTP_SECRET} vào ứng dụng xác thực, "
            "hoặc chạy `nangsuat totp TÊN_TÀI_KHOẢN` để lấy mã hiện tại."
        )
        self.stdout.write("Mở http://127.0.0.1:8000/")
