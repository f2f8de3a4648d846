"""Secrets the product must read back, stored encrypted: the TOTP seeds and recovery-code seeds of
allauth's MFA (through ``adapters.MfaAdapter.encrypt``/``decrypt``).

Fernet (AES-128-CBC with an HMAC-SHA256, a fresh IV each time) under ``settings.MFA_ENCRYPTION_KEY``, a key
of its own rather than the secret key: a database dump with a leaked SECRET_KEY still gives no seed. Any
long random string serves: the Fernet key is its SHA-256. Stored values carry the ``fernet:`` mark, so a
value written in clear before encryption began is told apart (migration ``core.0005``).
"""

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MARK = "fernet:"


@lru_cache(maxsize=4)
def _fernet(key: str) -> Fernet:
    if not key:
        raise ImproperlyConfigured("MFA_ENCRYPTION_KEY is not set: the TOTP seeds cannot be encrypted.")
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"nangsuat.mfa:" + key.encode()).digest()))


def is_encrypted(value: str) -> bool:
    return value.startswith(MARK)


def encrypt(text: str) -> str:
    return MARK + _fernet(settings.MFA_ENCRYPTION_KEY).encrypt(text.encode()).decode("ascii")


def decrypt(value: str) -> str:
    if not is_encrypted(value):
        raise ImproperlyConfigured(
            "A TOTP seed is stored in clear: run the migrations (core.0005 encrypts the stored seeds)."
        )
    try:
        return _fernet(settings.MFA_ENCRYPTION_KEY).decrypt(value[len(MARK) :].encode("ascii")).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "MFA_ENCRYPTION_KEY does not decrypt the stored TOTP seeds: it is not the key they were "
            "encrypted with. Set it back to that key."
        ) from None
