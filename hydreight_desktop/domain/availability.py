"""When a CSP can be booked.

A slot is a start time at which a booking of a given length fits entirely inside the CSP's
weekly hours for that mode (kept in the CSP's own time zone, so a 9-to-5 stays 9-to-5 across
daylight-saving changes), clear of vacations/block times and of the CSP's other bookings
(with the business's travel buffer around callouts), no sooner than the mode's advance-booking
time and no later than the business's booking window. Everything here works on plain frozen
dataclasses and aware UTC datetimes, so the rules are testable without a store.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from hydreight_desktop.domain.clock import zone
from hydreight_desktop.domain.errors import ConflictError, DomainError, ValidationError

MINUTES_PER_DAY = 24 * 60


class Mode(StrEnum):
    """Where a service happens: the CSP travels (callout) or the client comes in (facility)."""

    CALLOUT = "callout"
    FACILITY = "facility"

    @property
    def label(self) -> str:
        return "Callout" if self is Mode.CALLOUT else "Facility"


def parse_mode(value: str | Mode) -> Mode:
    try:
        return Mode(value)
    except ValueError:
        raise ValidationError(
            "Choose callout (the CSP travels to the client) or facility (the client comes in).",
            field="mode",
        ) from None


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open stretch of time [start, end) in aware UTC."""

    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def clip(self, lo: datetime, hi: datetime) -> Span | None:
        start, end = max(self.start, lo), min(self.end, hi)
        return Span(start, end) if start < end else None


@dataclass(frozen=True, slots=True)
class WeeklyHours:
    """One weekly range of a CSP's hours for a mode, in minutes after local midnight."""

    mode: Mode
    weekday: int  # 0 = Monday
    start_minute: int
    end_minute: int  # may be 1440: until midnight


@dataclass(frozen=True, slots=True)
class Block:
    """A vacation or block time."""

    start: datetime
    end: datetime
    reason: str = ""


@dataclass(frozen=True, slots=True)
class BusyBooking:
    """Another booking that holds the CSP's time."""

    booking_id: str
    start: datetime
    end: datetime
    mode: Mode


@dataclass(frozen=True)
class CspCalendar:
    """Everything availability needs to know about one CSP."""

    csp_id: str
    name: str
    time_zone: str
    is_live: bool
    hours: tuple[WeeklyHours, ...]
    callout_advance_minutes: int = 0
    facility_advance_minutes: int = 0
    blocks: tuple[Block, ...] = ()
    bookings: tuple[BusyBooking, ...] = ()

    def advance_minutes(self, mode: Mode) -> int:
        return (
            self.callout_advance_minutes if mode is Mode.CALLOUT else self.facility_advance_minutes
        )

    def hours_for(self, mode: Mode) -> tuple[WeeklyHours, ...]:
        return tuple(h for h in self.hours if h.mode is mode)

    def offers(self, mode: Mode) -> bool:
        return any(h.mode is mode for h in self.hours)


@dataclass(frozen=True)
class BookingRules:
    """The business's scheduling settings."""

    clinic_time_zone: str
    travel_buffer_minutes: int = 30
    booking_window_days: int = 90
    slot_step_minutes: int = 15


@dataclass(frozen=True, slots=True)
class Slot:
    """A start time a booking can take, with the end it would have."""

    csp_id: str
    start: datetime
    end: datetime


# ----------------------------------------------------------------------------- formatting


def describe_time(moment: datetime, zone_name: str) -> str:
    """'2:30 PM EST': a time of day in a zone, with its label ('UTC-03' where the zone has no
    abbreviation)."""
    local = moment.astimezone(zone(zone_name))
    hour = local.hour % 12 or 12
    label = local.tzname() or ""
    if label[:1] in ("+", "-"):
        label = f"UTC{label}"
    return f"{hour}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'} {label}"


def describe_moment(moment: datetime, zone_name: str) -> str:
    """'Tue 3 Dec, 2:30 PM EST': a moment as the front desk reads it."""
    local = moment.astimezone(zone(zone_name))
    return f"{describe_day(local.date(), short=True)}, {describe_time(moment, zone_name)}"


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def describe_day(day: date, *, short: bool = False) -> str:
    """'Thursday 3 December' or 'Thu 3 Dec' (English names whatever the process locale,
    since the messages around them are English)."""
    weekday, month = _DAYS[day.weekday()], _MONTHS[day.month - 1]
    if short:
        weekday, month = weekday[:3], month[:3]
    return f"{weekday} {day.day} {month}"


def describe_span(span: Span, zone_name: str) -> str:
    """'9:00 AM–5:00 PM PST' or across days 'Mon 2 Dec, 9:00 AM PST – Fri 6 Dec, ...'."""
    tz = zone(zone_name)
    if (
        span.start.astimezone(tz).date()
        == (span.end - timedelta(microseconds=1)).astimezone(tz).date()
    ):
        return f"{_clock(span.start, zone_name)}–{describe_time(span.end, zone_name)}"
    return f"{describe_moment(span.start, zone_name)} – {describe_moment(span.end, zone_name)}"


def _clock(moment: datetime, zone_name: str) -> str:
    return describe_time(moment, zone_name).rsplit(" ", 1)[0]


# ----------------------------------------------------------------------------- time maths


def day_span(day: date, zone_name: str) -> Span:
    """A calendar day in a zone, as UTC (23 or 25 hours long on daylight-saving days)."""
    tz = zone(zone_name)
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return Span(start, end)


def _local_to_utc(day: date, minute: int, tz) -> datetime:
    day = day + timedelta(days=minute // MINUTES_PER_DAY)
    minute %= MINUTES_PER_DAY
    local = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz)
    return local.astimezone(UTC)


def working_spans(cal: CspCalendar, mode: Mode, frm: datetime, to: datetime) -> list[Span]:
    """The CSP's working time for ``mode`` that overlaps [frm, to), unclipped, merged, in UTC.

    Hours are read on the CSP's own calendar days, so they follow the CSP's daylight-saving
    changes; a local time skipped by a spring-forward change starts at the next real instant.
    """
    hours = cal.hours_for(mode)
    if not hours or frm >= to:
        return []
    tz = zone(cal.time_zone)
    by_weekday: dict[int, list[WeeklyHours]] = {}
    for h in hours:
        by_weekday.setdefault(h.weekday, []).append(h)
    first = frm.astimezone(tz).date() - timedelta(days=1)
    last = to.astimezone(tz).date() + timedelta(days=1)
    spans: list[Span] = []
    day = first
    while day <= last:
        for h in by_weekday.get(day.weekday(), ()):
            start = _local_to_utc(day, h.start_minute, tz)
            end = _local_to_utc(day, h.end_minute, tz)
            if start < end and start < to and end > frm:
                spans.append(Span(start, end))
        day += timedelta(days=1)
    return merge(spans)


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted, with touching or overlapping spans joined."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and span.start <= out[-1].end:
            if span.end > out[-1].end:
                out[-1] = Span(out[-1].start, span.end)
        else:
            out.append(span)
    return out


def subtract(spans: Sequence[Span], cuts: Iterable[Span]) -> list[Span]:
    """What is left of ``spans`` once every cut is taken out."""
    cuts = merge(cuts)
    out: list[Span] = []
    for span in spans:
        out.extend(_free_parts(span, cuts, [c.end for c in cuts]))
    return out


def _free_parts(span: Span, busy: Sequence[Span], busy_ends: Sequence[datetime]) -> Iterator[Span]:
    """Parts of ``span`` not covered by ``busy`` (sorted, merged; ``busy_ends`` their ends)."""
    cursor = span.start
    i = bisect.bisect_right(busy_ends, span.start)
    while i < len(busy) and busy[i].start < span.end:
        b = busy[i]
        if b.start > cursor:
            yield Span(cursor, b.start)
        if b.end > cursor:
            cursor = b.end
        i += 1
    if cursor < span.end:
        yield Span(cursor, span.end)


def buffer_for(new_mode: Mode, other_mode: Mode, rules: BookingRules) -> timedelta:
    """Travel time kept free between two bookings: whenever either of them is a callout,
    because the CSP has to get to or from the client's address."""
    if Mode.CALLOUT in (new_mode, other_mode):
        return timedelta(minutes=rules.travel_buffer_minutes)
    return timedelta(0)


def busy_spans(
    cal: CspCalendar, mode: Mode, rules: BookingRules, ignore_booking_id: str | None = None
) -> list[Span]:
    """Time a new ``mode`` booking may not touch: blocks, and bookings widened by travel."""
    spans = [Span(b.start, b.end) for b in cal.blocks]
    for b in cal.bookings:
        if b.booking_id == ignore_booking_id:
            continue
        pad = buffer_for(mode, b.mode, rules)
        spans.append(Span(b.start - pad, b.end + pad))
    return merge(spans)


def bookable_starts(cal: CspCalendar, mode: Mode, now: datetime, rules: BookingRules) -> Span:
    """When a booking may start: after the advance-booking time, inside the booking window."""
    return Span(
        now + timedelta(minutes=cal.advance_minutes(mode)),
        now + timedelta(days=rules.booking_window_days),
    )


# ----------------------------------------------------------------------------- slots


def find_slots(
    cal: CspCalendar,
    mode: Mode,
    duration_minutes: int,
    frm: datetime,
    to: datetime,
    now: datetime,
    rules: BookingRules,
    *,
    ignore_booking_id: str | None = None,
    limit: int | None = None,
) -> list[Slot]:
    """Every start in [frm, to) where a ``duration_minutes`` booking fits, in time order.

    Starts step by the business's slot step from the start of each working range. Only live
    CSPs have slots.
    """
    if duration_minutes <= 0:
        raise ValidationError("A booking must last at least one minute.", field="duration")
    if not cal.is_live:
        return []
    allowed = bookable_starts(cal, mode, now, rules)
    lo, hi = max(frm, allowed.start), min(to, allowed.end)
    if lo >= hi:
        return []
    step = timedelta(minutes=rules.slot_step_minutes)
    step_s = step.total_seconds()
    length = timedelta(minutes=duration_minutes)
    busy = busy_spans(cal, mode, rules, ignore_booking_id)
    busy_ends = [b.end for b in busy]
    slots: list[Slot] = []
    for work in working_spans(cal, mode, lo, hi + length):
        for free in _free_parts(work, busy, busy_ends):
            first = max(free.start, lo)
            k = -(-(first - work.start).total_seconds() // step_s)  # ceil
            start = work.start + step * int(k)
            last_start = min(free.end - length, hi - timedelta(microseconds=1))
            while start <= last_start:
                slots.append(Slot(cal.csp_id, start, start + length))
                if limit is not None and len(slots) >= limit:
                    return slots
                start += step
    return slots


def first_available(
    cals: Iterable[CspCalendar],
    mode: Mode,
    duration_minutes: int,
    frm: datetime,
    to: datetime,
    now: datetime,
    rules: BookingRules,
) -> Slot | None:
    """The earliest slot across every live CSP offering ``mode`` (ties go to the first CSP)."""
    best: Slot | None = None
    for cal in cals:
        if not cal.is_live or not cal.offers(mode):
            continue
        until = best.start + timedelta(microseconds=1) if best else to
        found = find_slots(cal, mode, duration_minutes, frm, until, now, rules, limit=1)
        if found and (best is None or found[0].start < best.start):
            best = found[0]
    return best


def next_free_slots(
    cal: CspCalendar,
    mode: Mode,
    duration_minutes: int,
    after: datetime,
    now: datetime,
    rules: BookingRules,
    *,
    count: int = 3,
    ignore_booking_id: str | None = None,
) -> list[Slot]:
    """The next few slots from ``after`` on (looking up to two weeks ahead), for suggestions."""
    return find_slots(
        cal,
        mode,
        duration_minutes,
        after,
        after + timedelta(days=14),
        now,
        rules,
        ignore_booking_id=ignore_booking_id,
        limit=count,
    )


def check_start(
    cal: CspCalendar,
    mode: Mode,
    start: datetime,
    duration_minutes: int,
    now: datetime,
    rules: BookingRules,
    *,
    ignore_booking_id: str | None = None,
    enforce_notice: bool = True,
) -> Slot:
    """Refuse a booking the CSP cannot take, saying exactly why; returns the slot it takes.

    Starts need not sit on the slot grid (a booking dragged to 10:05 is fine if it fits).
    Overlaps with other bookings raise ``ConflictError``; everything else ``DomainError``.
    ``enforce_notice=False`` skips the past/notice/window rules: for changes to a booking that
    keeps its start (adding a client lengthens it; it must still fit and not clash).
    """
    if start.tzinfo is None:
        raise ValueError("start must be an aware datetime")
    if duration_minutes <= 0:
        raise ValidationError("A booking must last at least one minute.", field="duration")
    end = start + timedelta(minutes=duration_minutes)
    wanted = Span(start, end)
    who = cal.name
    if not cal.is_live:
        raise DomainError(
            f"{who}'s account is not live yet, so {who} cannot be booked. "
            "An admin can make the account live on the provider's Details tab."
        )
    if not cal.offers(mode):
        raise DomainError(
            f"{who} has no {mode.value} hours entered, so cannot take {mode.value} bookings."
        )
    allowed = bookable_starts(cal, mode, now, rules)
    if enforce_notice:
        _check_notice(cal, mode, start, now, rules, allowed)
    _check_fits(cal, mode, wanted, rules, ignore_booking_id)
    return Slot(cal.csp_id, start, end)


def _check_notice(
    cal: CspCalendar, mode: Mode, start: datetime, now: datetime, rules: BookingRules, allowed: Span
) -> None:
    """Not in the past, not inside the advance-booking time, not beyond the booking window."""
    shown = rules.clinic_time_zone
    if start < now:
        raise ValidationError(
            "That time has already passed. Pick a time from now on.", field="start"
        )
    if start < allowed.start:
        notice = describe_minutes(cal.advance_minutes(mode))
        raise ValidationError(
            f"{mode.label} bookings with {cal.name} need {notice} of notice; the earliest possible "
            f"start is {describe_moment(allowed.start, shown)}.",
            field="start",
        )
    if start >= allowed.end:
        raise ValidationError(
            f"Bookings can be made up to {rules.booking_window_days} days ahead; "
            f"pick a start before {describe_moment(allowed.end, shown)}.",
            field="start",
        )


def _check_fits(
    cal: CspCalendar,
    mode: Mode,
    wanted: Span,
    rules: BookingRules,
    ignore_booking_id: str | None,
) -> None:
    """Inside the CSP's hours, clear of blocks, and clear of other bookings (with travel)."""
    shown, who = rules.clinic_time_zone, cal.name
    start, end = wanted.start, wanted.end
    duration_minutes = wanted.minutes
    spans = working_spans(cal, mode, start - timedelta(days=1), end + timedelta(days=1))
    if not any(s.start <= start and end <= s.end for s in spans):
        inside = next((s for s in spans if s.start <= start < s.end), None)
        if inside is not None:
            raise ValidationError(
                f"A {duration_minutes}-minute booking starting {describe_moment(start, shown)} "
                f"would run past the end of {who}'s {mode.value} hours "
                f"({describe_time(inside.end, shown)}).",
                field="start",
            )
        raise ValidationError(
            f"{describe_moment(start, shown)} is outside {who}'s {mode.value} hours.",
            field="start",
        )
    for block in cal.blocks:
        if wanted.overlaps(Span(block.start, block.end)):
            what = f" ({block.reason})" if block.reason else ""
            raise DomainError(
                f"{who} is away{what} from {describe_moment(block.start, shown)} "
                f"to {describe_moment(block.end, shown)}."
            )
    for other in sorted(cal.bookings, key=lambda b: b.start):
        if other.booking_id == ignore_booking_id:
            continue
        pad = buffer_for(mode, other.mode, rules)
        if wanted.overlaps(Span(other.start - pad, other.end + pad)):
            taken = describe_span(Span(other.start, other.end), shown)
            if wanted.overlaps(Span(other.start, other.end)):
                raise ConflictError(f"{who} already has a booking {taken}.")
            raise ConflictError(
                f"{who} has a booking {taken} and needs {rules.travel_buffer_minutes} minutes "
                "to travel between it and a callout."
            )


def describe_minutes(minutes: int) -> str:
    """'90 minutes', '2 hours', '1 day', '1 day 2 hours'."""
    if minutes <= 0:
        return "no"
    days, rest = divmod(minutes, MINUTES_PER_DAY)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    if hours and not mins:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    elif hours or mins:
        total = hours * 60 + mins
        parts.append(f"{total} minutes")
    return " ".join(parts)
