"""How the UI shows money, instants and dates: the clinic's locale, always with currency and zone."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.dates import format_time as _babel_time

from hydreight_desktop.domain.clock import zone
from hydreight_desktop.domain.money import format_money as _money


class Formatter:
    """Bound to the business's currency, locale and default zone."""

    def __init__(
        self, currency: str = "USD", locale: str = "en_US", time_zone: str = "UTC"
    ) -> None:
        self.currency = currency
        self.locale = locale
        self.time_zone = time_zone

    def money(self, cents: int | None) -> str:
        return "" if cents is None else _money(cents, self.currency, self.locale)

    def datetime(self, moment: datetime | None, tz: str | None = None) -> str:
        """'Dec 3, 2026, 2:30 PM EST' in ``tz`` (default: the clinic's zone)."""
        if moment is None:
            return ""
        local = moment.astimezone(zone(tz or self.time_zone))
        return (
            _babel_datetime(local, "MMM d, y, h:mm a", locale=self.locale)
            + " "
            + self.zone_label(local)
        )

    def time(self, moment: datetime, tz: str | None = None, with_zone: bool = True) -> str:
        local = moment.astimezone(zone(tz or self.time_zone))
        text = _babel_time(local, "h:mm a", locale=self.locale)
        return f"{text} {self.zone_label(local)}" if with_zone else text

    def date(self, day: date | None) -> str:
        return "" if day is None else _babel_date(day, "medium", locale=self.locale)

    @staticmethod
    def zone_label(local: datetime) -> str:
        """The zone's abbreviation for that instant (EST vs EDT), or its UTC offset."""
        name = local.tzname() or ""
        if name and not name.startswith(("+", "-")):
            return name
        offset = local.utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset else 0
        sign = "+" if minutes >= 0 else "-"
        return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
