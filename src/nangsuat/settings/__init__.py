"""The product's settings: ``base`` with a vetted secret key (``secret_key``) and the key that encrypts
the TOTP seeds (``mfa_key``).

Python runs this file before any module of the package, the tests' ``nangsuat.settings.test`` included,
which sets its own key: so the product's key is read and vetted only when this module is the one in use.
"""

import os

from .base import *  # noqa: F401,F403
from .base import DEBUG, VAR_DIR, env
from .mfa_key import mfa_encryption_key
from .secret_key import secret_key

if os.environ.get("DJANGO_SETTINGS_MODULE", __name__) == __name__:
    SECRET_KEY = secret_key(env("SECRET_KEY", default=""), VAR_DIR / "secret_key", debug=DEBUG)
    MFA_ENCRYPTION_KEY = mfa_encryption_key(
        env("MFA_ENCRYPTION_KEY", default=""), VAR_DIR / "mfa_key", debug=DEBUG, secret_key=SECRET_KEY
    )
