"""The targets of Kế hoạch 14/KH-UBND (I.2) as indicators: a stable code, a name, a written definition of
what counts, the plan's clause and the figure it sets for Cần Thơ (each agency may set its own,
``models.Target``). Codes never change; names and definitions are translated."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The programme period of the plan: a value is given for each of these years and over all of them.
PERIOD: tuple[int, ...] = (2026, 2027, 2028, 2029, 2030)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str | Promise
    definition: str | Promise
    unit: str | Promise
    clause: str
    plan_target: int
    # True: the value counts distinct people, enterprises or product groups, and the period's total is
    # counted over the whole period, never summed from the years.
    distinct: bool = True


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "manager_trainings",
        _("Lượt cán bộ quản lý được đào tạo"),
        _(
            "Số lượt tham dự có mặt của người được ghi là cán bộ quản lý doanh nghiệp, hợp tác xã, cơ sở sản "
            "xuất kinh doanh tại các khóa đào tạo cán bộ quản lý; một người học hai khóa tính hai lượt; người "
            "vắng mặt không tính. Tính theo năm của ngày bắt đầu khóa học."
        ),
        _("lượt"),
        "I.2.a",
        500,
        distinct=False,
    ),
    Indicator(
        "certified_experts",
        _("Chuyên gia năng suất được chứng nhận"),
        _(
            "Số người (mỗi người tính một lần) được cấp chứng chỉ chuyên gia năng suất chất lượng, tính theo "
            "năm của ngày cấp chứng chỉ."
        ),
        _("người"),
        "I.2.a",
        20,
    ),
    Indicator(
        "enterprises_reached",
        _("Doanh nghiệp được phổ biến, tập huấn, áp dụng"),
        _(
            "Số doanh nghiệp (mỗi doanh nghiệp trong sổ đăng ký tính một lần) có người tham dự khóa đào tạo, "
            "tập huấn, hoặc được tiếp cận qua hoạt động phổ biến, tuyên truyền, hoặc áp dụng hệ thống quản lý, "
            "công cụ cải tiến năng suất chất lượng; tính theo năm của khóa học, hoạt động hoặc giấy chứng nhận."
        ),
        _("doanh nghiệp"),
        "I.2.b",
        2000,
    ),
    Indicator(
        "enterprises_supported",
        _("Doanh nghiệp được hỗ trợ áp dụng hệ thống quản lý, công cụ"),
        _(
            "Số doanh nghiệp (mỗi doanh nghiệp tính một lần) có hồ sơ hỗ trợ đã nghiệm thu đạt (nghiệm thu "
            "đạt, đã thanh lý hoặc đã thanh toán; không tính hồ sơ đã chấm dứt), tính theo năm của ngày biên "
            "bản nghiệm thu."
        ),
        _("doanh nghiệp"),
        "I.2.c",
        100,
    ),
    Indicator(
        "product_groups_certified",
        _("Nhóm sản phẩm được chứng nhận hợp chuẩn, hợp quy"),
        _(
            "Số nhóm sản phẩm có giấy chứng nhận hợp chuẩn hoặc hợp quy; mỗi nhóm sản phẩm của một doanh "
            "nghiệp tính một lần dù có nhiều giấy chứng nhận. Tính theo năm của ngày cấp giấy chứng nhận."
        ),
        _("nhóm sản phẩm"),
        "I.2.d",
        20,
    ),
    Indicator(
        "award_entrants",
        _("Doanh nghiệp tham gia Giải thưởng Chất lượng Quốc gia"),
        _(
            "Số doanh nghiệp (mỗi doanh nghiệp tính một lần) được ghi nhận tham gia Giải thưởng Chất lượng "
            "Quốc gia, tính theo năm của giải thưởng."
        ),
        _("doanh nghiệp"),
        "I.2.d",
        5,
    ),
)

BY_CODE: dict[str, Indicator] = {indicator.code: indicator for indicator in INDICATORS}
CODES: tuple[str, ...] = tuple(BY_CODE)
