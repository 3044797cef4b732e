"""Availability rules: hours, zones, daylight saving, blocks, bookings, notice and window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hydreight_desktop.domain.availability import (
    Block,
    BookingRules,
    BusyBooking,
    Mode,
    Span,
    WeeklyHours,
    buffer_for,
    check_start,
    find_slots,
    first_available,
    next_free_slots,
    working_spans,
)
from hydreight_desktop.domain.errors import ConflictError, DomainError
from tests.scheduling_support import (
    LA,
    NOW,
    RULES,
    busy_calendars,
    calendar,
    every_day,
    local_starts,
    ny,
    slots_on,
)


def test_slots_follow_the_csps_weekly_hours_in_steps_of_the_slot_step():
    slots = slots_on(calendar(), 3)
    starts = local_starts(slots)
    assert starts[0] == "09:00" and starts[1] == "09:15"
    assert starts[-1] == "16:00"  # a 60-minute booking must end by 5 PM
    assert len(slots) == 29


def test_slot_step_is_a_business_setting():
    rules = BookingRules("America/New_York", slot_step_minutes=30)
    assert local_starts(slots_on(calendar(), 3, rules=rules))[:3] == ["09:00", "09:30", "10:00"]


def test_hours_for_one_mode_do_not_open_the_other_mode():
    cal = calendar(hours=every_day(Mode.FACILITY, 9, 17))
    assert slots_on(cal, 3, mode=Mode.CALLOUT) == []
    assert slots_on(cal, 3, mode=Mode.FACILITY)


def test_a_csp_who_is_not_live_has_no_slots():
    assert slots_on(calendar(is_live=False), 3) == []


def test_vacation_time_has_no_slots():
    cal = calendar(blocks=(Block(ny(3, 12), ny(3, 14), "Dentist"),))
    starts = local_starts(slots_on(cal, 3))
    assert "11:00" in starts and "11:15" not in starts
    assert "13:45" not in starts and "14:00" in starts


def test_callout_bookings_keep_the_travel_buffer_around_them():
    cal = calendar(bookings=(BusyBooking("b1", ny(3, 12), ny(3, 13), Mode.CALLOUT),))
    starts = local_starts(slots_on(cal, 3))
    assert "10:30" in starts and "10:45" not in starts  # must end by 11:30
    assert "13:15" not in starts and "13:30" in starts


def test_facility_bookings_back_to_back_need_no_travel_buffer():
    cal = calendar(bookings=(BusyBooking("b1", ny(3, 12), ny(3, 13), Mode.FACILITY),))
    starts = local_starts(slots_on(cal, 3, mode=Mode.FACILITY))
    assert "11:00" in starts and "13:00" in starts and "12:00" not in starts


def test_travel_buffer_applies_when_either_booking_is_a_callout():
    assert buffer_for(Mode.FACILITY, Mode.CALLOUT, RULES) == timedelta(minutes=30)
    assert buffer_for(Mode.CALLOUT, Mode.FACILITY, RULES) == timedelta(minutes=30)
    assert buffer_for(Mode.FACILITY, Mode.FACILITY, RULES) == timedelta(0)


def test_advance_booking_time_hides_slots_too_soon():
    cal = calendar(callout_advance_minutes=24 * 60)
    now = ny(3, 10)  # 10 AM on the 3rd: nothing before 10 AM on the 4th
    assert slots_on(cal, 3, now=now) == []
    assert local_starts(slots_on(cal, 4, now=now))[0] == "10:00"


def test_slots_never_start_in_the_past():
    starts = local_starts(slots_on(calendar(), 3, now=ny(3, 13, 5)))
    assert starts[0] == "13:15"


def test_no_slots_beyond_the_booking_window():
    rules = BookingRules("America/New_York", booking_window_days=7)
    now = ny(1, 12)
    assert slots_on(calendar(), 8, rules=rules, now=now)[-1].start < now + timedelta(days=7)
    assert slots_on(calendar(), 9, rules=rules, now=now) == []


def test_spring_forward_day_keeps_nine_to_five_in_local_time():
    # Sun 8 Mar 2026: New York jumps from EST (UTC-5) to EDT (UTC-4) at 2 AM.
    now = datetime(2026, 3, 1, tzinfo=UTC)
    before = slots_on(calendar(), 7, month=3, now=now)
    after = slots_on(calendar(), 8, month=3, now=now)
    assert before[0].start == datetime(2026, 3, 7, 14, 0, tzinfo=UTC)
    assert after[0].start == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)
    assert local_starts(before) == local_starts(after)


def test_spring_forward_night_hours_lose_the_skipped_hour():
    cal = calendar(hours=(WeeklyHours(Mode.CALLOUT, 6, 0, 6 * 60),))  # Sundays midnight to 6 AM
    now = datetime(2026, 3, 1, tzinfo=UTC)
    slots = slots_on(cal, 8, month=3, now=now)
    starts = local_starts(slots)
    assert "02:00" not in starts and "02:30" not in starts  # 2-3 AM does not exist that night
    assert starts[:9] == [
        "00:00",
        "00:15",
        "00:30",
        "00:45",
        "01:00",
        "01:15",
        "01:30",
        "01:45",
        "03:00",
    ]
    assert slots[-1].end == ny(8, 6, month=3)
    assert sum(1 for _ in slots) == 4 * 5 - 3  # five real hours, 60-minute bookings


def test_fall_back_night_hours_gain_the_repeated_hour():
    cal = calendar(hours=(WeeklyHours(Mode.CALLOUT, 6, 0, 6 * 60),))
    now = datetime(2026, 10, 1, tzinfo=UTC)
    slots = slots_on(cal, 1, month=11, now=now)
    assert len(slots) == 4 * 7 - 3  # seven real hours on Sun 1 Nov 2026
    assert local_starts(slots).count("01:15") == 2
    assert all(
        b.start - a.start == timedelta(minutes=15) for a, b in zip(slots, slots[1:], strict=False)
    )


def test_csp_in_another_time_zone_works_their_own_hours():
    cal = calendar(time_zone="America/Los_Angeles")
    starts = local_starts(slots_on(cal, 3))  # clinic day in New York
    assert starts[0] == "12:00" and starts[-1] == "19:00"
    assert local_starts(slots_on(cal, 3), LA)[0] == "09:00"


def test_first_available_looks_across_live_csps_offering_the_mode():
    early_not_live = calendar(csp_id="a", is_live=False, hours=every_day(Mode.CALLOUT, 6, 17))
    facility_only = calendar(csp_id="b", hours=every_day(Mode.FACILITY, 7, 17))
    later = calendar(csp_id="c", hours=every_day(Mode.CALLOUT, 10, 17))
    earlier = calendar(csp_id="d", hours=every_day(Mode.CALLOUT, 8, 17))
    frm, to = ny(3, 0), ny(4, 0)
    best = first_available(
        [early_not_live, facility_only, later, earlier], Mode.CALLOUT, 60, frm, to, NOW, RULES
    )
    assert best is not None and best.csp_id == "d" and best.start == ny(3, 8)
    assert first_available([early_not_live], Mode.CALLOUT, 60, frm, to, NOW, RULES) is None


def test_next_free_slots_skip_the_taken_time():
    cal = calendar(bookings=(BusyBooking("b1", ny(3, 9), ny(3, 10), Mode.CALLOUT),))
    nxt = next_free_slots(cal, Mode.CALLOUT, 60, ny(3, 9), NOW, RULES)
    assert [s.start for s in nxt] == [ny(3, 10, 30), ny(3, 10, 45), ny(3, 11)]


def test_rescheduling_a_booking_may_reuse_its_own_time():
    cal = calendar(bookings=(BusyBooking("b1", ny(3, 9), ny(3, 10), Mode.CALLOUT),))
    slots = slots_on(cal, 3)
    assert ny(3, 9) not in [s.start for s in slots]
    again = find_slots(
        cal, Mode.CALLOUT, 60, ny(3, 0), ny(4, 0), NOW, RULES, ignore_booking_id="b1"
    )
    assert again[0].start == ny(3, 9)


def test_working_hours_until_midnight_are_kept():
    cal = calendar(hours=(WeeklyHours(Mode.CALLOUT, 3, 20 * 60, 24 * 60),))
    spans = working_spans(cal, Mode.CALLOUT, ny(3, 0), ny(4, 0))
    assert spans == [Span(ny(3, 20), ny(4, 0))]


class TestCheckStart:
    def test_a_start_in_the_past_is_refused(self):
        with pytest.raises(DomainError, match="already passed"):
            check_start(calendar(), Mode.CALLOUT, ny(1, 6), 60, NOW, RULES)

    def test_a_start_inside_the_advance_booking_time_is_refused(self):
        cal = calendar(callout_advance_minutes=120)
        with pytest.raises(DomainError, match="2 hours of notice.*9:00 AM EST"):
            check_start(cal, Mode.CALLOUT, ny(1, 8), 60, NOW, RULES)

    def test_a_start_outside_hours_is_refused(self):
        with pytest.raises(DomainError, match="outside Jane Rivera's callout hours"):
            check_start(calendar(), Mode.CALLOUT, ny(3, 18), 60, NOW, RULES)

    def test_a_booking_running_past_the_end_of_hours_is_refused(self):
        with pytest.raises(DomainError, match="run past the end.*5:00 PM EST"):
            check_start(calendar(), Mode.CALLOUT, ny(3, 16, 30), 60, NOW, RULES)

    def test_a_booking_on_a_vacation_is_refused(self):
        cal = calendar(blocks=(Block(ny(3, 0), ny(5, 0), "Vacation"),))
        with pytest.raises(DomainError, match="away \\(Vacation\\)"):
            check_start(cal, Mode.CALLOUT, ny(3, 10), 60, NOW, RULES)

    def test_a_booking_overlapping_another_of_the_csp_is_refused(self):
        cal = calendar(bookings=(BusyBooking("b1", ny(3, 10), ny(3, 11), Mode.FACILITY),))
        with pytest.raises(ConflictError, match="already has a booking 10:00 AM–11:00 AM EST"):
            check_start(cal, Mode.FACILITY, ny(3, 10, 30), 60, NOW, RULES)

    def test_a_callout_inside_the_travel_buffer_is_refused(self):
        cal = calendar(bookings=(BusyBooking("b1", ny(3, 10), ny(3, 11), Mode.CALLOUT),))
        with pytest.raises(ConflictError, match="30 minutes to travel"):
            check_start(cal, Mode.CALLOUT, ny(3, 11, 15), 60, NOW, RULES)

    def test_a_booking_beyond_the_booking_window_is_refused(self):
        with pytest.raises(DomainError, match="up to 90 days ahead"):
            check_start(calendar(), Mode.CALLOUT, NOW + timedelta(days=95), 60, NOW, RULES)

    def test_a_csp_who_is_not_live_cannot_be_booked(self):
        with pytest.raises(DomainError, match="not live"):
            check_start(calendar(is_live=False), Mode.CALLOUT, ny(3, 10), 60, NOW, RULES)

    def test_a_start_off_the_slot_grid_that_fits_is_accepted(self):
        slot = check_start(calendar(), Mode.CALLOUT, ny(3, 10, 5), 50, NOW, RULES)
        assert slot.end == ny(3, 10, 55)


# --------------------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cal=busy_calendars(), mode=st.sampled_from(Mode), duration=st.integers(15, 180))
def test_slots_never_overlap_bookings_blocks_or_leave_working_hours(cal, mode, duration):
    frm, to = ny(2, 0), ny(16, 0)
    slots = find_slots(cal, mode, duration, frm, to, NOW, RULES)
    work = working_spans(cal, mode, frm - timedelta(days=1), to + timedelta(days=1))
    for slot in slots:
        span = Span(slot.start, slot.end)
        assert any(w.start <= slot.start and slot.end <= w.end for w in work)
        for b in cal.blocks:
            assert not span.overlaps(Span(b.start, b.end))
        for b in cal.bookings:
            pad = buffer_for(mode, b.mode, RULES)
            assert not span.overlaps(Span(b.start - pad, b.end + pad))
        assert check_start(cal, mode, slot.start, duration, NOW, RULES) == slot
    assert slots == sorted(slots, key=lambda s: s.start)


def test_times_in_zones_without_an_abbreviation_show_their_utc_offset():
    from hydreight_desktop.domain.availability import describe_moment

    moment = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    assert describe_moment(moment, "America/Sao_Paulo") == "Thu 3 Dec, 12:00 PM UTC-03"
    assert describe_moment(moment, "America/New_York") == "Thu 3 Dec, 10:00 AM EST"
