"""Password hashing with argon2 (the library's recommended parameters)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from hydreight_desktop.domain.errors import ValidationError

_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 8


def check_password_strength(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters.", field="password"
        )


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_dummy_hash: str | None = None


def dummy_hash() -> str:
    """A real hash of a throw-away password, made on first use (not at import: it costs ~0.1 s).

    Verifying against it when the email is unknown makes a wrong email take as long as a
    wrong password, so timing gives no hint either.
    """
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("no-such-account-placeholder")
    return _dummy_hash
