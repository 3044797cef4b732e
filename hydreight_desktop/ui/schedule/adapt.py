"""Turn the scheduling service's schedule record into what the view draws."""

from __future__ import annotations

from hydreight_desktop.services.scheduling_records import ScheduleBooking
from hydreight_desktop.services.scheduling_records import ScheduleView as ScheduleRecord

from .client_row import PSF_NOTE
from .view_model import BookingBlock, CspLane, ScheduleData, TimeSpan


def booking_block(booking: ScheduleBooking) -> BookingBlock:
    names = booking.client_names
    if not names:
        title = "No client"
    elif len(names) <= 2:
        title = ", ".join(names)
    else:
        title = f"{names[0]} + {len(names) - 1} more"
    detail = ", ".join(booking.service_names)
    if booking.needs_psf_approval:
        detail = f"{detail} · {PSF_NOTE}" if detail else PSF_NOTE
    return BookingBlock(
        booking_id=booking.id,
        csp_id=booking.csp_id,
        start_utc=booking.start_at,
        end_utc=booking.end_at,
        status=booking.status.value,
        mode=booking.mode.value,
        title=title,
        detail=detail,
        client_count=max(1, len(names)),
    )


def schedule_data(record: ScheduleRecord, clinic_zone: str, clinic_name: str) -> ScheduleData:
    """One ScheduleData for the view: a lane per CSP column, every booking as a block."""
    lanes = tuple(
        CspLane(
            csp_id=column.csp_id,
            name=column.name,
            time_zone=column.time_zone,
            working=tuple(TimeSpan(w.start_at, w.end_at) for w in column.working),
            blocked=tuple(TimeSpan(b.start_at, b.end_at, b.label) for b in column.blocks),
        )
        for column in record.columns
    )
    bookings = tuple(booking_block(b) for column in record.columns for b in column.bookings)
    return ScheduleData(clinic_zone, lanes, bookings, clinic_name)
