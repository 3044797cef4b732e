"""The schedule's time axis and block packing (no painting involved)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hydreight_desktop.ui.schedule.geometry import ScheduleLayout, pack_side_by_side
from hydreight_desktop.ui.schedule.timeaxis import (
    day_bounds_utc,
    snap_down,
    snap_nearest,
    span_on_day,
    utc_at,
    zone_abbreviations,
)

NY = ZoneInfo("America/New_York")
SPRING_FORWARD = date(2026, 3, 8)
FALL_BACK = date(2026, 11, 1)


def test_spring_forward_day_is_23_hours_and_the_missing_hour_is_skipped():
    start, end = day_bounds_utc(SPRING_FORWARD, NY)
    assert end - start == timedelta(hours=23)
    # 3:00 AM wall time is the first instant after the jump
    assert utc_at(SPRING_FORWARD, 3 * 60, NY) == datetime(2026, 3, 8, 7, tzinfo=UTC)
    # a nonexistent 2:30 AM resolves forward, never backwards into the previous hour
    assert utc_at(SPRING_FORWARD, 150, NY) >= datetime(2026, 3, 8, 7, tzinfo=UTC)


def test_a_booking_across_the_fall_back_hour_keeps_its_real_length():
    start = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 1:30 AM EDT
    end = start + timedelta(hours=1)  # 1:30 AM EST, same wall time
    top, bottom = span_on_day(start, end, FALL_BACK, NY)
    assert top == 90
    assert bottom - top == 60


def test_a_span_over_midnight_is_cut_at_the_day_edges():
    start = datetime(2026, 3, 10, 3, tzinfo=UTC)  # 11 PM EDT on the 9th
    end = start + timedelta(hours=2)
    assert span_on_day(start, end, date(2026, 3, 9), NY) == (23 * 60, 24 * 60)
    assert span_on_day(start, end, date(2026, 3, 10), NY) == (0, 60)


def test_clicks_snap_down_and_drags_snap_to_the_nearest_quarter_hour():
    assert snap_down(9 * 60 + 14) == 9 * 60
    assert snap_nearest(9 * 60 + 7) == 9 * 60
    assert snap_nearest(9 * 60 + 8) == 9 * 60 + 15


def test_a_week_over_the_change_names_both_abbreviations():
    week = [SPRING_FORWARD - timedelta(days=2) + timedelta(days=n) for n in range(7)]
    assert zone_abbreviations(NY, week) == "EST/EDT"


def test_overlapping_bookings_share_the_lane_side_by_side():
    slots = pack_side_by_side([("a", 0, 60), ("b", 30, 90), ("c", 90, 120), ("d", 60, 75)])
    assert slots["a"] == (0, 2) and slots["b"] == (1, 2)
    assert slots["d"][1] == 2 and slots["d"][0] == 0  # reuses a's column once a ended
    assert slots["c"] == (0, 1)


def test_week_layout_gives_each_day_a_lane_per_csp():
    days = [date(2026, 3, 9) + timedelta(days=n) for n in range(7)]
    layout = ScheduleLayout.build(days, ["ana", "ben"], 1000)
    assert len(layout.columns) == 7 and len(layout.lanes) == 14
    lane = layout.lanes[3]
    assert layout.lane_at(lane.x + 1) == lane
    assert (lane.csp_id, lane.day) == ("ben", days[1])
