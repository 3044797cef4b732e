"""Email and phone rules: the email is an identity, so it is checked hard and compared case-blind."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from hydreight_desktop.domain.errors import ValidationError

EMAIL_DOUBLE_CHECK_WARNING = (
    "Please double-check the email address. It is this person's unique identifier "
    "and cannot be changed once the account is set up."
)
EMAIL_IMMUTABLE_REASON = "The email address is the account's identity and can never be changed."


@dataclass(frozen=True, slots=True)
class Email:
    """A validated email: ``address`` as typed (normalised domain), ``key`` for comparisons."""

    address: str
    key: str


def parse_email(raw: str) -> Email:
    """Validate syntax (no network look-up: CSPs work offline) and normalise."""
    text = (raw or "").strip()
    if not text:
        raise ValidationError("Please enter an email address.", field="email")
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError(
            f"“{text}” is not a valid email address. Check for typos, e.g. name@example.com.",
            field="email",
        ) from exc
    return Email(address=result.normalized, key=result.normalized.casefold())


@dataclass(frozen=True, slots=True)
class Phone:
    """A phone number in E.164 (``+15551234567``) and its national digits for search."""

    e164: str
    national_digits: str


def parse_phone(raw: str | None, region: str = "US") -> Phone | None:
    """An optional phone number; empty means none. Region is the business's country."""
    text = (raw or "").strip()
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            f"“{text}” is not a phone number we can read. Enter it like (555) 123-4567.",
            field="phone",
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            f"“{text}” is not a valid phone number. Check the area code and the number of digits.",
            field="phone",
        )
    return Phone(
        e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        national_digits=str(number.national_number),
    )


def format_phone(e164: str | None, region: str = "US") -> str:
    """A stored E.164 number the way people in ``region`` write it."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164, region)
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == region
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, fmt)


def digits_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def require_text(value: str | None, label: str, field: str, max_length: int = 200) -> str:
    """A required, trimmed text field with a readable message."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"Please enter the {label}.", field=field)
    if len(text) > max_length:
        raise ValidationError(
            f"The {label} is too long (at most {max_length} characters).", field=field
        )
    return text
