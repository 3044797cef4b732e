"""What the scheduling services take in and hand back: plain frozen dataclasses, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from hydreight_desktop.domain.availability import Mode
from hydreight_desktop.domain.booking_status import BookingStatus
from hydreight_desktop.domain.errors import ConflictError

# ----------------------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class BookingClientForm:
    """One client in a new booking and the services they will have."""

    client_id: str
    service_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BookingForm:
    """A new booking as the front desk fills it in (``start_at`` aware, any zone)."""

    csp_id: str
    mode: str
    start_at: datetime
    clients: tuple[BookingClientForm, ...]
    address: str | None = None
    notes: str = ""
    link_code: str | None = None


# ----------------------------------------------------------------------------- outputs


@dataclass(frozen=True, slots=True)
class SlotRecord:
    """A start time a booking can take with one CSP."""

    csp_id: str
    csp_name: str
    mode: Mode
    start_at: datetime
    end_at: datetime


class SlotTakenError(ConflictError):
    """The time was taken (often a moment ago by another desk); ``next_slots`` are still free."""

    def __init__(self, message: str, next_slots: tuple[SlotRecord, ...]) -> None:
        super().__init__(message, field="start")
        self.next_slots = next_slots


@dataclass(frozen=True, slots=True)
class CspChoice:
    """A CSP as the booking screen lists them."""

    id: str
    name: str
    title: str
    time_zone: str
    is_live: bool
    modes: tuple[Mode, ...]  # modes with hours entered


@dataclass(frozen=True, slots=True)
class ServiceChoice:
    """An active service that can be booked."""

    id: str
    name: str
    category: str
    price_cents: int
    duration_minutes: int
    needs_mse: bool
    patient_specific: bool


@dataclass(frozen=True, slots=True)
class QuotedClient:
    client_id: str
    client_name: str
    services: tuple[ServiceChoice, ...]
    minutes: int
    price_cents: int


@dataclass(frozen=True, slots=True)
class BookingQuote:
    """Length and price of a booking before it is made (the price summary)."""

    clients: tuple[QuotedClient, ...]
    duration_minutes: int
    total_cents: int
    timing: str  # sequential | side_by_side
    psf_service_names: tuple[str, ...]  # patient-specific services that will need approval


@dataclass(frozen=True, slots=True)
class BookedServiceRecord:
    id: str
    service_id: str
    name: str
    category: str
    price_cents: int
    duration_minutes: int
    needs_mse: bool
    patient_specific: bool
    psf_needs_approval: bool


@dataclass(frozen=True, slots=True)
class BookingClientRecord:
    id: str
    client_id: str
    name: str
    email: str
    phone: str | None
    position: int
    services: tuple[BookedServiceRecord, ...]

    @property
    def minutes(self) -> int:
        return sum(s.duration_minutes for s in self.services)

    @property
    def price_cents(self) -> int:
        return sum(s.price_cents for s in self.services)


@dataclass(frozen=True, slots=True)
class BookingRecord:
    """A booking with everything the details screen shows."""

    id: str
    csp_id: str
    csp_name: str
    csp_time_zone: str
    mode: Mode
    start_at: datetime
    end_at: datetime
    status: BookingStatus
    address: str | None
    cancel_reason: str | None
    link_code: str | None
    notes: str
    booked_by_id: str
    booked_by_name: str
    created_at: datetime
    updated_at: datetime
    clients: tuple[BookingClientRecord, ...]

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def total_cents(self) -> int:
        return sum(c.price_cents for c in self.clients)

    @property
    def duration_minutes(self) -> int:
        return int((self.end_at - self.start_at).total_seconds() // 60)

    @property
    def client_names(self) -> str:
        return ", ".join(c.name for c in self.clients)

    @property
    def needs_psf_approval(self) -> bool:
        return any(s.psf_needs_approval for c in self.clients for s in c.services)


@dataclass(frozen=True, slots=True)
class ScheduleBooking:
    """A booking as a block on the schedule."""

    id: str
    csp_id: str
    mode: Mode
    start_at: datetime
    end_at: datetime
    status: BookingStatus
    client_names: tuple[str, ...]
    service_names: tuple[str, ...]
    address: str | None
    needs_psf_approval: bool

    @property
    def title(self) -> str:
        first = self.client_names[0] if self.client_names else "No client"
        extra = len(self.client_names) - 1
        return f"{first} +{extra}" if extra > 0 else first


@dataclass(frozen=True, slots=True)
class TimeRange:
    """A stretch of time on the schedule: working hours (with their mode) or a block."""

    start_at: datetime
    end_at: datetime
    mode: Mode | None = None
    label: str = ""


@dataclass(frozen=True, slots=True)
class CspScheduleColumn:
    """One CSP's column: hours to shade, blocks to hatch, bookings to draw."""

    csp_id: str
    name: str
    time_zone: str
    is_live: bool
    working: tuple[TimeRange, ...]
    blocks: tuple[TimeRange, ...]
    bookings: tuple[ScheduleBooking, ...]


@dataclass(frozen=True, slots=True)
class ScheduleView:
    """The schedule for a day or a week, in ``time_zone`` days."""

    first_day: date
    days: int
    time_zone: str
    start_at: datetime
    end_at: datetime
    columns: tuple[CspScheduleColumn, ...]


@dataclass(frozen=True, slots=True)
class TodayList:
    """A CSP's bookings for one of their own days."""

    csp_id: str
    csp_name: str
    day: date
    time_zone: str
    bookings: tuple[BookingRecord, ...] = field(default_factory=tuple)
