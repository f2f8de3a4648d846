"""Sign-up claims reach the registry when the account's e-mail is verified (allauth's ``email_confirmed``,
sent by the verification link and by the admin's "mark verified")."""

from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from .services import file_signup_claim


@receiver(email_confirmed, dispatch_uid="accounts.file_signup_claim")
def file_claim_on_verification(sender, request, email_address, **kwargs) -> None:
    file_signup_claim(user=email_address.user)
