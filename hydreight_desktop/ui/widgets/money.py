"""Money inputs: integer cents in and out, the clinic's currency always visible."""

from __future__ import annotations

from babel.numbers import get_currency_symbol
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

MAX_CENTS = 10_000_000  # $100,000.00: no single service or payment is above it


def currency_symbol(currency: str, locale: str) -> str:
    return get_currency_symbol(currency, locale=locale)


class MoneyEdit(QDoubleSpinBox):
    """A spin box in the clinic's currency; ``cents()`` / ``set_cents()`` never use floats outside."""

    changed = Signal(int)

    def __init__(
        self, currency: str = "USD", locale: str = "en_US", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.currency = currency
        self.setDecimals(2)
        self.setRange(0, MAX_CENTS / 100)
        self.setSingleStep(5)
        self.setGroupSeparatorShown(True)
        self.setAccelerated(True)
        self.setPrefix(currency_symbol(currency, locale) + " ")
        self.setSuffix(f"  {currency}" if len(currency_symbol(currency, locale)) == 1 else "")
        self.setToolTip(f"Amount in {currency}")
        self.valueChanged.connect(lambda _v: self.changed.emit(self.cents()))

    def cents(self) -> int:
        return int(round(self.value() * 100))

    def set_cents(self, cents: int) -> None:
        self.setValue(cents / 100)
