"""Shared builders for the scheduling rule tests: a CSP calendar and New York times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hydreight_desktop.domain.availability import (
    BookingRules,
    CspCalendar,
    Mode,
    WeeklyHours,
    find_slots,
)

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # Tue 1 Dec 2026, 7:00 AM in New York
RULES = BookingRules(clinic_time_zone="America/New_York", travel_buffer_minutes=30)


def every_day(mode: Mode, start_h: int, end_h: int) -> tuple[WeeklyHours, ...]:
    return tuple(WeeklyHours(mode, d, start_h * 60, end_h * 60) for d in range(7))


def calendar(**overrides) -> CspCalendar:
    values = dict(
        csp_id="csp-1",
        name="Jane Rivera",
        time_zone="America/New_York",
        is_live=True,
        hours=every_day(Mode.CALLOUT, 9, 17) + every_day(Mode.FACILITY, 9, 17),
        callout_advance_minutes=0,
        facility_advance_minutes=0,
    )
    values.update(overrides)
    return CspCalendar(**values)


def ny(day: int, hour: int, minute: int = 0, month: int = 12, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=NY).astimezone(UTC)


def local_starts(slots, tz=NY) -> list[str]:
    return [s.start.astimezone(tz).strftime("%H:%M") for s in slots]


def slots_on(cal, day, duration=60, mode=Mode.CALLOUT, rules=RULES, now=NOW, month=12, year=2026):
    start = datetime(year, month, day, tzinfo=NY)
    return find_slots(
        cal,
        mode,
        duration,
        start.astimezone(UTC),
        (start + timedelta(days=1)).astimezone(UTC),
        now,
        rules,
    )
