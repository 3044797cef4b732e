"""Money is integer cents; parsing and showing it respects the clinic's currency and locale."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from babel.numbers import format_currency

from hydreight_desktop.domain.errors import ValidationError


def parse_money(text: str | int | float | Decimal, field: str = "price") -> int:
    """'$1,250.50' -> 125050 cents. Negative amounts and more than two decimals are refused."""
    if isinstance(text, int):
        cents = text * 100
    else:
        cleaned = str(text).strip().replace(",", "").lstrip("$€£").strip()
        if not cleaned:
            raise ValidationError("Please enter an amount.", field=field)
        try:
            amount = Decimal(cleaned)
        except InvalidOperation as exc:
            raise ValidationError(f"“{text}” is not an amount of money.", field=field) from exc
        if amount != amount.quantize(Decimal("0.01")):
            raise ValidationError("Amounts can have at most two decimals (cents).", field=field)
        cents = int(amount * 100)
    if cents < 0:
        raise ValidationError("The amount cannot be negative.", field=field)
    return cents


def format_money(cents: int, currency: str = "USD", locale: str = "en_US") -> str:
    """125050 -> '$1,250.50' in the clinic's locale."""
    return format_currency(Decimal(cents) / 100, currency, locale=locale)
