from allauth.account.forms import SignupForm


class EnterpriseSignupForm(SignupForm):
    """Sign-up for an enterprise representative."""
