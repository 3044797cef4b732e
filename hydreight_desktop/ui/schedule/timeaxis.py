"""The schedule's time axis: UTC instants <-> minutes on a day's wall clock.

The grid shows wall-clock time of the selected zone (00:00 at the top, 24:00 at
the bottom), as paper diaries and other calendars do. On a daylight-saving day
the missing hour is simply empty and a repeated hour is drawn once; a booking's
height never drops below its real length.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hydreight_desktop.ui.format import Formatter

MINUTES_PER_DAY = 24 * 60
SNAP_MINUTES = 15


def local_midnight_utc(day: date, tz: ZoneInfo) -> datetime:
    """The UTC instant at which `day` starts in `tz`."""
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def day_bounds_utc(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) of `day` in `tz` as UTC instants (23 or 25 hours on DST days)."""
    return local_midnight_utc(day, tz), local_midnight_utc(day + timedelta(days=1), tz)


def _wall_minutes(instant: datetime, tz: ZoneInfo) -> float:
    local = instant.astimezone(tz)
    return local.hour * 60 + local.minute + local.second / 60


def span_on_day(
    start_utc: datetime, end_utc: datetime, day: date, tz: ZoneInfo
) -> tuple[float, float] | None:
    """Top and bottom (minutes from local midnight) of a span's part on `day`, or None."""
    day_start, day_end = day_bounds_utc(day, tz)
    start = max(start_utc, day_start)
    end = min(end_utc, day_end)
    if end <= start:
        return None
    top = _wall_minutes(start, tz)
    bottom = MINUTES_PER_DAY if end == day_end else _wall_minutes(end, tz)
    real_length = (end - start).total_seconds() / 60
    # Over a repeated (fall-back) hour the wall clock runs backwards: keep the real length.
    bottom = max(bottom, min(top + real_length, MINUTES_PER_DAY))
    return top, bottom


def utc_at(day: date, minutes: float, tz: ZoneInfo) -> datetime:
    """The UTC instant shown at `minutes` after local midnight of `day`.

    A wall time that does not exist (spring-forward gap) resolves forward, to the
    instant the clock jumps to; a repeated wall time resolves to its first occurrence.
    """
    minutes = max(0.0, min(float(minutes), MINUTES_PER_DAY))
    if minutes >= MINUTES_PER_DAY:
        return local_midnight_utc(day + timedelta(days=1), tz)
    whole = int(minutes)
    local = datetime.combine(day, time(whole // 60, whole % 60), tzinfo=tz)
    seconds = round((minutes - whole) * 60)
    return (local.astimezone(UTC) + timedelta(seconds=seconds)).replace(microsecond=0)


def snap_down(minutes: float, step: int = SNAP_MINUTES) -> int:
    """The grid line at or before `minutes` (a click starts where it landed)."""
    return int(minutes // step) * step


def snap_nearest(minutes: float, step: int = SNAP_MINUTES) -> int:
    """The nearest grid line (a dragged block lands on the closest quarter hour)."""
    return int((minutes + step / 2) // step) * step


def zone_abbreviation(tz: ZoneInfo, day: date) -> str:
    """The zone's short name on `day` (EST, PDT, ...) or its UTC offset when it has none."""
    return Formatter.zone_label(datetime.combine(day, time(12), tzinfo=tz))


def zone_abbreviations(tz: ZoneInfo, days: list[date]) -> str:
    """Abbreviations over several days, e.g. 'EDT/EST' for a week with the change."""
    seen: list[str] = []
    for day in days:
        abbr = zone_abbreviation(tz, day)
        if abbr not in seen:
            seen.append(abbr)
    return "/".join(seen)


def zone_city(zone_name: str) -> str:
    """'America/New_York' -> 'New York' (what a receptionist recognises)."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def hour_label(hour: int) -> str:
    """Gutter label for an hour line: '12 AM', '9 AM', '12 PM', '5 PM'."""
    hour %= 24
    suffix = "AM" if hour < 12 else "PM"
    shown = hour % 12 or 12
    return f"{shown} {suffix}"
