"""Encryption at rest and keyed lookup hashes for personal data.

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256). settings.FIELD_ENCRYPTION_KEYS lists
every key still in use, newest first: new values use the first, and all of them decrypt, so a key can
be rotated by putting a new one in front and running `manage.py rotate_field_keys`, which re-encrypts
every value with it. Lookups never decrypt: an HMAC-SHA256 of the normalised value under
settings.FIELD_HASH_KEY is stored next to the ciphertext and compared instead.
"""

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet as _Fernet
from cryptography.fernet import InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=8)
def _multi_fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty")
    return MultiFernet([_Fernet(k.encode()) for k in keys])


def _cipher() -> MultiFernet:
    return _multi_fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(value: str) -> str:
    if not value:
        return ""
    return _cipher().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _cipher().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "A stored value cannot be decrypted with any key in FIELD_ENCRYPTION_KEYS; "
            "an old key was removed before `rotate_field_keys` ran."
        ) from exc


def rotate(token: str) -> str:
    """Re-encrypt a token under the newest key."""
    if not token:
        return ""
    return _cipher().rotate(token.encode()).decode()


def lookup_hash(value: str) -> str | None:
    if not value:
        return None
    return hmac.new(settings.FIELD_HASH_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()
