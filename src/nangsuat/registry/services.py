"""Writes to the enterprise registry. Each service is one transaction with its audit entry.

Callers (pages, the API, the import, management commands) pass plain values; the services validate them
again (tax code, uniqueness per agency, ward of the agency's province, figures) and raise
``django.core.exceptions.ValidationError`` with a dict of Vietnamese messages keyed by field name.
"""

from typing import Any

from allauth.account.utils import has_verified_email
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nangsuat.core.audit import record_audit
from nangsuat.core.models import Agency, User
from nangsuat.core.text import fold, nfc
from nangsuat.reference.models import VsicCode, Ward

from . import sme
from .models import Contact, Enterprise, EnterpriseKind, EnterpriseMembership, EnterpriseYear
from .tax_code import normalize_tax_code

# Fields a caller may set through create_enterprise / update_enterprise.
PROFILE_FIELDS = (
    "tax_code",
    "name",
    "short_name",
    "kind",
    "vsic",
    "ward",
    "address",
    "phone",
    "email",
    "website",
    "representative",
    "representative_title",
    "founded_on",
    "bank_account",
    "bank_name",
    "bank_branch",
)
TEXT_FIELDS = (
    "name",
    "short_name",
    "address",
    "phone",
    "representative",
    "representative_title",
    "bank_name",
    "bank_branch",
)
# What an enterprise user may change on its own profile (the tax code and kind stay with the officers).
SELF_SERVICE_FIELDS = tuple(f for f in PROFILE_FIELDS if f not in ("tax_code", "kind"))
MAX_VND = 10**17  # far above any real enterprise; guards against typing errors and BigInteger overflow
MAX_EMPLOYEES = 2_000_000


def build_search_text(*, name: str, tax_code: str, address: str = "", short_name: str = "") -> str:
    """The folded column searched on both databases: the name first (ranking looks at its start), then
    `` | `` and the tax code in its written and compact forms, then `` | `` and the address. The ranking
    uses the first separator to tell a match in the name from a match in the address."""
    compact = tax_code.replace("-", "")
    codes = f"{tax_code} {compact}" if compact != tax_code else tax_code
    return " | ".join(fold(part) for part in (f"{name} {short_name}", codes, address))


def refresh_search_text(enterprise: Enterprise) -> None:
    enterprise.search_text = build_search_text(
        name=enterprise.name,
        tax_code=enterprise.tax_code,
        address=enterprise.address,
        short_name=enterprise.short_name,
    )


def _resolve_vsic(value: Any) -> VsicCode:
    if isinstance(value, VsicCode):
        return value
    try:
        return VsicCode.objects.get(pk=str(value or "").strip())
    except VsicCode.DoesNotExist:
        raise ValidationError({"vsic": _("Mã ngành VSIC không có trong danh mục VSIC 2018.")}) from None


def _resolve_ward(value: Any, agency: Agency) -> Ward:
    ward = value if isinstance(value, Ward) else Ward.objects.filter(pk=str(value or "").strip()).first()
    if ward is None:
        raise ValidationError({"ward": _("Xã/phường không có trong danh mục đơn vị hành chính.")})
    if ward.province_id != agency.province_code:
        raise ValidationError({"ward": _("Xã/phường không thuộc địa bàn của cơ quan quản lý.")})
    return ward


def clean_profile(data: dict[str, Any], *, agency: Agency, instance: Enterprise | None = None) -> dict:
    """Validate and normalise profile values (only the keys given). Raises ValidationError(dict)."""
    errors: dict[str, str | list[str]] = {}
    cleaned: dict[str, Any] = {}
    unknown = set(data) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError({f: _("Trường này không được phép thay đổi.") for f in sorted(unknown)})
    kind = data.get("kind", instance.kind if instance else EnterpriseKind.COMPANY)
    if kind not in EnterpriseKind.values:
        errors["kind"] = _("Loại hình không hợp lệ.")
    for field in TEXT_FIELDS:
        if field in data:
            cleaned[field] = nfc(str(data[field] or ""))
    if "name" in cleaned and not cleaned["name"]:
        errors["name"] = _("Vui lòng nhập tên doanh nghiệp.")
    if "bank_account" in data:
        account = "".join(str(data["bank_account"] or "").split())
        if account and not (account.isascii() and account.isdigit() and 6 <= len(account) <= 20):
            errors["bank_account"] = _("Số tài khoản gồm 6–20 chữ số, không có chữ hay dấu.")
        cleaned["bank_account"] = account
    for field in ("email", "website", "founded_on"):
        if field in data:
            cleaned[field] = data[field] or ("" if field != "founded_on" else None)
    if "kind" in data:
        cleaned["kind"] = kind
    if "tax_code" in data or ("kind" in data and instance is not None):
        raw = data.get("tax_code", instance.tax_code if instance else "")
        try:
            cleaned["tax_code"] = normalize_tax_code(raw, kind=kind)
        except ValidationError as exc:
            errors["tax_code"] = exc.messages[0]
        else:
            taken = Enterprise.objects.filter(agency=agency, tax_code=cleaned["tax_code"])
            if instance is not None:
                taken = taken.exclude(pk=instance.pk)
            if taken.exists():
                errors["tax_code"] = _("Mã số thuế này đã có trong sổ doanh nghiệp của cơ quan.")
    for field, resolve in (("vsic", _resolve_vsic), ("ward", lambda v: _resolve_ward(v, agency))):
        if field in data:
            try:
                cleaned[field] = resolve(data[field])
            except ValidationError as exc:
                errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    return cleaned


def refresh_size_class(enterprise: Enterprise) -> None:
    """The SME size from the enterprise's latest figures (Nghị định 80/2021, ``sme.size_class``)."""
    enterprise.size_class = sme.size_class(
        vsic_section=enterprise.vsic_section,
        employees=enterprise.employees,
        revenue_vnd=enterprise.revenue_vnd,
        capital_vnd=enterprise.capital_vnd,
    )


def _save_unique(enterprise: Enterprise) -> None:
    try:
        with transaction.atomic():
            enterprise.save()
    except IntegrityError:
        raise ValidationError(
            {"tax_code": _("Mã số thuế này đã có trong sổ doanh nghiệp của cơ quan.")}
        ) from None


@transaction.atomic
def create_enterprise(
    *, actor: User | None, agency: Agency, data: dict[str, Any], provisional: bool = False
) -> Enterprise:
    """Add an enterprise to ``agency``'s registry. ``data`` holds PROFILE_FIELDS (``vsic`` and ``ward`` as
    objects or codes). Refuses a bad or already registered tax code, a ward outside the agency's province.
    A ``provisional`` entry (from a programme activity's list) may come with a tax code and a name only."""
    needed = ("tax_code", "name") if provisional else ("tax_code", "name", "vsic", "ward")
    missing = [f for f in needed if not data.get(f)]
    if missing:
        raise ValidationError({f: _("Vui lòng nhập thông tin này.") for f in missing})
    cleaned = clean_profile(data, agency=agency)
    enterprise = Enterprise(agency=agency, **cleaned)
    enterprise.vsic_section = enterprise.vsic.section if enterprise.vsic is not None else ""
    refresh_search_text(enterprise)
    refresh_size_class(enterprise)
    enterprise._history_user = actor  # type: ignore[attr-defined]
    _save_unique(enterprise)
    record_audit(
        actor=actor, action="enterprise.created", target=enterprise, data={"tax_code": enterprise.tax_code}
    )
    return enterprise


@transaction.atomic
def update_enterprise(
    *,
    actor: User | None,
    enterprise: Enterprise,
    data: dict[str, Any],
    fields: tuple[str, ...] = PROFILE_FIELDS,
) -> Enterprise:
    """Change the profile fields given in ``data`` (limited to ``fields``; enterprise users get
    SELF_SERVICE_FIELDS). Saves and audits only when something differs; returns the enterprise."""
    refused = set(data) - set(fields)
    if refused:
        raise ValidationError({f: _("Bạn không được thay đổi thông tin này.") for f in sorted(refused)})
    cleaned = clean_profile(data, agency=enterprise.agency, instance=enterprise)
    changed = {}
    for field, value in cleaned.items():
        old = getattr(enterprise, field)
        if old != value:
            changed[field] = [_plain(old), _plain(value)]
            setattr(enterprise, field, value)
    if not changed:
        return enterprise
    enterprise.vsic_section = enterprise.vsic.section if enterprise.vsic is not None else ""
    refresh_search_text(enterprise)
    refresh_size_class(enterprise)
    enterprise._history_user = actor  # type: ignore[attr-defined]
    _save_unique(enterprise)
    record_audit(actor=actor, action="enterprise.updated", target=enterprise, data={"changed": changed})
    return enterprise


def _plain(value: Any) -> Any:
    if hasattr(value, "pk"):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def clean_year_figures(
    *, year: Any, employees: Any, revenue_vnd: Any = None, capital_vnd: Any = None
) -> dict[str, int | None]:
    errors: dict[str, str] = {}
    this_year = timezone.localdate().year

    def as_int(field: str, value: Any, *, required: bool, upper: int) -> int | None:
        if value in (None, ""):
            if required:
                errors[field] = _("Vui lòng nhập thông tin này.")
            return None
        try:
            number = int(str(value).replace(".", "").replace(",", "").replace(" ", ""))
        except (TypeError, ValueError):
            errors[field] = _("Phải là một số nguyên.")
            return None
        if number < 0:
            errors[field] = _("Không được là số âm.")
        elif number > upper:
            errors[field] = _("Giá trị quá lớn, vui lòng kiểm tra lại.")
        return number

    figures = {
        "year": as_int("year", year, required=True, upper=this_year + 1),
        "employees": as_int("employees", employees, required=True, upper=MAX_EMPLOYEES),
        "revenue_vnd": as_int("revenue_vnd", revenue_vnd, required=False, upper=MAX_VND),
        "capital_vnd": as_int("capital_vnd", capital_vnd, required=False, upper=MAX_VND),
    }
    if "year" not in errors and figures["year"] is not None and figures["year"] < 1990:
        errors["year"] = _("Năm số liệu phải từ 1990 đến năm nay.")
    if not errors and figures["revenue_vnd"] is None and figures["capital_vnd"] is None:
        errors["revenue_vnd"] = _("Cần ít nhất doanh thu hoặc tổng nguồn vốn để xác định quy mô.")
    if errors:
        raise ValidationError(errors)
    return figures


def denormalise_latest(enterprise: Enterprise) -> None:
    """Copy the latest year's figures onto the enterprise and recompute its SME size (no save)."""
    latest = enterprise.years.order_by("-year").first()
    enterprise.latest_year = latest.year if latest else None
    enterprise.employees = latest.employees if latest else None
    enterprise.revenue_vnd = latest.revenue_vnd if latest else None
    enterprise.capital_vnd = latest.capital_vnd if latest else None
    refresh_size_class(enterprise)


@transaction.atomic
def set_year_figures(
    *,
    actor: User | None,
    enterprise: Enterprise,
    year: Any,
    employees: Any,
    revenue_vnd: Any = None,
    capital_vnd: Any = None,
) -> EnterpriseYear:
    """Record (or correct) one year's figures; the latest year's figures and the SME size (Nghị định
    80/2021) are denormalised on the enterprise. Refuses negative or missing figures."""
    figures = clean_year_figures(
        year=year, employees=employees, revenue_vnd=revenue_vnd, capital_vnd=capital_vnd
    )
    year = figures.pop("year")
    assert year is not None  # clean_year_figures refuses a missing year
    row, created = EnterpriseYear.objects.update_or_create(enterprise=enterprise, year=year, defaults=figures)
    old_size = enterprise.size_class
    denormalise_latest(enterprise)
    enterprise._history_user = actor  # type: ignore[attr-defined]
    enterprise.save()
    record_audit(
        actor=actor,
        action="enterprise.year_set",
        target=enterprise,
        from_state=old_size,
        to_state=enterprise.size_class,
        data={
            "year": row.year,
            "employees": row.employees,
            "revenue_vnd": row.revenue_vnd,
            "capital_vnd": row.capital_vnd,
            "created": created,
        },
    )
    return row


@transaction.atomic
def delete_year_figures(*, actor: User | None, enterprise: Enterprise, year: int) -> None:
    """Remove one year's figures (typed by mistake); the latest remaining year becomes current."""
    deleted, _unused = EnterpriseYear.objects.filter(enterprise=enterprise, year=year).delete()
    if not deleted:
        return
    denormalise_latest(enterprise)
    enterprise._history_user = actor  # type: ignore[attr-defined]
    enterprise.save()
    record_audit(actor=actor, action="enterprise.year_deleted", target=enterprise, data={"year": year})


@transaction.atomic
def add_contact(*, actor: User | None, enterprise: Enterprise, data: dict[str, Any]) -> Contact:
    """Add a contact person. Refuses an empty name."""
    full_name = nfc(str(data.get("full_name") or ""))
    if not full_name:
        raise ValidationError({"full_name": _("Vui lòng nhập họ và tên.")})
    contact = Contact.objects.create(
        enterprise=enterprise,
        full_name=full_name,
        position=nfc(str(data.get("position") or "")),
        phone=nfc(str(data.get("phone") or "")),
        email=str(data.get("email") or "").strip(),
    )
    record_audit(
        actor=actor, action="enterprise.contact_added", target=enterprise, data={"contact": full_name}
    )
    return contact


@transaction.atomic
def remove_contact(*, actor: User | None, contact: Contact) -> None:
    enterprise = contact.enterprise
    name = contact.full_name
    contact.delete()
    record_audit(actor=actor, action="enterprise.contact_removed", target=enterprise, data={"contact": name})


# --- Users acting for an enterprise ---------------------------------------------------------------------


@transaction.atomic
def claim_membership(*, user: User, enterprise: Enterprise) -> EnterpriseMembership:
    """A user asks to act for an enterprise (at sign-up, by tax code); an officer confirms it later.
    Claiming again is harmless: a rejected claim goes back to pending."""
    membership, created = EnterpriseMembership.objects.get_or_create(user=user, enterprise=enterprise)
    if not created and membership.status == EnterpriseMembership.Status.REJECTED:
        membership.status = EnterpriseMembership.Status.PENDING
        membership.decided_by = None
        membership.decided_at = None
        membership.save(update_fields=["status", "decided_by", "decided_at"])
    elif not created:
        return membership
    record_audit(actor=user, action="membership.claimed", target=membership, to_state=membership.status)
    return membership


def _decide(*, actor: User, membership: EnterpriseMembership, status: str, note: str) -> EnterpriseMembership:
    if membership.status != EnterpriseMembership.Status.PENDING:
        raise ValidationError(_("Yêu cầu liên kết này đã được xử lý."))
    old = membership.status
    membership.status = status
    membership.decided_by = actor
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_by", "decided_at"])
    record_audit(
        actor=actor,
        action=f"membership.{status}",
        target=membership,
        from_state=old,
        to_state=status,
        note=note,
        data={"enterprise": membership.enterprise_id, "user": membership.user_id},
    )
    return membership


@transaction.atomic
def confirm_membership(
    *, actor: User, membership: EnterpriseMembership, note: str = ""
) -> EnterpriseMembership:
    """An officer confirms that the user acts for the enterprise. Refuses a claim already decided, and a
    claimant whose e-mail is not verified (an address nobody has shown to own)."""
    if not has_verified_email(membership.user):
        raise ValidationError(
            _("Người đăng ký chưa xác nhận địa chỉ e-mail: chưa thể xác nhận là người đại diện doanh nghiệp.")
        )
    return _decide(
        actor=actor, membership=membership, status=EnterpriseMembership.Status.CONFIRMED, note=note
    )


@transaction.atomic
def reject_membership(
    *, actor: User, membership: EnterpriseMembership, note: str = ""
) -> EnterpriseMembership:
    """An officer rejects a claim (with a reason for the user). Refuses a claim already decided."""
    return _decide(actor=actor, membership=membership, status=EnterpriseMembership.Status.REJECTED, note=note)
