"""Account writes: an enterprise representative's sign-up claim, staff accounts created by an admin.

Sign-up by tax code (decision): the representative gives the tax code and, whatever the code, the
enterprise's name, kind, ward and main VSIC line, so that the form answers alike whether the code is
registered or not. Sign-up only holds them with the account (``SignupClaim``); the registry is not
written until the e-mail is verified. Then the claim is filed: the enterprise with that code in the
default agency's registry, or a minimal record made of the details (``registry.services.create_enterprise``),
is claimed. The claim stays *pending* until an officer of the agency confirms it
(``registry.services.confirm_membership``, the registry's queue page, which shows whether the e-mail is
verified and who already represents the enterprise); until then the account sees no enterprise data.
Rejecting a claim leaves the enterprise record for the officer to correct or remove.
"""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from nangsuat.api.tokens import revoke_all_tokens
from nangsuat.core.audit import record_audit
from nangsuat.core.errors import Forbidden
from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.core.text import nfc
from nangsuat.reference.models import VsicCode, Ward
from nangsuat.registry.models import EnterpriseMembership
from nangsuat.registry.selectors import find_by_tax_code
from nangsuat.registry.services import claim_membership, create_enterprise

from .models import SignupClaim

DEFAULT_AGENCY_CODE = "can-tho"


def default_agency() -> Agency | None:
    """The agency self sign-ups belong to: ``settings.DEFAULT_AGENCY_CODE`` or the first agency."""
    code = getattr(settings, "DEFAULT_AGENCY_CODE", DEFAULT_AGENCY_CODE)
    return Agency.objects.filter(code=code).first() or Agency.objects.order_by("pk").first()


@transaction.atomic
def record_signup_claim(
    *, user: User, agency: Agency, tax_code: str, name: str, kind: str, ward: Ward, vsic: VsicCode
) -> SignupClaim:
    """At sign-up: the account becomes an enterprise user of ``agency``, and the enterprise it names is
    held with it until the e-mail is verified (``file_signup_claim``). Nothing is written to the registry."""
    user.role = Role.ENTERPRISE
    user.agency = agency
    user.save(update_fields=["role", "agency"])
    claim, _created = SignupClaim.objects.update_or_create(
        user=user,
        defaults={
            "agency": agency,
            "tax_code": tax_code,
            "enterprise_name": nfc(name),
            "kind": kind,
            "ward": ward,
            "vsic": vsic,
        },
    )
    record_audit(actor=user, action="account.signup_claim_held", target=user, data={"tax_code": tax_code})
    return claim


@transaction.atomic
def file_signup_claim(*, user: User) -> EnterpriseMembership | None:
    """Once the account's e-mail is verified, its sign-up claim reaches the registry: the enterprise with
    the tax code, or a minimal record of what the claimant gave, is claimed pending an officer's decision.
    Nothing to file (staff, an address verified again) is no error: returns None."""
    claim = SignupClaim.objects.select_for_update().select_related("agency").filter(user=user).first()
    if claim is None:
        return None
    enterprise = find_by_tax_code(agency_id=claim.agency_id, tax_code=claim.tax_code)
    if enterprise is None:
        data: dict[str, Any] = {
            "tax_code": claim.tax_code,
            "name": claim.enterprise_name,
            "kind": claim.kind,
            "ward": claim.ward,
            "vsic": claim.vsic,
        }
        try:
            enterprise = create_enterprise(actor=user, agency=claim.agency, data=data)
        except ValidationError:
            # Registered in the meantime (by an officer, an import, another claimant): claim that record.
            enterprise = find_by_tax_code(agency_id=claim.agency_id, tax_code=claim.tax_code)
            if enterprise is None:
                raise
    claim.delete()
    return claim_membership(user=user, enterprise=enterprise)


@transaction.atomic
def create_staff_account(
    *,
    actor: User,
    username: str,
    email: str,
    full_name: str,
    role: str,
    agency: Agency | None,
    password: str,
    position: str = "",
    phone: str = "",
) -> User:
    """An administrator creates a staff account (any role but enterprise). The e-mail is marked verified;
    at first login the account must enrol TOTP (``StaffMfaRequiredMiddleware``). Refuses (403) anyone but
    an administrator, and an agency's administrator any account outside its agency: only a national
    administrator creates accounts bound to no agency (ministry, national administrators) or to another
    agency. Refuses (400) a taken username or e-mail, the enterprise role, and an agency-bound role
    without an agency."""
    if not actor.has_role(Role.ADMIN):
        raise Forbidden(_("Chỉ quản trị hệ thống được tạo tài khoản cán bộ."))
    if not actor.is_national_admin and (agency is None or agency.pk != actor.agency_id):
        raise Forbidden(
            _(
                "Quản trị của một cơ quan chỉ tạo tài khoản của cơ quan mình; tài khoản Bộ KH&CN "
                "và quản trị toàn hệ thống do quản trị toàn quốc tạo."
            )
        )
    errors: dict[str, str] = {}
    username = (username or "").strip()
    email = (email or "").strip().lower()
    if role not in Role.values or role == Role.ENTERPRISE:
        errors["role"] = _("Vai trò không hợp lệ cho tài khoản cán bộ.")
    if role not in (Role.MINISTRY, Role.ADMIN) and agency is None:
        errors["agency"] = _("Vai trò này phải gắn với một cơ quan thực hiện.")
    if User.objects.filter(username__iexact=username).exists():
        errors["username"] = _("Tên đăng nhập này đã được dùng.")
    if (
        EmailAddress.objects.filter(email__iexact=email).exists()
        or User.objects.filter(email__iexact=email).exists()
    ):
        errors["email"] = _("Địa chỉ e-mail này đã được dùng.")
    if errors:
        raise ValidationError(errors)
    user = User(
        username=username,
        email=email,
        full_name=nfc(full_name),
        position=nfc(position),
        phone=phone.strip(),
        role=role,
        agency=None if role == Role.MINISTRY else agency,
        is_staff=role == Role.ADMIN,
    )
    user.set_password(password)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    record_audit(
        actor=actor,
        action="account.staff_created",
        target=user,
        data={"username": username, "role": role, "agency": agency.code if agency else None},
    )
    return user


@transaction.atomic
def set_staff_active(*, actor: User, user: User, active: bool, note: str = "") -> User:
    """Deactivate (or reactivate) a staff account. Refuses the actor's own account and enterprise users
    (their access follows their enterprise membership)."""
    if user.pk == actor.pk:
        raise ValidationError(_("Bạn không thể tự khóa tài khoản của mình."))
    if not user.is_staff_role:
        raise ValidationError(_("Đây không phải tài khoản cán bộ."))
    if user.is_active == active:
        return user
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        revoke_all_tokens(user=user, actor=actor, reason="deactivated")
    record_audit(
        actor=actor,
        action="account.activated" if active else "account.deactivated",
        target=user,
        from_state="inactive" if active else "active",
        to_state="active" if active else "inactive",
        note=note,
    )
    return user


@transaction.atomic
def reset_second_factor(*, actor: User, user: User, note: str = "") -> int:
    """An administrator removes a staff member's TOTP and recovery codes (a lost phone); the account must
    enrol again at its next sign-in. Refuses the actor's own account. Returns how many were removed."""
    if user.pk == actor.pk:
        raise ValidationError(_("Bạn không thể tự đặt lại xác thực hai lớp của mình."))
    if not user.is_staff_role:
        raise ValidationError(_("Đây không phải tài khoản cán bộ."))
    removed, _unused = Authenticator.objects.filter(user=user).delete()
    if removed:
        record_audit(actor=actor, action="account.mfa_reset", target=user, note=note)
    return removed
