"""Errors whose message is written for the person at the front desk.

Services raise these; screens show ``str(error)`` as it is, so every message
must say what is wrong and what to do, in plain words.
"""

from __future__ import annotations


class DomainError(Exception):
    """A request the clinic's rules refuse. Nothing was written."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """A value the user typed is not acceptable (``field`` names the input)."""


class PermissionDenied(DomainError):
    """The signed-in role may not do this."""


class NotFound(DomainError):
    """The record asked for does not exist (or belongs to another business)."""


class ConflictError(DomainError):
    """The action clashes with something already recorded (double booking, duplicate email)."""


class AuthenticationFailed(DomainError):
    """Sign-in refused. The message never says which part was wrong."""
