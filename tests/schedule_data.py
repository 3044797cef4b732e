"""A small, fixed schedule (two clinics' worth of zones) for the schedule view tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hydreight_desktop.ui.schedule.view_model import BookingBlock, CspLane, ScheduleData, TimeSpan

NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
DAY = date(2026, 3, 10)  # a Tuesday, two days after the US spring-forward change


def at(hour: int, minute: int = 0, tz: ZoneInfo = NEW_YORK, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz).astimezone(UTC)


def nine_to_five(tz: ZoneInfo, first: date, days: int = 7) -> tuple[TimeSpan, ...]:
    return tuple(
        TimeSpan(at(9, 0, tz, first + timedelta(n)), at(17, 0, tz, first + timedelta(n)))
        for n in range(days)
    )


def sample_schedule() -> ScheduleData:
    """Ana (New York) with three bookings and lunch blocked; Ben (Los Angeles) with one."""
    monday = DAY - timedelta(days=DAY.weekday())
    ana = CspLane(
        "ana", "Ana Lopez", "America/New_York",
        working=nine_to_five(NEW_YORK, monday),
        blocked=(TimeSpan(at(12), at(13), "Lunch"),),
    )
    ben = CspLane(
        "ben", "Ben Okafor", "America/Los_Angeles",
        working=nine_to_five(LOS_ANGELES, monday),
        blocked=(TimeSpan(at(0, 0, LOS_ANGELES, DAY + timedelta(2)),
                          at(0, 0, LOS_ANGELES, DAY + timedelta(3)), "Vacation"),),
    )
    bookings = (
        BookingBlock("b-booked", "ana", at(9), at(10), "booked", "facility", "Maria Gomez",
                     "Energy IV"),
        BookingBlock("b-done", "ana", at(10, 30), at(11), "completed", "callout", "John Smith"),
        BookingBlock("b-family", "ana", at(14), at(15, 30), "booked", "callout",
                     "The Johnson family", "4 clients", client_count=4),
        BookingBlock("b-ben", "ben", at(12, 0, LOS_ANGELES), at(13, 0, LOS_ANGELES),
                     "checked_in", "callout", "Lee Wong"),
    )
    return ScheduleData("America/New_York", (ana, ben), bookings, "Glow Mobile IV")
