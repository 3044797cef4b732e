"""Provider rules: modes, weekly hours ranges, vacations, HCP licences (pure, no store)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from hydreight_desktop.domain.availability import MINUTES_PER_DAY as MINUTES_PER_DAY
from hydreight_desktop.domain.availability import Mode as Mode
from hydreight_desktop.domain.availability import parse_mode as parse_mode
from hydreight_desktop.domain.errors import ValidationError

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def minute_label(minute: int) -> str:
    """570 -> '9:30 AM'; 1440 -> 'midnight', so a range ending at midnight reads well."""
    if minute == MINUTES_PER_DAY:
        return "midnight"
    hours, mins = divmod(minute, 60)
    suffix = "AM" if hours < 12 else "PM"
    return f"{(hours % 12) or 12}:{mins:02d} {suffix}"


@dataclass(frozen=True, slots=True, order=True)
class HoursRange:
    """One range of a weekly schedule, in minutes after the CSP's local midnight."""

    weekday: int  # 0 = Monday
    start_minute: int
    end_minute: int

    @property
    def day_name(self) -> str:
        return WEEKDAY_NAMES[self.weekday]

    @property
    def label(self) -> str:
        return f"{minute_label(self.start_minute)} – {minute_label(self.end_minute)}"

    @property
    def minutes(self) -> int:
        return self.end_minute - self.start_minute


def validate_range(rng: HoursRange) -> HoursRange:
    """One range: a real weekday, minutes within the day, ending after it starts."""
    if not isinstance(rng.weekday, int) or not 0 <= rng.weekday <= 6:
        raise ValidationError("Pick a day of the week for every range.", field="hours")
    for value in (rng.start_minute, rng.end_minute):
        if not isinstance(value, int) or not 0 <= value <= MINUTES_PER_DAY:
            raise ValidationError(
                f"{rng.day_name}: times must fall within the day (12:00 AM to midnight).",
                field="hours",
            )
    if rng.end_minute <= rng.start_minute:
        raise ValidationError(
            f"{rng.day_name}: the range ending at {minute_label(rng.end_minute)} must end "
            f"after it starts ({minute_label(rng.start_minute)}).",
            field="hours",
        )
    return rng


def validate_week(ranges: Iterable[HoursRange]) -> tuple[HoursRange, ...]:
    """A mode's weekly hours: each range valid, no two overlapping on the same day.

    Ranges that only touch (9-12 and 12-5) are fine. Returned sorted by day and start.
    """
    clean = sorted(validate_range(r) for r in ranges)
    for before, after in zip(clean, clean[1:], strict=False):
        if before.weekday == after.weekday and after.start_minute < before.end_minute:
            raise ValidationError(
                f"{before.day_name}: {before.label} and {after.label} overlap. "
                "Make the ranges separate or join them into one.",
                field="hours",
            )
    return tuple(clean)


def validate_vacation(starts_at: datetime, ends_at: datetime) -> None:
    """A vacation or block time needs real instants and must end after it starts."""
    for moment in (starts_at, ends_at):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValidationError("Vacation times need a time zone.", field="vacation")
    if ends_at <= starts_at:
        raise ValidationError(
            "The vacation must end after it starts. Check the end date and time.",
            field="ends_at",
        )


US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico",
}  # fmt: skip

HCP_CREDENTIALS = ("MD", "DO", "NP", "PA")


def parse_states(value: str | Iterable[str]) -> tuple[str, ...]:
    """'ca, nv TX' or ['CA', 'NV'] -> ('CA', 'NV', 'TX'); unknown codes are named in the message."""
    parts = value.replace(",", " ").split() if isinstance(value, str) else list(value)
    codes = [p.strip().upper() for p in parts if p.strip()]
    unknown = [c for c in codes if c not in US_STATES]
    if unknown:
        raise ValidationError(
            f"{', '.join(unknown)} {'is not a US state code' if len(unknown) == 1 else 'are not US state codes'}"
            ". Use two-letter codes such as CA, NY, TX.",
            field="licensed_states",
        )
    return tuple(sorted(set(codes)))


def validate_npi(value: str | None) -> str | None:
    """A National Provider Identifier: 10 digits passing the Luhn check (with prefix 80840)."""
    text = "".join((value or "").split())
    if not text:
        return None
    if len(text) != 10 or not text.isdigit():
        raise ValidationError("The NPI number has exactly 10 digits.", field="npi_number")
    digits = [int(d) for d in "80840" + text]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    if total % 10:
        raise ValidationError(
            f"{text} is not a valid NPI number. Check the digits against the provider's licence.",
            field="npi_number",
        )
    return text


def validate_credentials(value: str) -> str:
    text = (value or "").strip().upper().replace(".", "")
    if text not in HCP_CREDENTIALS:
        raise ValidationError(
            f"Pick the provider's credentials: {', '.join(HCP_CREDENTIALS)}.", field="credentials"
        )
    return text


def validate_commission_bp(value: int, field: str = "commission_rate_bp") -> int:
    """A commission rate in basis points (3000 = 30%): 0 to 100%."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10_000:
        raise ValidationError("The commission rate must be between 0% and 100%.", field=field)
    return value


MAX_ADVANCE_MINUTES = 30 * 24 * 60


def validate_advance_minutes(value: int, mode: Mode) -> int:
    """Minimum notice before a booking of that mode: 0 up to 30 days."""
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or not 0 <= value <= MAX_ADVANCE_MINUTES
    ):
        raise ValidationError(
            f"The {mode.label} advance booking time must be between 0 minutes and 30 days.",
            field=f"{mode.value}_advance_minutes",
        )
    return value
