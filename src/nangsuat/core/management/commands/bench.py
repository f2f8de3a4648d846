"""``nangsuat bench <target> --rows N``: run a benchmark from the repository's ``bench/`` folder.

Each target is a module ``bench/<target>.py`` with ``run(*, rows, out) -> dict`` (registry, dossiers, ...).
"""

import importlib
import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

REPO_ROOT = Path(settings.BASE_DIR).resolve().parent.parent
TARGETS = {
    "registry": "Sổ doanh nghiệp: nhập, tìm kiếm, trang danh sách",
    "dossiers": "Hồ sơ hỗ trợ",
    "activities": "Hoạt động chương trình: nhập danh sách học viên",
    "dashboard": "Bảng điều hành: chỉ tiêu, hồ sơ, kinh phí (so với DuckDB trên Parquet)",
    "productivity": "Cơ sở dữ liệu năng suất: làm mới chuẩn so sánh, độ trễ trang và API, DuckDB làm thước đo",
    "rush": "Giờ cao điểm: N doanh nghiệp nộp hồ sơ cùng lúc qua máy chủ thật (--rows 200)",
    "pdf": "Tạo PDF: N văn bản qua tiến trình nền, bộ chuyển đổi thường trực so với mỗi lô một soffice (--rows 100)",
}


class _Out:
    def __init__(self, stdout):
        self.stdout = stdout

    def write(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()


class Command(BaseCommand):
    help = "Đo hiệu năng trên dữ liệu giả lập (nên chạy trên PostgreSQL qua DATABASE_URL)."

    def add_arguments(self, parser):
        parser.add_argument("target", choices=sorted(TARGETS), help="phần cần đo")
        parser.add_argument("--rows", type=int, default=100_000, help="số dòng giả lập (mặc định 100000)")
        parser.add_argument("--reuse", action="store_true", help="dùng lại dữ liệu đã nhập ở lần chạy trước")

    def handle(self, *args, target: str, rows: int, reuse: bool = False, **options):
        if rows < 1:
            raise CommandError("--rows phải lớn hơn 0.")
        if str(REPO_ROOT) not in sys.path:
            sys.path.insert(0, str(REPO_ROOT))
        try:
            module = importlib.import_module(f"bench.{target}")
        except ModuleNotFoundError as exc:
            raise CommandError(f"Chưa có bài đo “{target}” (bench/{target}.py).") from exc
        try:
            extra = {"reuse": True} if reuse else {}
            results = module.run(rows=rows, out=_Out(self.stdout), **extra)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS("Kết quả:"))
        self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
