"""Vials: the medication actually given, traceable to its lot in case of a recall.

A vial record needs the medication, its lot number, an expiry that is not before the
treatment date, an amount above zero with its unit, the route, and the site where the
route has one. An expired vial is refused: it must not be given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from hydreight_desktop.domain.errors import ValidationError


class DoseUnit(StrEnum):
    ML = "mL"
    MG = "mg"
    MCG = "mcg"
    G = "g"
    UNITS = "units"
    IU = "IU"


class Route(StrEnum):
    IV = "IV"
    IM = "IM"
    SUBCUT = "SC"
    ORAL = "PO"
    INTRANASAL = "IN"
    TOPICAL = "TOP"

    @property
    def label(self) -> str:
        return ROUTE_LABELS[self]

    @property
    def needs_site(self) -> bool:
        return self in (Route.IV, Route.IM, Route.SUBCUT)


ROUTE_LABELS = {
    Route.IV: "Intravenous (IV)",
    Route.IM: "Intramuscular (IM)",
    Route.SUBCUT: "Subcutaneous (SC)",
    Route.ORAL: "By mouth (PO)",
    Route.INTRANASAL: "Intranasal",
    Route.TOPICAL: "Topical",
}

COMMON_SITES = {
    Route.IV: ("Left antecubital", "Right antecubital", "Left hand", "Right hand",
               "Left forearm", "Right forearm"),
    Route.IM: ("Left deltoid", "Right deltoid", "Left gluteal", "Right gluteal",
               "Left vastus lateralis", "Right vastus lateralis"),
    Route.SUBCUT: ("Abdomen", "Left upper arm", "Right upper arm", "Left thigh", "Right thigh"),
}

LOT_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-/.]{0,39}$")
MAX_AMOUNT = Decimal("5000")


@dataclass(frozen=True, slots=True)
class VialEntry:
    """One vial (or bag, or pen) used in a treatment, as typed."""

    medication: str
    lot_number: str
    expiry_date: date | None
    amount: str | Decimal
    unit: DoseUnit | str
    route: Route | str
    site: str = ""
    service_id: str | None = None


def parse_amount(value: str | Decimal | float | int) -> Decimal:
    """A positive amount with at most three decimals."""
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError("The amount must be a number, e.g. 1 or 0.5.", field="amount") from None
    if not amount.is_finite():
        raise ValidationError("The amount must be a number, e.g. 1 or 0.5.", field="amount")
    if amount <= 0:
        raise ValidationError("The amount given must be more than zero.", field="amount")
    if amount > MAX_AMOUNT:
        raise ValidationError(f"An amount of {amount} is too large to be right. Please check it.",
                              field="amount")
    if amount != amount.quantize(Decimal("0.001")):
        raise ValidationError("The amount can have at most three decimals.", field="amount")
    return amount.normalize() if amount == amount.to_integral() else amount


def decimal_text(amount: Decimal) -> str:
    """'0.25', '1000': no exponent, no trailing zeros."""
    text = f"{amount:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_amount(amount: Decimal, unit: str) -> str:
    return f"{decimal_text(amount)} {unit}"


def validate_vial(entry: VialEntry, *, treatment_date: date) -> VialEntry:
    """Refuse an incomplete or expired vial; return it tidied."""
    medication = " ".join((entry.medication or "").split())
    if not medication:
        raise ValidationError("Please enter the medication in the vial.", field="medication")
    lot = (entry.lot_number or "").strip().upper()
    if not lot:
        raise ValidationError(
            f"Please enter the lot number printed on the {medication} vial.", field="lot_number"
        )
    if not LOT_PATTERN.match(lot):
        raise ValidationError(
            "A lot number has letters, digits, dashes or dots only (up to 40), e.g. 24A117-B.",
            field="lot_number",
        )
    if entry.expiry_date is None:
        raise ValidationError(
            f"Please enter the expiry date printed on the {medication} vial.", field="expiry_date"
        )
    if entry.expiry_date < treatment_date:
        raise ValidationError(
            f"This {medication} vial (lot {lot}) expired on {entry.expiry_date:%b %d, %Y}. "
            "An expired vial must not be used: take a new vial.",
            field="expiry_date",
        )
    amount = parse_amount(entry.amount)
    try:
        unit = DoseUnit(entry.unit)
    except ValueError:
        raise ValidationError(
            f"Please choose the unit of the amount ({', '.join(u.value for u in DoseUnit)}).",
            field="unit",
        ) from None
    try:
        route = Route(entry.route)
    except ValueError:
        raise ValidationError("Please choose how it was given (the route).", field="route") from None
    site = " ".join((entry.site or "").split())
    if route.needs_site and not site:
        raise ValidationError(
            f"Please enter the site for a {route.label.lower()} dose, e.g. "
            f"{COMMON_SITES[route][0].lower()}.",
            field="site",
        )
    return VialEntry(medication, lot, entry.expiry_date, amount, unit, route, site, entry.service_id)
