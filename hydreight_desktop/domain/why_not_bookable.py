"""“Why can't I book this CSP?”: every reason a CSP has no slot for a mode on a clinic day.

The reasons come in the clinic's own checklist order (account live; hours entered for the
mode; time zone; advance booking time; vacations/block time; then fully booked and the
booking window), each with the profile tab (or section) where it is fixed, so the screen can
offer a button that goes straight there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from hydreight_desktop.domain.availability import (
    BookingRules,
    CspCalendar,
    Mode,
    Slot,
    Span,
    bookable_starts,
    busy_spans,
    day_span,
    describe_day,
    describe_minutes,
    describe_moment,
    describe_span,
    find_slots,
    subtract,
    working_spans,
)
from hydreight_desktop.domain.clock import zone


class ReasonCode(StrEnum):
    NOT_LIVE = "not_live"
    NO_HOURS = "no_hours"
    NO_HOURS_THAT_DAY = "no_hours_that_day"
    TIME_ZONE = "time_zone"
    DAY_PASSED = "day_passed"
    ADVANCE_BOOKING = "advance_booking"
    VACATION = "vacation"
    FULLY_BOOKED = "fully_booked"
    HOURS_TOO_SHORT = "hours_too_short"
    OUTSIDE_BOOKING_WINDOW = "outside_booking_window"


#: The clinic's checklist order.
CHECKLIST_ORDER: tuple[ReasonCode, ...] = tuple(ReasonCode)

#: Where each reason is fixed: (section key, CSP profile tab or None).
FIX_LOCATION: dict[ReasonCode, tuple[str | None, str | None]] = {
    ReasonCode.NOT_LIVE: ("providers", "details"),
    ReasonCode.NO_HOURS: ("providers", "hours"),
    ReasonCode.NO_HOURS_THAT_DAY: ("providers", "hours"),
    ReasonCode.TIME_ZONE: ("providers", "details"),
    ReasonCode.DAY_PASSED: (None, None),
    ReasonCode.ADVANCE_BOOKING: ("providers", "settings"),
    ReasonCode.VACATION: ("providers", "vacations"),
    ReasonCode.FULLY_BOOKED: ("schedule", None),
    ReasonCode.HOURS_TOO_SHORT: ("providers", "hours"),
    ReasonCode.OUTSIDE_BOOKING_WINDOW: ("business", None),
}

FIX_LABELS: dict[ReasonCode, str] = {
    ReasonCode.NOT_LIVE: "Open Details",
    ReasonCode.NO_HOURS: "Open Available Hours",
    ReasonCode.NO_HOURS_THAT_DAY: "Open Available Hours",
    ReasonCode.TIME_ZONE: "Open Details",
    ReasonCode.DAY_PASSED: "",
    ReasonCode.ADVANCE_BOOKING: "Open Settings",
    ReasonCode.VACATION: "Open Vacations/Block Time",
    ReasonCode.FULLY_BOOKED: "Open the schedule",
    ReasonCode.HOURS_TOO_SHORT: "Open Available Hours",
    ReasonCode.OUTSIDE_BOOKING_WINDOW: "Open business settings",
}


@dataclass(frozen=True)
class NotBookableReason:
    """One reason, in words, with where to fix it."""

    code: ReasonCode
    title: str
    message: str

    @property
    def section(self) -> str | None:
        """Section key to navigate to (``providers``, ``business``, ``schedule``) or None."""
        return FIX_LOCATION[self.code][0]

    @property
    def tab(self) -> str | None:
        """CSP profile tab: ``details``, ``hours``, ``settings`` or ``vacations`` (or None)."""
        return FIX_LOCATION[self.code][1]

    @property
    def fix_label(self) -> str:
        return FIX_LABELS[self.code]


@dataclass(frozen=True)
class BookabilityReport:
    """The answer for one CSP, mode and clinic day."""

    csp_id: str
    csp_name: str
    mode: Mode
    day: date
    clinic_time_zone: str
    csp_time_zone: str
    duration_minutes: int
    slots: tuple[Slot, ...]
    reasons: tuple[NotBookableReason, ...]
    hours: tuple[Span, ...]  # the CSP's working time for the mode touching that day

    @property
    def bookable(self) -> bool:
        return bool(self.slots)

    def codes(self) -> tuple[ReasonCode, ...]:
        return tuple(r.code for r in self.reasons)


def _hours_text(spans: list[Span], zone_name: str) -> str:
    return ", ".join(describe_span(s, zone_name) for s in spans)


def _explain_no_fit(
    cal: CspCalendar,
    mode: Mode,
    rules: BookingRules,
    duration_minutes: int,
    open_time: list[Span],
    spans: list[Span],
    add,
) -> None:
    """Open time is left but no slot fits: bookings fill it, or the hours are too short."""
    booked = [b for b in cal.bookings if any(Span(b.start, b.end).overlaps(s) for s in spans)]
    gaps = subtract(open_time, busy_spans(cal, mode, rules))
    longest = max((g.minutes for g in gaps), default=0)
    need = describe_minutes(duration_minutes)
    if sum(g.minutes for g in gaps) < sum(s.minutes for s in open_time):
        detail = (
            f"the longest free gap is {describe_minutes(longest)}, too short for the {need} "
            "this booking needs"
            if longest
            else "no free time is left"
        )
        travel = (
            f" (counting {rules.travel_buffer_minutes} minutes of travel around callouts)"
            if rules.travel_buffer_minutes and booked
            else ""
        )
        count = f"{len(booked)} booking{'s' if len(booked) != 1 else ''}"
        add(
            ReasonCode.FULLY_BOOKED,
            "Fully booked",
            f"{cal.name} has {count} that day{travel}; {detail}.",
        )
    else:
        add(
            ReasonCode.HOURS_TOO_SHORT,
            "Hours too short",
            f"{cal.name}'s open {mode.value} time that day (longest {describe_minutes(longest)}) "
            f"is too short for the {need} this booking needs.",
        )


def why_not_bookable(
    cal: CspCalendar,
    mode: Mode,
    day: date,
    duration_minutes: int,
    now: datetime,
    rules: BookingRules,
) -> BookabilityReport:
    """Explain every reason ``cal`` has no (or less) ``mode`` time on the clinic day ``day``."""
    clinic = rules.clinic_time_zone
    window = day_span(day, clinic)
    who = cal.name
    mode_word = mode.value
    reasons: list[NotBookableReason] = []

    def add(code: ReasonCode, title: str, message: str) -> None:
        reasons.append(NotBookableReason(code, title, message))

    if not cal.is_live:
        add(
            ReasonCode.NOT_LIVE,
            "Account not live",
            f"{who}'s account is not live yet (onboarding or test mode). Only live CSPs can "
            "be booked.",
        )
    spans = working_spans(cal, mode, window.start, window.end)
    work = [c for s in spans if (c := s.clip(window.start, window.end))]
    if not cal.offers(mode):
        add(
            ReasonCode.NO_HOURS,
            f"No {mode_word} hours",
            f"{who} has no {mode_word} hours entered. Hours must be entered for callout and "
            "facility separately.",
        )
    elif not work:
        add(
            ReasonCode.NO_HOURS_THAT_DAY,
            f"No {mode_word} hours that day",
            f"{who} has no {mode_word} hours on {describe_day(day)}"
            + (" in the clinic's time zone." if cal.time_zone != clinic else "."),
        )
    csp_tz, clinic_tz = zone(cal.time_zone), zone(clinic)
    if any(
        m.astimezone(csp_tz).utcoffset() != m.astimezone(clinic_tz).utcoffset()
        for m in (window.start, window.end - timedelta(seconds=1))
    ):
        local_label = window.start.astimezone(csp_tz).tzname()
        clinic_label = window.start.astimezone(clinic_tz).tzname()
        text = (
            f"{who}'s default time zone is {cal.time_zone} ({local_label}); the clinic's is "
            f"{clinic} ({clinic_label})."
        )
        if spans:
            text += (
                f" {who}'s {mode_word} hours around that day are {_hours_text(spans, cal.time_zone)}, "
                f"which is {_hours_text(spans, clinic)} in the clinic's time."
            )
        add(ReasonCode.TIME_ZONE, "Different time zone", text)

    allowed = bookable_starts(cal, mode, now, rules)
    if work and all(s.end <= now for s in work):
        add(
            ReasonCode.DAY_PASSED,
            "Already passed",
            f"{who}'s {mode_word} hours on that day have already passed.",
        )
    elif (
        work
        and cal.advance_minutes(mode) > 0
        and any(s.start < allowed.start and s.end > now for s in work)
    ):
        add(
            ReasonCode.ADVANCE_BOOKING,
            "Advance booking time",
            f"{mode.label} bookings with {who} need {describe_minutes(cal.advance_minutes(mode))} "
            f"of notice, so nothing before {describe_moment(allowed.start, clinic)} can be booked.",
        )
    away = [b for b in cal.blocks if any(Span(b.start, b.end).overlaps(s) for s in work)]
    if away:
        listed = "; ".join(
            (f"{b.reason}, " if b.reason else "") + describe_span(Span(b.start, b.end), clinic)
            for b in sorted(away, key=lambda b: b.start)
        )
        add(ReasonCode.VACATION, "Vacation or block time", f"{who} is away: {listed}.")
    late = [s for s in work if s.end > allowed.end]
    # Working time still open once notice, window and blocks are taken out.
    open_time = subtract(
        [c for s in work if (c := s.clip(allowed.start, allowed.end))],
        [Span(b.start, b.end) for b in cal.blocks],
    )
    # Would there be room if the account were live? Explain the rest either way.
    room = find_slots(
        replace(cal, is_live=True), mode, duration_minutes, window.start, window.end, now, rules
    )
    slots = tuple(room) if cal.is_live else ()
    if open_time and not room:
        _explain_no_fit(cal, mode, rules, duration_minutes, open_time, spans, add)
    if late:
        window_days = rules.booking_window_days
        if all(s.start >= allowed.end for s in late):
            opens = late[0].start - timedelta(days=window_days)
            detail = f"that day opens for booking from {describe_moment(opens, clinic)}"
        else:
            detail = f"times from {describe_moment(allowed.end, clinic)} on cannot be booked yet"
        add(
            ReasonCode.OUTSIDE_BOOKING_WINDOW,
            "Outside the booking window",
            f"Bookings can be made up to {window_days} days ahead; {detail}.",
        )
    order = {code: i for i, code in enumerate(CHECKLIST_ORDER)}
    reasons.sort(key=lambda r: order[r.code])
    return BookabilityReport(
        csp_id=cal.csp_id,
        csp_name=cal.name,
        mode=mode,
        day=day,
        clinic_time_zone=clinic,
        csp_time_zone=cal.time_zone,
        duration_minutes=duration_minutes,
        slots=slots,
        reasons=tuple(reasons),
        hours=tuple(spans),
    )
