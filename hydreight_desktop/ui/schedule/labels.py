"""Short time texts the schedule paints (kept apart so tooltips and blocks agree)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def clock(instant: datetime, tz: ZoneInfo, *, with_suffix: bool = True) -> str:
    """'9:05 AM' (or '9:05' without the suffix) in `tz`."""
    local = instant.astimezone(tz)
    hour = local.hour % 12 or 12
    text = f"{hour}:{local.minute:02d}"
    if with_suffix:
        text += " AM" if local.hour < 12 else " PM"
    return text


def time_range(start: datetime, end: datetime, tz: ZoneInfo) -> str:
    """'9:00 – 10:30 AM', or '11:30 AM – 12:30 PM' when the half of the day changes."""
    same_half = (start.astimezone(tz).hour < 12) == (end.astimezone(tz).hour < 12)
    return f"{clock(start, tz, with_suffix=not same_half)} – {clock(end, tz)}"
