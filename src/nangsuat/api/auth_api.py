"""``/api/v1/auth``: exchange a username and password (and, for staff, a TOTP code) for a token.

Contract (POST /api/v1/auth/token, JSON):
    request  {"username": "...", "password": "...", "otp": "123456", "name": "BI tool"}
             ``username`` may also be the account's e-mail; ``otp`` is required for every staff role
             (their account must have enrolled TOTP on the web first) and for any account that turned
             TOTP on; ``name`` is optional.
    201      {"token": "ns1_…", "token_type": "Bearer", "name": "...", "created_at": "...",
              "expires_at": "...", "user": {"username", "full_name", "role", "agency"}}
             The token works until ``expires_at`` (API_TOKEN_LIFETIME_DAYS, 90 by default) unless
             revoked first; a new password revokes every token of the account.
    400      missing/invalid fields, or staff without ``otp`` → errors.otp
    401      wrong username/password, or wrong TOTP code (errors.otp)
    403      inactive account, e-mail not verified yet, or staff account without TOTP enrolled
    429      too many failures: the account is locked (django-axes) for AXES_COOLOFF_TIME, however it
             was named (username or e-mail, any case); or too many requests from one address
             (API_TOKEN_REQUESTS_PER_ADDRESS per API_TOKEN_WINDOW_SECONDS, with Retry-After)
"""

from datetime import datetime

from allauth.account.utils import has_verified_email
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from nangsuat.core.throttle import over_limit

from .auth import staff_needs_totp
from .errors import ApiError
from .tokens import issue_token, revoke_token

router = Router(tags=["auth"])


class TokenRequest(Schema):
    username: str = Field(..., min_length=1, max_length=254, description="Tên đăng nhập hoặc e-mail")
    password: str = Field(..., min_length=1, max_length=256, description="Mật khẩu")
    otp: str | None = Field(None, max_length=12, description="Mã TOTP 6 số (bắt buộc với cán bộ)")
    name: str = Field("", max_length=100, description="Tên gợi nhớ của khóa (token label)")


class UserOut(Schema):
    username: str
    full_name: str
    role: str
    agency: str | None = Field(None, description="Mã cơ quan (agency code)")

    @staticmethod
    def resolve_agency(obj) -> str | None:
        return obj.agency.code if obj.agency_id else None


class TokenOut(Schema):
    token: str
    token_type: str = "Bearer"
    name: str
    created_at: datetime
    expires_at: datetime = Field(..., description="Hết hạn lúc (expiry); sau đó khóa bị từ chối (401)")
    user: UserOut


def _failed(request, username: str, errors=None):
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
    if getattr(request, "axes_locked_out", False):
        raise ApiError(429, _("Tài khoản tạm bị khóa do nhập sai quá nhiều lần. Vui lòng thử lại sau."))
    raise ApiError(401, _("Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng."), errors)


def _limit_per_address(request) -> None:
    """The lockout holds one account against guessing; this holds one address against trying many
    accounts (the same address resolution as the lockout's)."""
    window = settings.API_TOKEN_WINDOW_SECONDS
    address = get_client_ip_address(request) or "unknown"
    if over_limit(
        f"api-token:{address}", limit=settings.API_TOKEN_REQUESTS_PER_ADDRESS, window_seconds=window
    ):
        raise ApiError(
            429,
            _("Quá nhiều yêu cầu cấp khóa từ địa chỉ này. Vui lòng thử lại sau."),
            headers={"Retry-After": str(window)},
        )


@router.post(
    "/token",
    auth=None,
    response={201: TokenOut},
    summary="Cấp khóa truy cập (issue a token)",
    description=__doc__,
)
def create_token(request, payload: TokenRequest):
    _limit_per_address(request)
    user = authenticate(request, username=payload.username.strip(), password=payload.password)
    if getattr(request, "axes_locked_out", False):
        raise ApiError(429, _("Tài khoản tạm bị khóa do nhập sai quá nhiều lần. Vui lòng thử lại sau."))
    if user is None:
        raise ApiError(401, _("Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng."))
    if not user.is_active:
        raise ApiError(403, _("Tài khoản đã bị khóa."))
    if not has_verified_email(user):
        # The pages let no one in before the e-mail is verified (allauth's mandatory verification).
        raise ApiError(
            403,
            _(
                "Địa chỉ e-mail của tài khoản chưa được xác nhận: hãy bấm vào liên kết trong thư xác nhận rồi thử lại."
            ),
        )
    if staff_needs_totp(user):
        raise ApiError(
            403,
            _("Tài khoản cán bộ phải đăng ký xác thực hai lớp (TOTP) trên trang web trước khi dùng API."),
        )
    # Whoever has a second factor (every staff member; an enterprise user who turned it on) gives the code.
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is not None:
        code = (payload.otp or "").strip().replace(" ", "")
        if not code:
            raise ApiError(
                400,
                _("Tài khoản này đăng nhập hai lớp: vui lòng nhập mã xác thực."),
                {"otp": [_("Vui lòng nhập mã TOTP 6 chữ số.")]},
            )
        if not TOTP(authenticator).validate_code(code):
            _failed(request, payload.username, {"otp": [_("Mã xác thực không đúng hoặc đã hết hạn.")]})
    token, raw = issue_token(user=user, name=payload.name.strip())
    return Status(
        201,
        {
            "token": raw,
            "name": token.name,
            "created_at": token.created_at,
            "expires_at": token.expires_at,
            "user": user,
        },
    )


@router.get("/me", response=UserOut, summary="Tài khoản đang gọi API (who am I)")
def me(request):
    return request.auth


@router.delete("/token", response={204: None}, summary="Thu hồi khóa đang dùng (revoke the current token)")
def delete_token(request):
    token = getattr(request, "api_token", None)
    if token is None:
        raise ApiError(400, _("Yêu cầu này phải dùng khóa truy cập (Authorization: Bearer …)."))
    revoke_token(token=token, actor=request.auth)
    return Status(204, None)
