"""Names of the seeded support contents, their groups and the public holidays, marked for translation so
that pages can show them in English with ``{% translate content.name %}`` (the database keeps the
Vietnamese text; a name an administrator adds later simply shows in Vietnamese)."""

from django.utils.translation import gettext_noop as _

GROUPS = (
    _("Hệ thống quản lý theo tiêu chuẩn"),
    _("Thực hành nông nghiệp tốt và sản xuất hữu cơ"),
    _("Công cụ cải tiến năng suất chất lượng"),
    _("Tiêu chuẩn hóa và chứng nhận sản phẩm"),
    _("Sản xuất thông minh, chuyển đổi số"),
)

CONTENTS = (
    _("ISO 9001 — Hệ thống quản lý chất lượng"),
    _("ISO 14001 — Hệ thống quản lý môi trường (bộ ISO 14000)"),
    _("ISO 22000 — Hệ thống quản lý an toàn thực phẩm"),
    _("FSSC 22000 — Chứng nhận hệ thống an toàn thực phẩm"),
    _("HACCP — Phân tích mối nguy và điểm kiểm soát tới hạn"),
    _("ISO 50001 — Hệ thống quản lý năng lượng"),
    _("ISO/IEC 17025 — Năng lực phòng thử nghiệm và hiệu chuẩn"),
    _("ISO 45001 — Hệ thống quản lý an toàn và sức khỏe nghề nghiệp"),
    _("BRCGS — Tiêu chuẩn toàn cầu về an toàn thực phẩm"),
    _("GMP — Thực hành sản xuất tốt"),
    _("HALAL — Chứng nhận Halal"),
    _("VietGAP — Thực hành sản xuất nông nghiệp tốt tại Việt Nam"),
    _("GlobalGAP — Thực hành nông nghiệp tốt toàn cầu"),
    _("Sản xuất nông nghiệp hữu cơ"),
    _("5S — Sàng lọc, Sắp xếp, Sạch sẽ, Săn sóc, Sẵn sàng"),
    _("Kaizen — Cải tiến liên tục"),
    _("Lean — Sản xuất tinh gọn"),
    _("TPM — Duy trì năng suất toàn diện"),
    _("Năng suất xanh"),
    _("Đánh giá năng suất doanh nghiệp"),
    _("Chứng nhận hợp chuẩn sản phẩm, hàng hóa"),
    _("Chứng nhận hợp quy sản phẩm, hàng hóa"),
    _("Xây dựng tiêu chuẩn cơ sở"),
    _("Mã số, mã vạch"),
    _("Truy xuất nguồn gốc sản phẩm, hàng hóa"),
    _("Công cụ hỗ trợ sản xuất thông minh, dịch vụ thông minh"),
    _("Ứng dụng công nghệ số trong quản trị doanh nghiệp"),
)

# Names of the public holidays in the working-day calendar (core.Holiday, seeded from the `holidays` package).
HOLIDAYS = (
    _("Tết Dương lịch"),
    _("Tết Dương lịch (nghỉ bù)"),
    _("29 Tết"),
    _("Giao thừa Tết Nguyên Đán"),
    _("Tết Nguyên Đán"),
    _("Mùng hai Tết Nguyên Đán"),
    _("Mùng ba Tết Nguyên Đán"),
    _("Mùng bốn Tết Nguyên Đán"),
    _("Mùng năm Tết Nguyên Đán"),
    _("Ngày Giỗ Tổ Hùng Vương"),
    _("Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"),
    _("Ngày Chiến thắng"),
    _("Ngày Chiến thắng (nghỉ bù)"),
    _("Ngày Quốc tế Lao động"),
    _("Ngày Quốc tế Lao động (nghỉ bù)"),
    _("Quốc khánh"),
    _("Quốc khánh (nghỉ bù)"),
    _("Ngày Văn hóa Việt Nam"),
    _("Ngày Văn hóa Việt Nam (nghỉ bù)"),
    _("Ngày làm bù (cho ngày nghỉ 31/08/2026)"),
    _("Ngày nghỉ (thay cho ngày 22/08/2026)"),
)
