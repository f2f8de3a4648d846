"""Writes of calls: creating one with the default rules as data, editing, publishing.

Dossier writes (drafts, attachments, checklist, overrides, comments) are in ``services.dossiers``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from nangsuat.core.audit import record_audit
from nangsuat.core.dates import validate_plausible_date
from nangsuat.core.errors import Forbidden
from nangsuat.core.roles import PROGRAMME_MANAGERS
from nangsuat.core.text import nfc

from ..models import Call, CallContent, PriorityRule, ScoringCriterion
from ..priority import DEFAULT_RULES
from ..registration import DEFAULT_REQUIRED_ATTACHMENTS, AttachmentKind
from ..states import State
from ..terms import terms_in_force

if TYPE_CHECKING:
    from nangsuat.core.models import Agency, User

CALL_MANAGERS = PROGRAMME_MANAGERS
# A call's own fields that its managers edit on the call form and through ``update_call``.
CALL_FIELDS = (
    "title",
    "description",
    "registration_opens",
    "registration_closes",
    "review_ends",
    "contract_ends",
    "budget_vnd",
    "pass_total_min",
    "pass_criterion_min_ratio",
    "contract_days",
    "legal_basis",
    "effective_date",
)

# Thông tư 15/2022/TT-BKHCN, Điều 16 (B8-ĐGNV), DOMAIN-FACTS §2.
DEFAULT_RUBRIC = (
    ("urgency", "Tính cấp thiết", 15),
    ("feasibility", "Tính khả thi", 50),
    ("effectiveness", "Tính hiệu quả và khả năng duy trì, nhân rộng", 35),
)
DEFAULT_LEGAL_BASIS = "Thông tư 15/2022/TT-BKHCN; Thông tư 35/2021/TT-BTC; Kế hoạch 14/KH-UBND (2026)"
DEFAULT_RATE_PERCENT = 50
DEFAULT_CEILING_VND = 200_000_000


def default_window(year: int) -> dict[str, dt.date]:
    """Quý I to register, quý II to review, quý II–III to approve and sign (PRODUCT.md, Calls)."""
    return {
        "registration_opens": dt.date(year, 1, 1),
        "registration_closes": dt.date(year, 3, 31),
        "review_ends": dt.date(year, 6, 30),
        "contract_ends": dt.date(year, 9, 30),
    }


def ensure_call_manager(actor: User, agency_id: int | None) -> None:
    if not actor.has_role(*CALL_MANAGERS):
        raise Forbidden(_("Chỉ cán bộ Sở KH&CN được quản lý đợt đăng ký."))
    if not actor.sees_all_agencies and actor.agency_id != agency_id:
        raise Forbidden(_("Đợt đăng ký không thuộc đơn vị của bạn."))


CALL_DATES = ("registration_opens", "registration_closes", "review_ends", "contract_ends", "effective_date")


def _check_dates(values: dict[str, Any]) -> None:
    errors = {}
    for name in CALL_DATES:
        try:
            validate_plausible_date(values.get(name))
        except ValidationError as exc:
            errors[name] = exc.messages[0]
    opens, closes = values.get("registration_opens"), values.get("registration_closes")
    if opens and closes and closes < opens:
        errors["registration_closes"] = _("Hạn nộp hồ sơ phải sau ngày mở nhận hồ sơ.")
    for name in ("review_ends", "contract_ends"):
        if values.get(name) and closes and values[name] < closes:
            errors[name] = _("Thời hạn này phải sau hạn nộp hồ sơ.")
    if values.get("budget_vnd") is not None and values["budget_vnd"] < 0:
        errors["budget_vnd"] = _("Kinh phí không được âm.")
    if errors:
        raise ValidationError(errors)


def _unique_code(agency: Agency, year: int, title: str) -> str:
    base = slugify(f"{year}-{title}")[:34] or str(year)
    code, n = base, 2
    while Call.objects.filter(agency=agency, code=code).exists():
        code, n = f"{base}-{n}", n + 1
    return code


@transaction.atomic
def create_call(
    *,
    agency: Agency,
    actor: User,
    year: int,
    title: str,
    budget_vnd: int,
    code: str = "",
    description: str = "",
    contents: list[dict[str, Any]] | None = None,
    legal_basis: str = DEFAULT_LEGAL_BASIS,
    effective_date: dt.date | None = None,
    **fields: Any,
) -> Call:
    """Create a call with the default window (quý I), the 15/50/35 rubric, the seed pass rule and the
    seed priority weights; ``contents`` are dicts with ``content`` and optionally ``support_rate_percent``,
    ``ceiling_vnd``, ``required_attachments``. Refuses a non-manager or another agency (PermissionDenied)."""
    ensure_call_manager(actor, agency.pk)
    values = {**default_window(year), **{k: v for k, v in fields.items() if v is not None}}
    closes = values["registration_closes"]
    for name, days in (("review_ends", 90), ("contract_ends", 180)):
        if fields.get(name) is None and values[name] < closes:
            values[name] = closes + dt.timedelta(days=days)  # a window moved out of quý I moves the rest
    values["budget_vnd"] = budget_vnd
    _check_dates(values)
    call = Call.objects.create(
        agency=agency,
        year=year,
        title=nfc(title),
        code=code or _unique_code(agency, year, title),
        description=description,
        legal_basis=legal_basis,
        created_by=actor,
        effective_date=effective_date or values["registration_opens"],
        **values,
    )
    for i, (criterion_code, name, points) in enumerate(DEFAULT_RUBRIC):
        ScoringCriterion.objects.create(
            call=call, code=criterion_code, name=name, max_points=points, ordering=i
        )
    for basis, points, threshold in DEFAULT_RULES:
        PriorityRule.objects.create(call=call, basis=basis, points=points, threshold=threshold)
    set_call_contents(call=call, actor=actor, contents=contents or [], audit=False)
    record_audit(actor=actor, action="create_call", target=call, note=call.title)
    return call


@transaction.atomic
def update_call(*, call: Call, actor: User, **fields: Any) -> Call:
    """Change a call's dates, budget, texts, pass rule. Refuses a non-manager or another agency."""
    ensure_call_manager(actor, call.agency_id)
    editable = {*CALL_FIELDS, "acceptance_ratings"}
    unknown = set(fields) - editable
    if unknown:
        raise ValidationError({name: _("Không được sửa trường này.") for name in unknown})
    values = {f: getattr(call, f) for f in ("registration_opens", "registration_closes", "budget_vnd")}
    values.update(fields)
    _check_dates(values)
    changed = {}
    for name, value in fields.items():
        if name == "title":
            value = nfc(value)
        if getattr(call, name) != value:
            changed[name] = str(value)
            setattr(call, name, value)
    call.full_clean(exclude=["agency", "created_by"])
    call.save()
    if changed:
        record_audit(actor=actor, action="update_call", target=call, data=changed)
    return call


@transaction.atomic
def save_call(
    *,
    actor: User,
    call: Call | None = None,
    fields: dict[str, Any],
    contents: list[dict[str, Any]] | None = None,
    criteria: list[dict[str, Any]] | None = None,
    priority_rules: dict[str, tuple[int, int | None]] | None = None,
    publish: bool = False,
) -> Call:
    """Create a call in the actor's agency (``call`` None; ``fields`` carry ``year``, ``title``,
    ``budget_vnd`` and any other field) or change one, with its contents, rubric and priority rules, all in
    one transaction. ``None`` leaves a part as it is (on creation: the defaults)."""
    fields = dict(fields)
    if call is None:
        if actor.agency is None:
            raise Forbidden(_("Tài khoản chưa gắn với cơ quan thực hiện."))
        call = create_call(
            agency=actor.agency,
            actor=actor,
            year=fields.pop("year"),
            title=fields.pop("title"),
            budget_vnd=fields.pop("budget_vnd"),
            contents=contents or [],
            **fields,
        )
    else:
        fields.pop("year", None)
        update_call(call=call, actor=actor, **fields)
        if contents is not None:
            set_call_contents(call=call, actor=actor, contents=contents)
    if criteria is not None:
        set_rubric(call=call, actor=actor, criteria=criteria)
    if priority_rules is not None:
        set_priority_rules(call=call, actor=actor, rules=priority_rules)
    if publish:
        publish_call(call=call, actor=actor)
    return call


def rubric_locked(call: Call) -> bool:
    """Once a dossier reached the council, the rubric and pass rule that scored it stay as they were."""
    before = {
        State.DRAFT,
        State.SUBMITTED,
        State.NEEDS_SUPPLEMENT,
        State.VALID,
        State.INVALID,
        State.SURVEYED,
        State.WITHDRAWN,
    }
    return call.dossiers.exclude(state__in=before).exists()


@transaction.atomic
def set_rubric(*, call: Call, actor: User, criteria: list[dict[str, Any]]) -> None:
    """Replace the rubric (code, name, max_points); the total must be 100. Refused once scoring began."""
    ensure_call_manager(actor, call.agency_id)
    if rubric_locked(call):
        raise ValidationError(_("Đã có hồ sơ được Hội đồng đánh giá; không thể sửa tiêu chí chấm điểm."))
    total = sum(int(c["max_points"]) for c in criteria)
    if total != 100:
        raise ValidationError(
            {"criteria": _("Tổng điểm tối đa các tiêu chí phải bằng 100 (hiện là %(t)s).") % {"t": total}}
        )
    call.criteria.all().delete()
    for i, c in enumerate(criteria):
        code = c.get("code") or slugify(c["name"])[:30] or f"c{i + 1}"
        ScoringCriterion.objects.create(
            call=call, code=code, name=nfc(c["name"]), max_points=int(c["max_points"]), ordering=i
        )
    record_audit(actor=actor, action="set_rubric", target=call, data={"criteria": criteria})


@transaction.atomic
def set_priority_rules(*, call: Call, actor: User, rules: dict[str, tuple[int, int | None]]) -> None:
    """Set the points (and threshold) of each priority basis; 0 points removes the basis."""
    ensure_call_manager(actor, call.agency_id)
    for basis, (points, threshold) in rules.items():
        if basis not in PriorityRule.Basis.values:
            raise ValidationError({"basis": _("Căn cứ ưu tiên không hợp lệ.")})
        if points:
            PriorityRule.objects.update_or_create(
                call=call, basis=basis, defaults={"points": points, "threshold": threshold}
            )
        else:
            PriorityRule.objects.filter(call=call, basis=basis).delete()
    record_audit(
        actor=actor, action="set_priority_rules", target=call, data={k: list(v) for k, v in rules.items()}
    )


@transaction.atomic
def set_call_contents(*, call: Call, actor: User, contents: list[dict[str, Any]], audit: bool = True) -> None:
    """Offer these contents (rate %, ceiling, required attachment kinds). Where a norm is in force on the
    call's opening day (``terms``), its rate, ceiling and legal basis replace what was entered; once the call
    is published, the terms such a content already carries stay as they are. A content already chosen by a
    dossier of the call is never removed."""
    ensure_call_manager(actor, call.agency_id)
    keep = set()
    offered = {cc.content_id: cc for cc in call.contents.all()}
    for item in contents:
        content = item["content"]
        content_id = getattr(content, "pk", content)
        rate = int(item.get("support_rate_percent") or DEFAULT_RATE_PERCENT)
        ceiling_vnd = item.get("ceiling_vnd")
        ceiling = int(DEFAULT_CEILING_VND if ceiling_vnd is None else ceiling_vnd)
        legal_basis = item.get("legal_basis", "")
        kinds = list(item.get("required_attachments") or DEFAULT_REQUIRED_ATTACHMENTS)
        bad = [k for k in kinds if k not in AttachmentKind.values]
        if not 1 <= rate <= 100 or ceiling < 0 or bad:
            raise ValidationError({"contents": _("Tỷ lệ hỗ trợ phải từ 1 đến 100%, mức tối đa không âm.")})
        terms = terms_in_force(
            agency_id=call.agency_id, content_id=content_id, opened_on=call.registration_opens
        )
        if terms is not None:
            frozen = offered.get(content_id) if call.is_published else None
            rate, ceiling, legal_basis = (
                (frozen.support_rate_percent, frozen.ceiling_vnd, frozen.legal_basis) if frozen else terms
            )
        CallContent.objects.update_or_create(
            call=call,
            content_id=content_id,
            defaults={
                "support_rate_percent": rate,
                "ceiling_vnd": ceiling,
                "required_attachments": kinds,
                "legal_basis": legal_basis,
            },
        )
        keep.add(content_id)
    used = set(call.dossiers.values_list("content_id", flat=True))
    call.contents.exclude(content_id__in=keep | used).delete()
    if audit:
        record_audit(actor=actor, action="set_call_contents", target=call, data={"contents": sorted(keep)})


@transaction.atomic
def publish_call(*, call: Call, actor: User, published: bool = True) -> Call:
    """Publish (or withdraw from publication) a call; a call needs at least one content to be published."""
    ensure_call_manager(actor, call.agency_id)
    if published and not call.contents.exists():
        raise ValidationError(_("Đợt đăng ký cần ít nhất một nội dung hỗ trợ trước khi công bố."))
    if not published and call.dossiers.exclude(state=State.DRAFT).exists():
        raise ValidationError(_("Đợt đã có hồ sơ nộp; không thể hủy công bố."))
    call.is_published = published
    call.save(update_fields=["is_published"])
    record_audit(actor=actor, action="publish_call" if published else "unpublish_call", target=call)
    return call


def pass_rule_text(call: Call) -> str:
    ratio = int(Decimal(call.pass_criterion_min_ratio) * 100)
    return _("Đạt khi điểm trung bình ≥ %(total)s và không tiêu chí nào dưới %(ratio)s%% điểm tối đa.") % {
        "total": f"{call.pass_total_min:g}",
        "ratio": ratio,
    }
