"""The key that encrypts the TOTP seeds in the database (``core/encryption.py``).

It comes from ``MFA_ENCRYPTION_KEY``, else from the file ``make demo`` writes once into the var folder. It is
not the secret key, so that one leaked secret does not give both sessions and second factors. With DEBUG on
and neither set, a developer's run derives one from the secret key; with DEBUG off the product refuses to
start without one. Changing it makes the stored seeds unreadable: every account would enrol again.
"""

import hashlib
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def mfa_encryption_key(environ_key: str, key_file: Path, *, debug: bool, secret_key: str) -> str:
    key = environ_key or (key_file.read_text().strip() if key_file.is_file() else "")
    if key:
        return key
    if debug:
        return hashlib.sha256(b"nangsuat.mfa-key-for-debug:" + secret_key.encode()).hexdigest()
    raise ImproperlyConfigured(
        "No key to encrypt the TOTP seeds: set the MFA_ENCRYPTION_KEY environment variable to a long random "
        f"string, other than SECRET_KEY (or, for the demo, run `make demo` once: it writes one into {key_file})."
    )
