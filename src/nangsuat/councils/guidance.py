"""What a member weighs for each criterion of the scoring sheet (Phiếu đánh giá B8-ĐGNV, Thông tư
15/2022/TT-BKHCN, Điều 16), shown beside the points. Keyed by the criterion's code; a call that adds a
criterion of its own shows none until it is described here."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

CRITERION_GUIDANCE: dict[str, Promise] = {
    "urgency": _(
        "Thực trạng năng suất, chất lượng của doanh nghiệp; vấn đề nhiệm vụ giải quyết; sự phù hợp với "
        "mục tiêu của Chương trình và định hướng phát triển của doanh nghiệp."
    ),
    "feasibility": _(
        "Mục tiêu, nội dung, tiến độ rõ ràng và hợp lý; năng lực của doanh nghiệp và đơn vị tư vấn; dự toán "
        "kinh phí phù hợp, khả năng đối ứng kinh phí của doanh nghiệp."
    ),
    "effectiveness": _(
        "Hiệu quả dự kiến về năng suất, chất lượng, kinh tế – xã hội; khả năng duy trì kết quả sau khi kết "
        "thúc hỗ trợ và nhân rộng cho doanh nghiệp khác."
    ),
}


def guidance_for(code: str) -> str:
    text = CRITERION_GUIDANCE.get(code)
    return str(text) if text is not None else ""
