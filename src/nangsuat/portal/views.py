from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

# The plan's specific targets (Kế hoạch 14/KH-UBND, I.2), shown on the public home page.
PLAN_TARGETS = [
    (
        "500",
        _(
            "lượt cán bộ quản lý doanh nghiệp, hợp tác xã được đào tạo kỹ năng, nghiệp vụ về năng suất chất lượng"
        ),
    ),
    ("20", _("chuyên gia năng suất chất lượng được đào tạo, chứng nhận đạt tiêu chuẩn")),
    (
        "2.000",
        _("doanh nghiệp, hợp tác xã, cơ sở được phổ biến, tập huấn, áp dụng công cụ năng suất chất lượng"),
    ),
    ("100", _("doanh nghiệp, hợp tác xã được hỗ trợ áp dụng hệ thống quản lý, công cụ tiên tiến")),
    ("20", _("nhóm sản phẩm được chứng nhận hợp chuẩn, hợp quy đến năm 2030")),
    ("05", _("doanh nghiệp tham gia Giải thưởng Chất lượng Quốc gia")),
]

STEPS = [
    _("Doanh nghiệp nộp Phiếu đăng ký và hồ sơ tham gia Chương trình 1322 (quý I)."),
    _("Sở KH&CN xem xét hồ sơ, khảo sát thực tế; Hội đồng tư vấn đánh giá (quý II)."),
    _("UBND thành phố phê duyệt danh sách; Giám đốc Sở giao trực tiếp và ký hợp đồng hỗ trợ (quý II–III)."),
    _("Doanh nghiệp hoàn thành nhiệm vụ, gửi đề nghị nghiệm thu và báo cáo tự đánh giá."),
    _("Sở KH&CN kiểm tra thực tế, nghiệm thu, thanh lý hợp đồng."),
    _("Hỗ trợ kinh phí một lần theo hợp đồng."),
]


def home(request):
    return render(request, "portal/home.html", {"targets": PLAN_TARGETS, "steps": STEPS})
