"""Reading what availability needs from the store, fast (Core selects over indexed columns).

Shared by the scheduling read and write services; every query is scoped to one business.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import Row, and_, bindparam, select
from sqlalchemy.orm import Session, selectinload

from hydreight_desktop.domain.availability import (
    Block,
    BookingRules,
    BusyBooking,
    CspCalendar,
    Mode,
    Span,
    WeeklyHours,
    describe_span,
)
from hydreight_desktop.domain.booking_status import TIME_HOLDING_STATUSES, BookingStatus
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.errors import ConflictError, NotFound
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.scheduling_records import (
    BookedServiceRecord,
    BookingClientRecord,
    BookingRecord,
)
from hydreight_desktop.store.base import UTCDateTime
from hydreight_desktop.store.models import (
    Booking,
    BookingClient,
    Business,
    Client,
    CspHoursRange,
    CspProfile,
    CspVacation,
    Service,
    StaffAccount,
)

#: No booking is longer than this; lets range queries use the (csp_id, start_at) index.
MAX_BOOKING_MINUTES = 12 * 60
_MAX_BOOKING = timedelta(minutes=MAX_BOOKING_MINUTES)


# Statements are built once with bound parameters: slot searches run often and must stay
# close to the cost of fetching the bookings themselves (benchmark ``slot_search``).
_RULES = select(
    Business.time_zone,
    Business.travel_buffer_minutes,
    Business.booking_window_days,
    Business.slot_step_minutes,
    Business.multi_client_timing,
    Business.extra_client_setup_minutes,
).where(Business.id == bindparam("business_id"))

_PROFILES = (
    select(
        CspProfile.id,
        StaffAccount.full_name,
        CspProfile.default_time_zone,
        CspProfile.is_live,
        CspProfile.callout_advance_minutes,
        CspProfile.facility_advance_minutes,
        StaffAccount.active,
        StaffAccount.role,
    )
    .join(StaffAccount, StaffAccount.id == CspProfile.staff_id)
    .where(CspProfile.business_id == bindparam("business_id"))
    .order_by(StaffAccount.full_name)
)
_PROFILES_BY_ID = _PROFILES.where(CspProfile.id.in_(bindparam("ids", expanding=True)))

_HOURS = select(
    CspHoursRange.csp_id,
    CspHoursRange.mode,
    CspHoursRange.weekday,
    CspHoursRange.start_minute,
    CspHoursRange.end_minute,
).where(CspHoursRange.csp_id.in_(bindparam("ids", expanding=True)))

_BLOCKS = select(
    CspVacation.csp_id, CspVacation.starts_at, CspVacation.ends_at, CspVacation.reason
).where(
    CspVacation.csp_id.in_(bindparam("ids", expanding=True)),
    CspVacation.starts_at < bindparam("hi", type_=UTCDateTime),
    CspVacation.ends_at > bindparam("lo", type_=UTCDateTime),
)

# Bounded on the (csp_id, start_at) index: no booking starts more than MAX_BOOKING earlier.
_BUSY = select(Booking.id, Booking.csp_id, Booking.start_at, Booking.end_at, Booking.mode).where(
    Booking.csp_id.in_(bindparam("ids", expanding=True)),
    Booking.start_at >= bindparam("earliest", type_=UTCDateTime),
    Booking.start_at < bindparam("hi", type_=UTCDateTime),
    Booking.end_at > bindparam("lo", type_=UTCDateTime),
    Booking.status.in_(TIME_HOLDING_STATUSES),
)


def load_rules(s: Session, business_id: str) -> tuple[BookingRules, Row]:
    """The business's scheduling settings as domain rules, and the row (``multi_client_timing``,
    ``extra_client_setup_minutes``) for booking lengths."""
    row = s.connection().execute(_RULES, {"business_id": business_id}).first()
    if row is None:
        raise NotFound("This business no longer exists on this computer.")
    rules = BookingRules(
        clinic_time_zone=row.time_zone,
        travel_buffer_minutes=row.travel_buffer_minutes,
        booking_window_days=row.booking_window_days,
        slot_step_minutes=row.slot_step_minutes,
    )
    return rules, row


def load_calendars(
    s: Session,
    business_id: str,
    csp_ids: Sequence[str] | None,
    frm: datetime,
    to: datetime,
    rules: BookingRules,
) -> list[CspCalendar]:
    """Calendars of the given CSPs (all when None) with blocks and bookings touching [frm, to).

    The range is widened by the travel buffer so bookings just outside still push slots away.
    """
    pad = timedelta(minutes=rules.travel_buffer_minutes)
    lo, hi = frm - pad, to + pad
    conn = s.connection()
    if csp_ids is None:  # every current CSP (profiles outlive a change of role)
        profiles = [
            p
            for p in conn.execute(_PROFILES, {"business_id": business_id})
            if p.active and p.role == Role.CSP.value
        ]
    else:
        if not csp_ids:
            return []
        wanted = list(set(csp_ids))
        profiles = conn.execute(_PROFILES_BY_ID, {"business_id": business_id, "ids": wanted}).all()
        if len(profiles) < len(wanted):
            raise NotFound("That provider is not in this business (it may have been removed).")
    ids = [p[0] for p in profiles]
    hours: dict[str, list[WeeklyHours]] = {i: [] for i in ids}
    for csp_id, mode, weekday, start_m, end_m in conn.execute(_HOURS, {"ids": ids}):
        hours[csp_id].append(WeeklyHours(Mode(mode), weekday, start_m, end_m))
    blocks: dict[str, list[Block]] = {i: [] for i in ids}
    for csp_id, start, end, reason in conn.execute(_BLOCKS, {"ids": ids, "lo": lo, "hi": hi}):
        blocks[csp_id].append(Block(start, end, reason))
    busy: dict[str, list[BusyBooking]] = {i: [] for i in ids}
    modes = {m.value: m for m in Mode}
    for booking_id, csp_id, start, end, mode in conn.execute(
        _BUSY, {"ids": ids, "earliest": lo - _MAX_BOOKING, "lo": lo, "hi": hi}
    ):
        busy[csp_id].append(BusyBooking(booking_id, start, end, modes[mode]))
    return [
        CspCalendar(
            csp_id=pid,
            name=name,
            time_zone=tz,
            is_live=bool(live and active and role == Role.CSP.value),
            hours=tuple(hours[pid]),
            callout_advance_minutes=callout_adv,
            facility_advance_minutes=facility_adv,
            blocks=tuple(blocks[pid]),
            bookings=tuple(busy[pid]),
        )
        for pid, name, tz, live, callout_adv, facility_adv, active, role in profiles
    ]


def load_calendar(
    s: Session, business_id: str, csp_id: str, frm: datetime, to: datetime, rules: BookingRules
) -> CspCalendar:
    return load_calendars(s, business_id, [csp_id], frm, to, rules)[0]


def client_busy_spans(
    s: Session,
    business_id: str,
    client_ids: Iterable[str],
    start: datetime,
    end: datetime,
    *,
    ignore_booking_id: str | None = None,
) -> list[tuple[datetime, datetime]]:
    """When any of these clients is already booked (with any CSP) between ``start`` and ``end``."""
    ids = list(set(client_ids))
    if not ids:
        return []
    query = (
        select(Booking.start_at, Booking.end_at)
        .join(BookingClient, BookingClient.booking_id == Booking.id)
        .where(
            Booking.business_id == business_id,
            BookingClient.client_id.in_(ids),
            Booking.status.in_(TIME_HOLDING_STATUSES),
            and_(Booking.start_at < end, Booking.end_at > start),
        )
    )
    if ignore_booking_id:
        query = query.where(Booking.id != ignore_booking_id)
    return [(row.start_at, row.end_at) for row in s.execute(query)]


def check_clients_free(
    s: Session,
    business_id: str,
    client_ids: Iterable[str],
    start: datetime,
    end: datetime,
    clinic_zone: str,
    *,
    ignore_booking_id: str | None = None,
) -> None:
    """Refuse when any of these clients is already in another booking at that time."""
    ids = list(set(client_ids))
    if not ids:
        return
    query = (
        select(
            Client.first_name,
            Client.last_name,
            Booking.start_at,
            Booking.end_at,
            StaffAccount.full_name,
        )
        .join(BookingClient, BookingClient.client_id == Client.id)
        .join(Booking, Booking.id == BookingClient.booking_id)
        .join(CspProfile, CspProfile.id == Booking.csp_id)
        .join(StaffAccount, StaffAccount.id == CspProfile.staff_id)
        .where(
            Booking.business_id == business_id,
            BookingClient.client_id.in_(ids),
            Booking.status.in_(TIME_HOLDING_STATUSES),
            and_(Booking.start_at < end, Booking.end_at > start),
        )
        .order_by(Booking.start_at)
    )
    if ignore_booking_id:
        query = query.where(Booking.id != ignore_booking_id)
    clash = s.execute(query.limit(1)).first()
    if clash:
        first, last, b_start, b_end, with_name = clash
        raise ConflictError(
            f"{first} {last} already has a booking with {with_name} "
            f"{describe_span(Span(b_start, b_end), clinic_zone)}. A client cannot be in two "
            "bookings at once.",
            field="clients",
        )


def get_booking_row(s: Session, business_id: str, booking_id: str) -> Booking:
    row = s.get(Booking, booking_id)
    if row is None or row.business_id != business_id:
        raise NotFound(
            "That booking no longer exists (it may have been removed on another computer)."
        )
    return row


def psf_needs_approval(
    s: Session,
    business_id: str,
    client_id: str,
    service_id: str,
    patient_specific: bool,
    at: datetime,
) -> bool:
    """Whether this booked service still waits for an HCP's patient-specific approval valid
    when it will be performed: at the booking's time ``at``, or now for a booking already under
    way. PSF services may be booked without one; the booking is flagged and performing the
    service is refused until an HCP approves."""
    if not patient_specific:
        return False
    from hydreight_desktop.services.psf import has_valid_psf_approval  # clinical builds on us

    performed_at = max(at, utcnow())
    return not has_valid_psf_approval(s, business_id, client_id, service_id, performed_at)


def booking_record(s: Session, row: Booking) -> BookingRecord:
    """The full record of a booking row (clients, their services, names), in few queries."""
    return booking_records(s, [row])[0]


def booking_records(s: Session, rows: Sequence[Booking]) -> list[BookingRecord]:
    """Records for several bookings, loading their clients and services in bulk."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    clients = s.scalars(
        select(BookingClient)
        .where(BookingClient.booking_id.in_(ids))
        .options(selectinload(BookingClient.services))
        .order_by(BookingClient.position)
    ).all()
    client_ids = {c.client_id for c in clients}
    service_ids = {bs.service_id for c in clients for bs in c.services}
    people = (
        {c.id: c for c in s.scalars(select(Client).where(Client.id.in_(client_ids)))}
        if client_ids
        else {}
    )
    services = (
        {x.id: x for x in s.scalars(select(Service).where(Service.id.in_(service_ids)))}
        if service_ids
        else {}
    )
    staff_ids = {r.booked_by_id for r in rows}
    csp_ids = {r.csp_id for r in rows}
    csps = {
        pid: (name, tz)
        for pid, name, tz in s.execute(
            select(CspProfile.id, StaffAccount.full_name, CspProfile.default_time_zone)
            .join(StaffAccount, StaffAccount.id == CspProfile.staff_id)
            .where(CspProfile.id.in_(csp_ids))
        )
    }
    staff_names = dict(
        s.execute(
            select(StaffAccount.id, StaffAccount.full_name).where(StaffAccount.id.in_(staff_ids))
        ).all()
    )
    starts = {r.id: r.start_at for r in rows}
    by_booking: dict[str, list[BookingClientRecord]] = {i: [] for i in ids}
    for bc in clients:
        person = people[bc.client_id]
        booked = []
        for bs in bc.services:
            svc = services[bs.service_id]
            booked.append(
                BookedServiceRecord(
                    id=bs.id,
                    service_id=bs.service_id,
                    name=svc.name,
                    category=svc.category,
                    price_cents=bs.price_cents,
                    duration_minutes=bs.duration_minutes,
                    needs_mse=svc.needs_mse,
                    patient_specific=svc.patient_specific,
                    psf_needs_approval=psf_needs_approval(
                        s,
                        bc.business_id,
                        bc.client_id,
                        bs.service_id,
                        svc.patient_specific,
                        starts[bc.booking_id],
                    ),
                )
            )
        by_booking[bc.booking_id].append(
            BookingClientRecord(
                id=bc.id,
                client_id=bc.client_id,
                name=f"{person.first_name} {person.last_name}",
                email=person.email,
                phone=person.phone,
                position=bc.position,
                services=tuple(booked),
            )
        )
    out = []
    for r in rows:
        name, tz = csps.get(r.csp_id, ("Unknown provider", "UTC"))
        out.append(
            BookingRecord(
                id=r.id,
                csp_id=r.csp_id,
                csp_name=name,
                csp_time_zone=tz,
                mode=Mode(r.mode),
                start_at=r.start_at,
                end_at=r.end_at,
                status=BookingStatus(r.status),
                address=r.address,
                cancel_reason=r.cancel_reason,
                link_code=r.link_code,
                notes=r.notes,
                booked_by_id=r.booked_by_id,
                booked_by_name=staff_names.get(r.booked_by_id, "Online booking"),
                created_at=r.created_at,
                updated_at=r.updated_at,
                clients=tuple(by_booking[r.id]),
            )
        )
    return out
