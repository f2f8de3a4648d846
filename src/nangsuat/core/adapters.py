from allauth.account.adapter import DefaultAccountAdapter

from .roles import Role


class AccountAdapter(DefaultAccountAdapter):
    """Self sign-up creates enterprise users only; staff accounts are created by an administrator."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.role = Role.ENTERPRISE
        if commit:
            user.save()
        return user
