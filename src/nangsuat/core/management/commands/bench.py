"""``nangsuat bench <target> --rows N``: run a benchmark from the repository's ``bench/`` folder.

Each target is a module ``bench/<target>.py`` with ``run(*, rows, out) -> dict`` (registry, dossiers, ...).
``--samples`` is passed to the targets that take it (pages); ``--compare`` calls the target's ``compare(out=)``
(pages: the p95 of each page at each size measured).
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
    "plans": "Kế hoạch truy vấn (EXPLAIN) của mọi bộ lọc × cách sắp xếp của các danh sách, trên dữ liệu đã có",
    "rush": "Giờ cao điểm: N doanh nghiệp nộp hồ sơ cùng lúc qua máy chủ thật (--rows 200)",
    "pages": "Tốc độ trang qua máy chủ thật so với hai trang nền (N doanh nghiệp, N/10 hồ sơ)",
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
        parser.add_argument("--samples", type=int, default=None, help="số lần đo mỗi trang (pages: 40)")
        parser.add_argument(
            "--compare",
            action="store_true",
            help="so sánh các lần đo đã lưu theo số dòng (pages), không đo lại",
        )

    def handle(
        self,
        *args,
        target: str,
        rows: int,
        reuse: bool = False,
        samples=None,
        compare: bool = False,
        **options,
    ):
        if rows < 1 or (samples is not None and samples < 1):
            raise CommandError("--rows và --samples phải lớn hơn 0.")
        if str(REPO_ROOT) not in sys.path:
            sys.path.insert(0, str(REPO_ROOT))
        try:
            module = importlib.import_module(f"bench.{target}")
        except ModuleNotFoundError as exc:
            raise CommandError(f"Chưa có bài đo “{target}” (bench/{target}.py).") from exc
        if compare:
            if not hasattr(module, "compare"):
                raise CommandError(f"Bài đo “{target}” không có --compare.")
            try:
                module.compare(out=_Out(self.stdout))
            except ValueError as exc:
                raise CommandError(str(exc)) from None
            return
        try:
            extra: dict = {"reuse": True} if reuse else {}
            if samples is not None:
                extra["samples"] = samples
            results = module.run(rows=rows, out=_Out(self.stdout), **extra)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS("Kết quả:"))
        self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
