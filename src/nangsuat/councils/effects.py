"""Workflow guards and effects of the council, registered on import (see dossiers.workflow).

- permission ``council_secretary``: the secretary of the council the dossier was sent to (or, before
  that, of an eligible council of its call), or an officer of the dossier's agency acting for them.
- condition ``call_has_council``: the call has a council of at least 5 members with a secretary.
- conditions ``council_result_passed`` / ``council_result_failed``: every non-recused scoring member
  has submitted, and the aggregate passes / fails the call's pass rule.
- effect ``open_score_sheets``: a pending sheet per scoring member (``send_to_council``).
- effect ``close_council_result``: freeze means, total, passed and rank (``recommend``/``not_recommend``).

It also registers the council member's view of dossiers (``dossiers.permissions.dossier_scope``) and,
from it, of the registry (``registry.permissions.enterprise_scope``).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from nangsuat.core.permissions import ALLOW, deny
from nangsuat.core.roles import Role
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.permissions import dossier_scope, visible_dossiers
from nangsuat.dossiers.workflow import condition, effect, permission
from nangsuat.registry.permissions import enterprise_scope

from . import selectors, services
from .models import COUNCIL_MIN_MEMBERS, CouncilMember, CouncilResult


def council_of(dossier):
    result = CouncilResult.objects.filter(dossier=dossier).select_related("council").first()
    return result.council if result else selectors.eligible_council(dossier.call)


@permission("council_secretary")
def council_secretary(dossier, user):
    if user.has_role(Role.OFFICER) and user.agency_id == dossier.agency_id:
        return ALLOW
    council = council_of(dossier)
    if (
        council is not None
        and council.members.filter(user=user, position=CouncilMember.Position.SECRETARY).exists()
    ):
        return ALLOW
    return deny(_("Chỉ thư ký hội đồng (hoặc chuyên viên của Sở) được ghi nhận kết quả."))


@condition("call_has_council")
def call_has_council(dossier):
    if selectors.eligible_council(dossier.call) is None:
        return deny(
            _("Đợt đăng ký chưa có hội đồng tư vấn với ít nhất %(n)s thành viên và thư ký.")
            % {"n": COUNCIL_MIN_MEMBERS}
        )
    return ALLOW


def _result_decision(dossier, *, want_passed: bool):
    progress = selectors.sheet_progress(dossier)
    if progress["expected"] == 0:
        return deny(_("Hồ sơ chưa có thành viên nào chấm điểm."))
    waiting = progress["expected"] - progress["submitted"]
    if waiting:
        return deny(_("Còn %(n)s thành viên chưa nộp phiếu đánh giá.") % {"n": waiting})
    agg = selectors.compute_aggregate(dossier)
    if agg is None:  # pragma: no cover - guarded by the counts above
        return deny(_("Chưa đủ phiếu đánh giá."))
    if agg.passed == want_passed:
        return ALLOW
    if want_passed:
        return deny(
            _("Kết quả không đạt: tổng điểm trung bình %(total)s (tối thiểu %(min)s).")
            % {"total": agg.total, "min": dossier.call.pass_total_min}
            if agg.total_below_min
            else _("Kết quả không đạt: có tiêu chí dưới mức tối thiểu.")
        )
    return deny(
        _("Kết quả đạt (tổng điểm trung bình %(total)s), không thể ghi “không đề xuất”.")
        % {"total": agg.total}
    )


@condition("council_result_passed")
def council_result_passed(dossier):
    return _result_decision(dossier, want_passed=True)


@condition("council_result_failed")
def council_result_failed(dossier):
    return _result_decision(dossier, want_passed=False)


@effect("open_score_sheets")
def open_score_sheets(step):
    services.open_score_sheets(dossier=step.dossier, actor=step.actor)


@effect("close_council_result")
def close_council_result(step):
    services.close_result(dossier=step.dossier, actor=step.actor)


@dossier_scope(Role.COUNCIL)
def council_member_dossiers(qs, user):
    """A member opens a dossier only after declaring no conflict; the secretary every dossier of the call."""
    return qs.filter(pk__in=selectors.member_visible_dossier_ids(user))


@enterprise_scope(Role.COUNCIL)
def council_member_enterprises(qs, user):
    """A member reads the enterprises of the dossiers they may open, never the rest of the registry."""
    return qs.filter(pk__in=visible_dossiers(Dossier.objects.all(), user).values("enterprise_id"))
