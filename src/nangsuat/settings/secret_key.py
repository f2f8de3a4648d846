"""The secret key that signs sessions, CSRF tokens and password-reset links.

It comes from ``SECRET_KEY``, else from the file ``make demo`` writes once into the var folder. A key that
has been committed to this repository is known to anyone who reads it and could forge all of the above:
with DEBUG off the product refuses to start with one, as it does without a key.
"""

import hashlib
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# SHA-256 of every key string ever committed to this repository (the former default of these settings, the
# test settings' key), kept as digests so that this list does not publish them once more.
PUBLISHED_KEY_DIGESTS = frozenset(
    {
        "e42911596466100e7dae296571e518a5beee3fe5b4efa76453272d84c73cf668",
        "095108a237511336a7a3b8637f6d06a7741f6ef83e869ca52a9f08978697ba22",
    }
)


def is_published(key: str) -> bool:
    return hashlib.sha256(key.encode()).hexdigest() in PUBLISHED_KEY_DIGESTS


def secret_key(environ_key: str, key_file: Path, *, debug: bool) -> str:
    """The key to run with: ``environ_key`` if set, else ``key_file``'s; ImproperlyConfigured if there is
    none, or, with DEBUG off, if it is a published one."""
    key = environ_key or (key_file.read_text().strip() if key_file.is_file() else "")
    if not key:
        raise ImproperlyConfigured(
            "No secret key: set the SECRET_KEY environment variable to a long random string "
            f"(or, for the demo, run `make demo` once: it writes one into {key_file})."
        )
    if not debug and is_published(key):
        raise ImproperlyConfigured(
            "SECRET_KEY is a key published in the source repository: anyone could forge sessions and "
            "password-reset links with it. Set SECRET_KEY to a new long random string."
        )
    return key
