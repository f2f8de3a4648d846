from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nangsuat.dossiers.selectors import published_calls_ahead

from .selectors import catalogue_by_group

# The plan's specific targets, word for word in substance (Kế hoạch 14/KH-UBND, I.2 a–d), 2026–2030.
PLAN_TARGETS = [
    {
        "qualifier": _("khoảng"),
        "value": "500",
        "label": _(
            "lượt cán bộ quản lý của doanh nghiệp, hợp tác xã, cơ sở sản xuất kinh doanh được đào tạo kỹ năng, "
            "nghiệp vụ về năng suất chất lượng"
        ),
        "clause": "I.2.a",
    },
    {
        "qualifier": _("khoảng"),
        "value": "20",
        "label": _(
            "chuyên gia năng suất chất lượng tại các cơ quan và doanh nghiệp được đào tạo, chứng nhận đạt tiêu chuẩn"
        ),
        "clause": "I.2.a",
    },
    {
        "qualifier": _("ít nhất"),
        "value": _("2.000"),  # the figure, written as each language writes it
        "label": _(
            "doanh nghiệp, hợp tác xã, cơ sở sản xuất kinh doanh được phổ biến, tập huấn tuyên truyền, áp dụng "
            "các hệ thống quản lý, mô hình, công cụ cải tiến năng suất chất lượng"
        ),
        "clause": "I.2.b",
    },
    {
        "qualifier": _("hỗ trợ"),
        "value": "100",
        "label": _(
            "doanh nghiệp, hợp tác xã áp dụng các hệ thống quản lý chất lượng, công cụ quản lý tiên tiến "
            "(ISO 9001, ISO 14000, ISO 22000, FSSC 22000, ISO 50001, ISO/IEC 17025, BRC, GMP, HACCP, HALAL, "
            "VietGAP, 5S, Kaizen...)"
        ),
        "clause": "I.2.c",
    },
    {
        "qualifier": _("ít nhất"),
        "value": "20",
        "label": _("nhóm sản phẩm được chứng nhận hợp chuẩn, hợp quy đến năm 2030"),
        "clause": "I.2.d",
    },
    {
        "qualifier": _("vận động, hỗ trợ"),
        "value": _("05"),
        "label": _("doanh nghiệp tham gia Giải thưởng Chất lượng Quốc gia"),
        "clause": "I.2.d",
    },
]

GOALS = [
    (
        "award",
        _("Phong trào năng suất chất lượng"),
        _(
            "Xây dựng và duy trì phong trào năng suất chất lượng trong toàn thành phố; tuyên truyền, nhân rộng "
            "điển hình, tạo chuyển biến về năng suất chất lượng các sản phẩm, hàng hóa chủ lực."
        ),
    ),
    (
        "building",
        _("Mô hình doanh nghiệp"),
        _(
            "Hỗ trợ doanh nghiệp áp dụng tiêu chuẩn, quy chuẩn kỹ thuật, hệ thống quản lý chất lượng, công cụ "
            "cải tiến năng suất chất lượng và ứng dụng tiến bộ khoa học kỹ thuật."
        ),
    ),
    (
        "users",
        _("Nguồn nhân lực"),
        _(
            "Đào tạo nguồn nhân lực của các sở, ngành và doanh nghiệp về năng suất và chất lượng, làm hạt nhân "
            "nòng cốt phát triển phong trào."
        ),
    ),
]

STEPS = [
    _(
        "Doanh nghiệp nộp Phiếu đăng ký và hồ sơ tham gia Chương trình 1322 về Sở Khoa học và Công nghệ (quý I)."
    ),
    _("Sở Khoa học và Công nghệ xem xét hồ sơ, khảo sát thực tế; Hội đồng tư vấn đánh giá (quý II)."),
    _(
        "UBND thành phố phê duyệt danh sách doanh nghiệp được hỗ trợ; Giám đốc Sở giao trực tiếp và ký hợp "
        "đồng hỗ trợ (quý II – III)."
    ),
    _("Doanh nghiệp hoàn thành nhiệm vụ, gửi đề nghị đánh giá, nghiệm thu và báo cáo tự đánh giá."),
    _("Sở Khoa học và Công nghệ kiểm tra thực tế tại doanh nghiệp, đánh giá nghiệm thu."),
    _("Giám đốc Sở ký biên bản nghiệm thu, thanh lý hợp đồng; hỗ trợ kinh phí một lần theo hợp đồng."),
]

LEGAL_BASES = [
    _(
        "Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt Chương trình quốc gia hỗ "
        "trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021 – 2030."
    ),
    _(
        "Thông tư số 15/2022/TT-BKHCN ngày 12/10/2022 của Bộ trưởng Bộ Khoa học và Công nghệ quy định quản lý "
        "Chương trình."
    ),
    _(
        "Thông tư số 35/2021/TT-BTC ngày 19/5/2021 của Bộ trưởng Bộ Tài chính quy định cơ chế quản lý tài chính "
        "thực hiện Chương trình."
    ),
    _(
        "Kế hoạch số 14/KH-UBND (2026) của UBND thành phố Cần Thơ triển khai Chương trình giai đoạn 2026 – 2030."
    ),
]


def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "targets": PLAN_TARGETS,
            "goals": GOALS,
            "steps": STEPS,
            "legal_bases": LEGAL_BASES,
            "catalogue": catalogue_by_group(),
            "calls": list(published_calls_ahead()[:4]),
            "today": timezone.localdate(),
        },
    )
