"""Where things go on the schedule grid: columns, lanes and side-by-side blocks.

Pure arithmetic (no painting) so hit-testing can be tested without pixels.
A *column* is what the header names (a CSP in the day view, a day in the week
view); a *lane* is one CSP on one day, the unit bookings are drawn in.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date

from .timeaxis import MINUTES_PER_DAY

GUTTER_WIDTH = 72
HOUR_HEIGHT = 60
MIN_LANE_WIDTH = 40
MIN_DAY_LANE_WIDTH = 140


@dataclass(frozen=True, slots=True)
class Lane:
    csp_id: str
    day: date
    x: float
    width: float
    column: int


@dataclass(frozen=True, slots=True)
class Column:
    day: date
    x: float
    width: float
    lanes: tuple[Lane, ...]
    csp_id: str | None  # the CSP the column stands for in the day view


@dataclass(frozen=True, slots=True)
class ScheduleLayout:
    """Column and lane positions for one set of days and CSPs at one width."""

    columns: tuple[Column, ...]
    lanes: tuple[Lane, ...]
    width: float
    gutter: float = GUTTER_WIDTH
    hour_height: float = HOUR_HEIGHT

    @property
    def height(self) -> float:
        return 24 * self.hour_height

    @classmethod
    def build(
        cls,
        days: Sequence[date],
        csp_ids: Sequence[str],
        available_width: float,
        *,
        gutter: float = GUTTER_WIDTH,
        hour_height: float = HOUR_HEIGHT,
    ) -> ScheduleLayout:
        """Day view when `days` has one day (a column per CSP), else a column per day."""
        day_view = len(days) == 1
        lane_count = max(1, len(days) * len(csp_ids))
        min_lane = MIN_DAY_LANE_WIDTH if day_view else MIN_LANE_WIDTH
        lane_width = max(min_lane, (available_width - gutter) / lane_count)
        columns: list[Column] = []
        lanes: list[Lane] = []
        x = gutter
        if day_view:
            for index, csp_id in enumerate(csp_ids):
                lane = Lane(csp_id, days[0], x, lane_width, index)
                lanes.append(lane)
                columns.append(Column(days[0], x, lane_width, (lane,), csp_id))
                x += lane_width
        else:
            for index, day in enumerate(days):
                column_lanes = []
                start = x
                for csp_id in csp_ids:
                    lane = Lane(csp_id, day, x, lane_width, index)
                    column_lanes.append(lane)
                    x += lane_width
                lanes.extend(column_lanes)
                columns.append(Column(day, start, x - start, tuple(column_lanes), None))
        return cls(tuple(columns), tuple(lanes), x, gutter, hour_height)

    def lane_at(self, x: float) -> Lane | None:
        for lane in self.lanes:
            if lane.x <= x < lane.x + lane.width:
                return lane
        return None

    def lane_for(self, csp_id: str, day: date) -> Lane | None:
        return next((ln for ln in self.lanes if ln.csp_id == csp_id and ln.day == day), None)

    def y_for(self, minutes: float) -> float:
        return minutes * self.hour_height / 60

    def minutes_at(self, y: float) -> float:
        return max(0.0, min(MINUTES_PER_DAY, y * 60 / self.hour_height))


def pack_side_by_side(
    items: Sequence[tuple[Hashable, float, float]],
) -> dict[Hashable, tuple[int, int]]:
    """Slot overlapping (key, top, bottom) items into sub-columns: key -> (index, count).

    Items that overlap share their group's width so no block hides another.
    """
    result: dict[Hashable, tuple[int, int]] = {}
    ordered = sorted(items, key=lambda it: (it[1], -it[2]))
    group: list[tuple[Hashable, int]] = []
    ends: list[float] = []  # bottom of the last item in each sub-column
    group_bottom = float("-inf")

    def close_group() -> None:
        for key, index in group:
            result[key] = (index, len(ends))

    for key, top, bottom in ordered:
        if group and top >= group_bottom:
            close_group()
            group, ends = [], []
        for index, end in enumerate(ends):
            if end <= top:
                ends[index] = bottom
                break
        else:
            index = len(ends)
            ends.append(bottom)
        group.append((key, index))
        group_bottom = max(group_bottom, bottom) if len(group) > 1 else bottom
    if group:
        close_group()
    return result
