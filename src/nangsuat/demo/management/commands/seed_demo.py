from django.core.management.base import BaseCommand

from nangsuat.core.models import User
from nangsuat.demo import accounts, dossiers, enterprises
from nangsuat.demo.accounts import DEMO_PASSWORD, DEMO_TOTP_SECRET

# In this order: the enterprises need the agencies, the dossiers need both.
SEEDS = (
    ("Lõi hệ thống", accounts.seed),
    ("Sổ doanh nghiệp", enterprises.seed),
    ("Đợt đăng ký và hồ sơ", dossiers.seed),
)


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu cho thành phố Cần Thơ (chạy lại nhiều lần không nhân đôi dữ liệu)."

    def handle(self, *args, **options):
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
