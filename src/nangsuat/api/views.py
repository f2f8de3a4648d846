"""The page where a signed-in user issues and revokes their own API tokens (``/api-tokens/``)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .models import ApiToken
from .tokens import issue_token, revoke_token

# A person keeps a handful of tokens (one per integration); more is a sign of tokens never revoked.
MAX_ACTIVE_TOKENS = 10


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Tên gợi nhớ"),
        max_length=100,
        help_text=_("Phần mềm hoặc hệ thống sẽ dùng khóa, ví dụ “Phần mềm kế toán”."),
        error_messages={
            "required": _("Vui lòng đặt tên gợi nhớ cho khóa."),
            "max_length": _("Tên gợi nhớ tối đa 100 ký tự."),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Vui lòng đặt tên gợi nhớ cho khóa."))
        return name

    def clean(self):
        active = ApiToken.objects.in_use().filter(user=self.user).count()
        if active >= MAX_ACTIVE_TOKENS:
            raise forms.ValidationError(
                _("Bạn đã có %(n)s khóa đang dùng; hãy thu hồi khóa không còn dùng trước khi tạo khóa mới.")
                % {"n": active}
            )
        return self.cleaned_data


@login_required
def token_list(request):
    """The user's tokens, newest first, and the form for a new one; a new token is shown once."""
    form = TokenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        token, raw = issue_token(user=request.user, name=form.cleaned_data["name"])
        request.session["new_api_token"] = {"id": token.pk, "raw": raw}
        return redirect("api_tokens:list")
    new = request.session.pop("new_api_token", None)
    tokens = ApiToken.objects.filter(user=request.user).order_by(
        F("revoked_at").asc(nulls_first=True), "-expires_at"
    )  # the ones in use first: not revoked, then the furthest from expiry (the newest)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens, "new": new, "limit": MAX_ACTIVE_TOKENS},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = ApiToken.objects.filter(user=request.user, pk=pk).first()
    if token is None:
        raise Http404
    revoke_token(token=token, actor=request.user)
    messages.success(request, _("Đã thu hồi khóa “%(name)s”.") % {"name": token.name or token.prefix})
    return redirect("api_tokens:list")
