"""Plain records the schedule view draws.

The view knows nothing about the store or the services: the section turns the
scheduling service's records into these dataclasses and hands them over. All
times are aware UTC datetimes; the view converts them to the zone it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

#: Booking statuses in the order they appear in the legend.
STATUSES: tuple[str, ...] = (
    "booked",
    "checked_in",
    "in_session",
    "completed",
    "cancelled",
    "no_show",
)

STATUS_LABELS: dict[str, str] = {
    "booked": "Booked",
    "checked_in": "Checked in",
    "in_session": "In session",
    "completed": "Completed",
    "cancelled": "Cancelled",
    "no_show": "No-show",
}

MODES: tuple[str, ...] = ("callout", "facility")

MODE_LABELS: dict[str, str] = {"callout": "Callout", "facility": "Facility"}

#: Statuses whose bookings can no longer be moved (drawn, but not draggable).
LOCKED_STATUSES: frozenset[str] = frozenset({"completed", "cancelled", "no_show", "in_session"})


def _require_utc(value: datetime, what: str) -> None:
    if value.tzinfo is None or value.utcoffset() != timedelta(0):
        raise ValueError(f"{what} must be an aware UTC datetime, got {value!r}")


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A stretch of time in UTC, e.g. working hours or a vacation."""

    start_utc: datetime
    end_utc: datetime
    label: str = ""

    def __post_init__(self) -> None:
        _require_utc(self.start_utc, "start_utc")
        _require_utc(self.end_utc, "end_utc")
        if self.end_utc <= self.start_utc:
            raise ValueError("a time span must end after it starts")


@dataclass(frozen=True, slots=True)
class CspLane:
    """One CSP as the schedule shows them: name, home zone, hours and blocked time."""

    csp_id: str
    name: str
    time_zone: str
    working: tuple[TimeSpan, ...] = ()
    blocked: tuple[TimeSpan, ...] = ()

    @property
    def initials(self) -> str:
        parts = [p for p in self.name.split() if p]
        if not parts:
            return "?"
        if len(parts) == 1:
            return parts[0][:2].upper()
        return (parts[0][0] + parts[-1][0]).upper()


@dataclass(frozen=True, slots=True)
class BookingBlock:
    """One booking drawn as a block in its CSP's lane."""

    booking_id: str
    csp_id: str
    start_utc: datetime
    end_utc: datetime
    status: str
    mode: str
    title: str
    detail: str = ""
    client_count: int = 1

    def __post_init__(self) -> None:
        _require_utc(self.start_utc, "start_utc")
        _require_utc(self.end_utc, "end_utc")
        if self.end_utc <= self.start_utc:
            raise ValueError("a booking must end after it starts")
        if self.status not in STATUS_LABELS:
            raise ValueError(f"unknown booking status {self.status!r}")
        if self.mode not in MODE_LABELS:
            raise ValueError(f"unknown booking mode {self.mode!r}")

    @property
    def duration(self) -> timedelta:
        return self.end_utc - self.start_utc

    @property
    def movable(self) -> bool:
        """Only bookings that have not started can be dragged to a new time."""
        return self.status not in LOCKED_STATUSES

    def moved(self, csp_id: str, start_utc: datetime) -> BookingBlock:
        """The same booking at another CSP and start, keeping its length."""
        return replace(self, csp_id=csp_id, start_utc=start_utc, end_utc=start_utc + self.duration)


@dataclass(frozen=True, slots=True)
class ScheduleData:
    """Everything one schedule screen draws for the range it shows."""

    clinic_zone: str
    csps: tuple[CspLane, ...] = ()
    bookings: tuple[BookingBlock, ...] = ()
    clinic_name: str = "Clinic"
    _by_csp: dict[str, CspLane] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_csp", {c.csp_id: c for c in self.csps})

    def csp(self, csp_id: str) -> CspLane | None:
        return self._by_csp.get(csp_id)

    def booking(self, booking_id: str) -> BookingBlock | None:
        return next((b for b in self.bookings if b.booking_id == booking_id), None)

    def bookings_of(self, csp_id: str) -> list[BookingBlock]:
        return [b for b in self.bookings if b.csp_id == csp_id]
