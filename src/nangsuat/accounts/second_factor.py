"""The TOTP enrolment page: allauth's, where the code that enrols counts as the session's second factor
(a staff member enrolling at first sign-in goes on without signing in a second time)."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.views import ActivateTOTPView

from nangsuat.core.mfa import count_enrolment_as_second_factor


class EnrolTotpView(ActivateTOTPView):
    def form_valid(self, form):
        response = super().form_valid(form)
        authenticator = Authenticator.objects.get(user=self.request.user, type=Authenticator.Type.TOTP)
        count_enrolment_as_second_factor(self.request, authenticator)
        return response


totp_enrolment = EnrolTotpView.as_view()
