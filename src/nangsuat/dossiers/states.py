"""Dossier states and actions: stable English codes in the database and the API, labels translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Đã nộp")
    NEEDS_SUPPLEMENT = "needs_supplement", _("Cần bổ sung")
    VALID = "valid", _("Hợp lệ")
    INVALID = "invalid", _("Không hợp lệ")
    SURVEYED = "surveyed", _("Đã khảo sát")
    IN_COUNCIL = "in_council", _("Đang đánh giá tại Hội đồng")
    RECOMMENDED = "recommended", _("Hội đồng đề xuất hỗ trợ")
    NOT_RECOMMENDED = "not_recommended", _("Hội đồng không đề xuất")
    PROPOSED = "proposed", _("Đã trình UBND thành phố")
    APPROVED = "approved", _("Được phê duyệt")
    NOT_APPROVED = "not_approved", _("Không được phê duyệt")
    ASSIGNED = "assigned", _("Đã giao trực tiếp")
    CONTRACTED = "contracted", _("Đã ký hợp đồng")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    COMPLETION_REQUESTED = "completion_requested", _("Đề nghị nghiệm thu")
    INSPECTED = "inspected", _("Đã kiểm tra")
    ACCEPTED = "accepted", _("Nghiệm thu đạt")
    NOT_ACCEPTED = "not_accepted", _("Nghiệm thu không đạt")
    LIQUIDATED = "liquidated", _("Đã thanh lý")
    PAID = "paid", _("Đã thanh toán")
    WITHDRAWN = "withdrawn", _("Đã rút")
    TERMINATED = "terminated", _("Đã chấm dứt")


# A dossier in one of these states is finished: nothing more happens to it.
FINAL_STATES = frozenset(
    {State.INVALID, State.NOT_RECOMMENDED, State.NOT_APPROVED, State.PAID, State.WITHDRAWN, State.TERMINATED}
)
# States before the intake: nobody but the enterprise sees the dossier.
PRIVATE_STATES = frozenset({State.DRAFT})
# "Open or finished" support for the duplicate check (DOMAIN-FACTS §5): every state that may lead to,
# or has led to, support — that is, all but the refusals and the draft.
REFUSED_STATES = frozenset(
    {State.INVALID, State.NOT_RECOMMENDED, State.NOT_APPROVED, State.WITHDRAWN, State.NOT_ACCEPTED}
)


class Action(models.TextChoices):
    SUBMIT = "submit", _("Nộp hồ sơ")
    REQUEST_SUPPLEMENT = "request_supplement", _("Yêu cầu bổ sung")
    RESUBMIT = "resubmit", _("Nộp lại hồ sơ đã bổ sung")
    MARK_VALID = "mark_valid", _("Xác nhận hợp lệ")
    MARK_INVALID = "mark_invalid", _("Xác nhận không hợp lệ")
    RECORD_SURVEY = "record_survey", _("Ghi nhận khảo sát")
    SEND_TO_COUNCIL = "send_to_council", _("Chuyển Hội đồng")
    RECOMMEND = "recommend", _("Hội đồng đề xuất hỗ trợ")
    NOT_RECOMMEND = "not_recommend", _("Hội đồng không đề xuất")
    PROPOSE = "propose", _("Trình UBND thành phố")
    APPROVE = "approve", _("Ghi nhận quyết định phê duyệt")
    NOT_APPROVE = "not_approve", _("Ghi nhận không được phê duyệt")
    ASSIGN = "assign", _("Quyết định giao trực tiếp")
    SIGN_CONTRACT = "sign_contract", _("Ký hợp đồng hỗ trợ")
    START = "start", _("Bắt đầu thực hiện")
    REQUEST_COMPLETION = "request_completion", _("Đề nghị nghiệm thu")
    INSPECT = "inspect", _("Ghi nhận kiểm tra")
    ACCEPT = "accept", _("Nghiệm thu đạt")
    NOT_ACCEPT = "not_accept", _("Nghiệm thu không đạt")
    LIQUIDATE = "liquidate", _("Thanh lý hợp đồng")
    PAY = "pay", _("Ghi nhận thanh toán")
    WITHDRAW = "withdraw", _("Rút hồ sơ")
    TERMINATE = "terminate", _("Chấm dứt hợp đồng")
