"""The JSON API: one NinjaAPI, mounted at /api/v1/ by the project's urls.py (as Django's admin site is),
with one router per app, all calling the apps' services.

Routers are mounted by dotted path, so an app only defines ``router = Router()`` in its ``api.py``.
Every operation requires a caller (``DEFAULT_AUTH``: bearer token or browser session) unless it says
``auth=None``; errors have one shape (``nangsuat.api.errors``); lists use ``nangsuat.api.pagination``.
OpenAPI at /api/v1/openapi.json; Swagger UI at /api/v1/docs, served from our own static files.
"""

from ninja import NinjaAPI, Swagger

from .auth import DEFAULT_AUTH
from .errors import install_error_handlers

DESCRIPTION = """
API tích hợp của nền tảng quản lý Chương trình 1322 (Kế hoạch 14/KH-UBND, Cần Thơ).
*Integration API of the Programme 1322 management platform.*

**Xác thực / Authentication** — `POST /api/v1/auth/token` với tên đăng nhập, mật khẩu (và mã TOTP với cán bộ)
trả về khóa; gửi khóa trong tiêu đề `Authorization: Bearer <token>`. Trình duyệt đã đăng nhập dùng phiên (session).

**Lỗi / Errors** — mọi lỗi là JSON `{"detail": "<thông báo>", "errors": {"<trường>": ["<thông báo>"]}}`:
400 dữ liệu sai (bad input), 401 chưa xác thực, 403 không có quyền, 404 không tìm thấy,
409 xung đột trạng thái (conflict), 429 bị khóa tạm thời do sai nhiều lần.

**Phân trang / Pagination** — `?page=1&page_size=20` (tối đa 100); kết quả
`{"items": [...], "total": n, "page": 1, "page_size": 20, "pages": m, "total_capped": false}`; `total` đếm tối đa
10.000 dòng, nhiều hơn thì `total_capped` là `true` (counted up to 10,000 rows; more sets `total_capped`).
"""

TAGS = [
    {"name": "auth", "description": "Cấp, kiểm tra, thu hồi khóa truy cập. *Tokens: issue, check, revoke.*"},
    {
        "name": "enterprises",
        "description": "Sổ doanh nghiệp, quy mô theo NĐ 80/2021. *Enterprise registry, SME size.*",
    },
    {
        "name": "dossiers",
        "description": "Đợt đăng ký, hồ sơ, chuyển trạng thái, tra cứu công khai. *Calls, dossiers, workflow.*",
    },
    {
        "name": "councils",
        "description": "Hội đồng tư vấn, xung đột lợi ích, chấm điểm. *Advisory councils and scoring.*",
    },
    {
        "name": "contracts",
        "description": "Hợp đồng hỗ trợ đến nghiệm thu, thanh lý, chi trả. *Support contracts to payment.*",
    },
    {"name": "documents", "description": "Sổ văn bản và văn bản phát hành. *Document register.*"},
    {
        "name": "activities",
        "description": "Đào tạo, chuyên gia, tuyên truyền, chứng nhận, giải thưởng (KH 14, I.2). "
        "*Programme activities: trainings, experts, events, certifications, awards.*",
    },
    {
        "name": "productivity",
        "description": "Cơ sở dữ liệu năng suất: số liệu doanh nghiệp theo năm, chỉ số, chuẩn so sánh (KH 14, III.2.c). "
        "*Productivity database: enterprise-year figures, indicators, benchmarks.*",
    },
    {
        "name": "public",
        "description": "Danh sách công khai doanh nghiệp được hỗ trợ (KH 14, II.2.d), không cần đăng nhập. "
        "*The public list of supported enterprises, no sign-in.*",
    },
    {
        "name": "reports",
        "description": "Báo cáo năm, sơ kết, tổng kết gửi UBND thành phố và báo cáo gửi Bộ (KH 14, V.1.đ). "
        "*Reports on the plan to the city and the ministry.*",
    },
    {
        "name": "indicators",
        "description": "Chỉ tiêu của Kế hoạch (KH 14, I.2) và các bản ghi được tính. "
        "*The plan's indicators against their targets, and the records behind each value.*",
    },
]

api = NinjaAPI(
    title="Chương trình 1322 — API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=DEFAULT_AUTH,
    docs=Swagger(settings={"persistAuthorization": True}),
    docs_url="/docs",
    openapi_extra={"tags": TAGS},
)
install_error_handlers(api)
api.add_router("/auth", "nangsuat.api.auth_api.router")
api.add_router("/enterprises", "nangsuat.registry.api.router")
api.add_router("/", "nangsuat.dossiers.api.router")
api.add_router("/councils", "nangsuat.councils.api.router")
api.add_router("/", "nangsuat.contracts.api.router")
api.add_router("/budget", "nangsuat.budget.api.router")
api.add_router("/documents", "nangsuat.documents.api.router")
api.add_router("/", "nangsuat.activities.api.router")
api.add_router("/", "nangsuat.showcase.api.router")
api.add_router("/", "nangsuat.reports.api.router")
api.add_router("/", "nangsuat.indicators.api.router")
api.add_router("/", "nangsuat.productivity.api.router")
