"""The estimate's states, actions and the tasks of its lines (Kế hoạch 14/KH-UBND, IV and V.2).
Stable English codes in the database; Vietnamese labels on the page."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã gửi Sở Tài chính")
    RETURNED = "returned", _("Trả lại để chỉnh sửa")
    APPRAISED = "appraised", _("Đã thẩm định")
    SENT_TO_CITY = "sent_to_city", _("Đã trình UBND thành phố")
    APPROVED = "approved", _("Đã phê duyệt")
    SUPERSEDED = "superseded", _("Đã được điều chỉnh")


class Action(models.TextChoices):
    SUBMIT = "submit", _("Gửi Sở Tài chính")
    APPRAISE = "appraise", _("Thẩm định")
    RETURN = "return", _("Trả lại")
    SEND_TO_CITY = "send_to_city", _("Trình UBND thành phố")
    APPROVE = "approve", _("Ghi nhận quyết định phê duyệt")


# States in which the Department still edits its lines.
EDITABLE = (State.DRAFT, State.RETURNED)
# States Finance sees: everything once sent to it.
SENT = (
    State.SUBMITTED,
    State.RETURNED,
    State.APPRAISED,
    State.SENT_TO_CITY,
    State.APPROVED,
    State.SUPERSEDED,
)


class Task(models.TextChoices):
    """The tasks an estimate's lines serve (Kế hoạch 14, II.2 and IV)."""

    SUPPORT = "support", _("Hỗ trợ doanh nghiệp")
    MANAGER_TRAINING = "manager_training", _("Đào tạo cán bộ quản lý")
    EXPERT_TRAINING = "expert_training", _("Đào tạo chuyên gia")
    COMMUNICATION = "communication", _("Thông tin, truyền thông")
    COUNCIL = "council", _("Họp hội đồng tư vấn")
    SURVEY = "survey", _("Khảo sát, kiểm tra")
    OTHER = "other", _("Nhiệm vụ khác")


class NormKind(models.TextChoices):
    SUPPORT = "support", _("Mức hỗ trợ doanh nghiệp")
    COUNCIL = "council", _("Định mức họp hội đồng")
    TRAINING = "training", _("Định mức đào tạo")
    COMMUNICATION = "communication", _("Định mức truyền thông")
    SURVEY = "survey", _("Định mức khảo sát, kiểm tra")


class SpendingKind(models.TextChoices):
    CONTRACT = "contract", _("Hợp đồng hỗ trợ (cam kết)")
    PAYMENT = "payment", _("Thanh toán hợp đồng")
    COURSE = "course", _("Khóa đào tạo")
    EVENT = "event", _("Sự kiện, truyền thông")


# Kinds that reserve money on a line (a contract) or spend it outright (a course, an event); a payment
# pays what a contract already reserved.
COMMITTING = (SpendingKind.CONTRACT, SpendingKind.COURSE, SpendingKind.EVENT)
PAYING = (SpendingKind.PAYMENT, SpendingKind.COURSE, SpendingKind.EVENT)
