"""Booking length, booking status and “why can't I book this CSP?”."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hydreight_desktop.domain.availability import (
    Block,
    BookingRules,
    BusyBooking,
    Mode,
    WeeklyHours,
)
from hydreight_desktop.domain.booking_length import ClientTiming, booking_minutes
from hydreight_desktop.domain.booking_status import BookingStatus, can_transition, check_transition
from hydreight_desktop.domain.errors import DomainError, ValidationError
from hydreight_desktop.domain.why_not_bookable import ReasonCode, why_not_bookable
from tests.scheduling_support import NOW, RULES, busy_calendars, calendar, every_day, ny

DEC3 = date(2026, 12, 3)

# --------------------------------------------------------------------------- length


def test_clients_served_one_after_another_take_the_sum_of_their_services():
    assert booking_minutes([[60], [45, 15], [30]], ClientTiming.SEQUENTIAL) == 150


def test_clients_side_by_side_take_the_longest_plus_set_up_per_extra_client():
    assert booking_minutes([[60], [45, 30], [30]], "side_by_side", 10) == 75 + 2 * 10


def test_a_booking_of_four_clients_side_by_side():
    assert booking_minutes([[60], [60], [45], [30]], ClientTiming.SIDE_BY_SIDE, 5) == 75


def test_one_client_needs_no_set_up_time():
    assert booking_minutes([[45]], ClientTiming.SIDE_BY_SIDE, 10) == 45


def test_a_booking_with_no_client_is_refused():
    with pytest.raises(ValidationError, match="at least one client"):
        booking_minutes([], ClientTiming.SEQUENTIAL)


def test_a_client_with_no_service_is_refused():
    with pytest.raises(ValidationError, match="Client 2 has no service"):
        booking_minutes([[30], []], ClientTiming.SEQUENTIAL)


def test_an_unknown_timing_setting_is_refused():
    with pytest.raises(ValidationError, match="one after another or side by side"):
        booking_minutes([[30]], "parallel")


# --------------------------------------------------------------------------- status


def test_a_booking_moves_forward_through_check_in_session_and_completion():
    steps = ["booked", "checked_in", "in_session", "completed"]
    for old, new in zip(steps, steps[1:], strict=False):
        assert check_transition(old, new) == BookingStatus(new)


@pytest.mark.parametrize("old", ["booked", "checked_in"])
@pytest.mark.parametrize("new", ["cancelled", "no_show"])
def test_booked_or_checked_in_bookings_can_be_cancelled_or_marked_no_show(old, new):
    assert can_transition(old, new)


def test_a_session_cannot_start_before_check_in():
    with pytest.raises(DomainError, match="Check the client in"):
        check_transition("booked", "in_session")


def test_a_completed_booking_cannot_be_cancelled():
    with pytest.raises(DomainError, match="can no longer change"):
        check_transition("completed", "cancelled")


def test_a_booking_in_session_cannot_be_cancelled():
    with pytest.raises(DomainError, match="no longer be marked cancelled"):
        check_transition("in_session", "cancelled")


def test_a_cancelled_booking_cannot_be_revived():
    with pytest.raises(DomainError, match="cancelled; its status can no longer change"):
        check_transition("cancelled", "booked")


def test_checking_in_twice_says_so():
    with pytest.raises(DomainError, match="already checked in"):
        check_transition("checked_in", "checked_in")


def test_cancelled_and_no_show_bookings_free_the_time():
    assert not BookingStatus.CANCELLED.holds_time and not BookingStatus.NO_SHOW.holds_time
    assert BookingStatus.COMPLETED.holds_time


# --------------------------------------------------------------------------- why not


def report(cal, day=DEC3, duration=60, mode=Mode.CALLOUT, now=NOW, rules=RULES):
    return why_not_bookable(cal, mode, day, duration, now, rules)


def test_a_bookable_csp_has_slots_and_no_reasons():
    r = report(calendar())
    assert r.bookable and r.reasons == ()


def test_not_live_is_explained_and_fixed_on_the_details_tab():
    r = report(calendar(is_live=False))
    assert not r.bookable
    assert r.codes() == (ReasonCode.NOT_LIVE,)
    assert (r.reasons[0].section, r.reasons[0].tab) == ("providers", "details")


def test_no_hours_for_the_mode_is_explained_and_fixed_on_the_hours_tab():
    r = report(calendar(hours=every_day(Mode.FACILITY, 9, 17)))
    assert r.codes() == (ReasonCode.NO_HOURS,)
    assert "no callout hours entered" in r.reasons[0].message
    assert r.reasons[0].tab == "hours"


def test_no_hours_on_that_weekday_is_explained():
    cal = calendar(hours=(WeeklyHours(Mode.CALLOUT, 0, 540, 1020),))  # Mondays only
    r = report(cal)
    assert r.codes() == (ReasonCode.NO_HOURS_THAT_DAY,)
    assert "Thursday 3 December" in r.reasons[0].message


def test_time_zone_shows_the_csps_zone_and_hours_converted_to_the_clinics():
    cal = calendar(time_zone="America/Los_Angeles", hours=every_day(Mode.CALLOUT, 9, 17))
    r = report(cal)
    assert r.bookable
    tz = r.reasons[0]
    assert tz.code is ReasonCode.TIME_ZONE and tz.tab == "details"
    assert "America/Los_Angeles (PST)" in tz.message
    assert "9:00 AM–5:00 PM PST" in tz.message and "12:00 PM–8:00 PM EST" in tz.message


def test_hours_that_fall_on_another_clinic_day_because_of_the_zone_are_explained():
    # A CSP in Honolulu working 8 PM to midnight her time works 1 AM to 5 AM on the clinic's
    # next day, so on her own weekday there is nothing on the clinic's calendar.
    cal = calendar(
        time_zone="Pacific/Honolulu", hours=(WeeklyHours(Mode.CALLOUT, 3, 20 * 60, 24 * 60),)
    )
    r = report(cal, day=DEC3)
    assert r.codes() == (ReasonCode.NO_HOURS_THAT_DAY, ReasonCode.TIME_ZONE)
    assert report(cal, day=date(2026, 12, 4)).bookable


def test_advance_booking_time_is_explained_and_fixed_on_the_settings_tab():
    cal = calendar(callout_advance_minutes=3 * 24 * 60)
    r = report(cal)
    assert not r.bookable
    assert r.codes() == (ReasonCode.ADVANCE_BOOKING,)
    assert "3 days of notice" in r.reasons[0].message and r.reasons[0].tab == "settings"


def test_vacation_is_explained_and_fixed_on_the_vacations_tab():
    cal = calendar(blocks=(Block(ny(2, 0), ny(5, 0), "Family trip"),))
    r = report(cal)
    assert r.codes() == (ReasonCode.VACATION,)
    assert "Family trip" in r.reasons[0].message and r.reasons[0].tab == "vacations"


def test_fully_booked_day_is_explained():
    bookings = (
        BusyBooking("b1", ny(3, 9), ny(3, 12), Mode.CALLOUT),
        BusyBooking("b2", ny(3, 12, 30), ny(3, 16), Mode.CALLOUT),
    )
    r = report(calendar(bookings=bookings))
    assert r.codes() == (ReasonCode.FULLY_BOOKED,)
    assert "2 bookings" in r.reasons[0].message and "30 minutes of travel" in r.reasons[0].message
    assert r.reasons[0].section == "schedule"


def test_hours_too_short_for_the_booking_are_explained():
    cal = calendar(hours=every_day(Mode.CALLOUT, 9, 10))
    r = report(cal, duration=90)
    assert r.codes() == (ReasonCode.HOURS_TOO_SHORT,)
    assert r.reasons[0].tab == "hours"


def test_a_day_outside_the_booking_window_is_explained():
    rules = BookingRules("America/New_York", booking_window_days=30)
    r = report(calendar(), day=DEC3 + timedelta(days=40), rules=rules)
    assert r.codes() == (ReasonCode.OUTSIDE_BOOKING_WINDOW,)
    assert r.reasons[0].section == "business"


def test_a_day_already_passed_is_explained():
    r = report(calendar(), day=date(2026, 11, 20))
    assert r.codes() == (ReasonCode.DAY_PASSED,)


def test_every_reason_is_listed_in_the_clinics_checklist_order():
    cal = calendar(
        is_live=False,
        time_zone="America/Chicago",
        callout_advance_minutes=3 * 24 * 60,
        blocks=(Block(ny(3, 0), ny(3, 12)),),
    )
    rules = BookingRules("America/New_York", booking_window_days=2)
    r = report(cal, rules=rules)
    assert r.codes() == (
        ReasonCode.NOT_LIVE,
        ReasonCode.TIME_ZONE,
        ReasonCode.ADVANCE_BOOKING,
        ReasonCode.VACATION,
        ReasonCode.OUTSIDE_BOOKING_WINDOW,
    )
    assert [x.tab for x in r.reasons] == ["details", "details", "settings", "vacations", None]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cal=busy_calendars(),
    mode=st.sampled_from(Mode),
    offset=st.integers(-2, 16),
    duration=st.integers(15, 240),
    advance=st.integers(0, 3 * 24 * 60),
)
def test_a_csp_with_no_slot_always_gets_at_least_one_reason(cal, mode, offset, duration, advance):
    cal = replace(cal, callout_advance_minutes=advance, facility_advance_minutes=advance)
    r = report(cal, day=DEC3 + timedelta(days=offset), duration=duration, mode=mode)
    if not r.bookable:
        assert r.reasons, "a CSP without slots must be explained"
