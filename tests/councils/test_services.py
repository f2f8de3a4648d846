import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from nangsuat.core.errors import Conflict, Forbidden
from nangsuat.core.roles import Role
from nangsuat.councils import selectors, services
from nangsuat.councils.models import CouncilResult, ScoreSheet
from nangsuat.dossiers import workflow
from nangsuat.dossiers.states import State
from tests.core.factories import UserFactory
from tests.dossiers.factories import CallFactory, DossierFactory

from .factories import make_council, score_all

pytestmark = pytest.mark.django_db


def test_council_needs_five_members_and_a_secretary(call, officer):
    dossier = DossierFactory(call=call)
    with pytest.raises(Conflict, match="ít nhất 5"):
        workflow.perform(dossier=dossier, action="send_to_council", actor=officer)
    make_council(call, scoring=4, officer=officer)  # 4 scorers + secretary = 5
    workflow.perform(dossier=dossier, action="send_to_council", actor=officer)
    assert ScoreSheet.objects.filter(dossier=dossier, status="pending").count() == 4
    assert CouncilResult.objects.get(dossier=dossier).closed_at is None


def test_only_the_calls_officer_manages_the_council(call, can_tho, vinh_long):
    for user in (
        UserFactory(role=Role.DIRECTOR, agency=can_tho),
        UserFactory(role=Role.OFFICER, agency=vinh_long),
    ):
        with pytest.raises(Forbidden):
            services.create_council(call=call, name="HĐ", actor=user)


def test_member_rules(call, officer, council):
    council_obj, scorers, secretary = council
    with pytest.raises(ValidationError, match="Thư ký"):
        services.add_member(
            council=council_obj,
            user=UserFactory(role=Role.COUNCIL, agency=call.agency),
            position="secretary",
            actor=officer,
        )
    with pytest.raises(ValidationError, match="cùng đơn vị"):
        services.add_member(
            council=council_obj,
            user=UserFactory(role=Role.ENTERPRISE, agency=call.agency),
            position="member",
            actor=officer,
        )
    with pytest.raises(ValidationError, match="đã là thành viên"):
        services.add_member(council=council_obj, user=scorers[0].user, position="member", actor=officer)


def test_a_member_declares_before_scoring_and_a_conflicted_member_cannot_score(in_council, council):
    _c, scorers, _s = council
    sheet = scorers[0].sheets.get(dossier=in_council)
    with pytest.raises(Forbidden, match="khai báo xung đột"):
        services.save_score(sheet=sheet, actor=scorers[0].user, points={"urgency": 10})
    with pytest.raises(ValidationError):
        services.declare_conflict(sheet=sheet, actor=scorers[0].user, has_conflict=True, reason="")
    services.declare_conflict(
        sheet=sheet, actor=scorers[0].user, has_conflict=True, reason="Em ruột giám đốc"
    )
    with pytest.raises(Forbidden) as exc:
        services.save_score(sheet=sheet, actor=scorers[0].user, points={"urgency": 10})
    assert exc.value.status == 403
    with pytest.raises(Conflict):
        services.declare_conflict(sheet=sheet, actor=scorers[0].user, has_conflict=False)


def test_someone_else_cannot_touch_a_members_sheet(in_council, council):
    _c, scorers, secretary = council
    sheet = scorers[0].sheets.get(dossier=in_council)
    with pytest.raises(Forbidden):
        services.declare_conflict(sheet=sheet, actor=scorers[1].user, has_conflict=False)


def test_points_are_bounded_per_criterion_with_vietnamese_messages(in_council, council):
    _c, scorers, _s = council
    member = scorers[0]
    sheet = member.sheets.get(dossier=in_council)
    services.declare_conflict(sheet=sheet, actor=member.user, has_conflict=False)
    with pytest.raises(ValidationError) as exc:
        services.save_score(
            sheet=sheet, actor=member.user, points={"urgency": 16, "feasibility": "abc", "effectiveness": -1}
        )
    assert set(exc.value.message_dict) == {"urgency", "feasibility", "effectiveness"}
    assert "từ 0 đến 15" in exc.value.message_dict["urgency"][0]
    with pytest.raises(ValidationError, match="Chưa chấm"):
        services.submit_sheet(sheet=sheet, actor=member.user)
    services.save_score(
        sheet=sheet, actor=member.user, points={"urgency": 15, "feasibility": 50, "effectiveness": 0}
    )
    services.submit_sheet(sheet=sheet, actor=member.user)
    with pytest.raises(Conflict, match="đã nộp"):
        services.save_score(sheet=sheet, actor=member.user, points={"urgency": 1})


def test_conflicted_member_is_left_out_of_the_mean_and_recommend_closes_the_result(in_council, council):
    _c, scorers, secretary = council
    # The conflicted member would have dragged the mean down; the others give 80.
    score_all(in_council, scorers, (12, 40, 28), conflicted=[scorers[0]])
    agg = selectors.compute_aggregate(in_council)
    assert agg.sheet_count == 4 and agg.total == 80
    with pytest.raises(Conflict, match="không đề xuất|Kết quả đạt"):
        workflow.perform(dossier=in_council, action="not_recommend", actor=secretary.user, note="x")
    workflow.perform(dossier=in_council, action="recommend", actor=secretary.user)
    result = CouncilResult.objects.get(dossier=in_council)
    assert result.passed and result.total_mean == 80 and result.rank == 1 and result.closed_at
    assert result.criterion_means == {"urgency": "12.00", "feasibility": "40.00", "effectiveness": "28.00"}
    assert in_council.state == State.RECOMMENDED


def test_the_result_waits_for_every_member(in_council, council):
    _c, scorers, secretary = council
    score_all(in_council, scorers[:3], (12, 40, 28))
    with pytest.raises(Conflict, match="Còn 2 thành viên"):
        workflow.perform(dossier=in_council, action="recommend", actor=secretary.user)


def test_failing_dossier_is_not_recommended(in_council, council):
    _c, scorers, secretary = council
    score_all(in_council, scorers, (5, 45, 30))  # 80 but urgency below 7.5
    with pytest.raises(Conflict, match="tiêu chí"):
        workflow.perform(dossier=in_council, action="recommend", actor=secretary.user)
    workflow.perform(dossier=in_council, action="not_recommend", actor=secretary.user, note="Không đạt")
    assert CouncilResult.objects.get(dossier=in_council).passed is False


def test_only_the_secretary_or_an_officer_records_the_recommendation(in_council, council, officer):
    _c, scorers, secretary = council
    score_all(in_council, scorers)
    assert not workflow.may_act(scorers[0].user, in_council, workflow.BY_ACTION["recommend"])
    with pytest.raises(Forbidden):
        workflow.perform(dossier=in_council, action="recommend", actor=scorers[0].user)
    workflow.perform(dossier=in_council, action="recommend", actor=officer)


def test_rank_breaks_ties_by_priority_then_submission_time(can_tho, officer):
    call = CallFactory(agency=can_tho)
    _c, scorers, secretary = make_council(call, officer=officer)
    t0 = dt.datetime(2026, 2, 1, 8, 0, tzinfo=dt.UTC)
    late = DossierFactory(call=call, priority_points=10, submitted_at=t0 + dt.timedelta(hours=5))
    early = DossierFactory(call=call, priority_points=10, submitted_at=t0)
    priority = DossierFactory(call=call, priority_points=20, submitted_at=t0 + dt.timedelta(days=2))
    best = DossierFactory(call=call, priority_points=0, submitted_at=t0 + dt.timedelta(days=9))
    for d, pts in (
        (late, (12, 40, 28)),
        (early, (12, 40, 28)),
        (priority, (12, 40, 28)),
        (best, (13, 40, 28)),
    ):
        workflow.perform(dossier=d, action="send_to_council", actor=officer)
        score_all(d, scorers, pts)
        workflow.perform(dossier=d, action="recommend", actor=secretary.user)
    ranks = {r.dossier_id: r.rank for r in CouncilResult.objects.all()}
    assert [ranks[d.pk] for d in (best, priority, early, late)] == [1, 2, 3, 4]


def test_member_visible_dossiers_follow_the_declaration(in_council, council):
    from nangsuat.councils.selectors import member_visible_dossier_ids
    from nangsuat.dossiers.models import Dossier

    _c, scorers, secretary = council

    def visible(user):
        return set(
            Dossier.objects.filter(pk__in=member_visible_dossier_ids(user)).values_list("pk", flat=True)
        )

    assert visible(scorers[0].user) == set()
    assert visible(secretary.user) == {in_council.pk}
    sheet = scorers[0].sheets.get(dossier=in_council)
    services.declare_conflict(sheet=sheet, actor=scorers[0].user, has_conflict=False)
    assert visible(scorers[0].user) == {in_council.pk}
    sheet = scorers[1].sheets.get(dossier=in_council)
    services.declare_conflict(sheet=sheet, actor=scorers[1].user, has_conflict=True, reason="Cổ đông")
    assert visible(scorers[1].user) == set()
