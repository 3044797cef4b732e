"""The schedule (day/week, a column per CSP) and a CSP's “Today” list, as plain records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select

from hydreight_desktop.domain.availability import Mode, Span, day_span, working_spans
from hydreight_desktop.domain.booking_status import TIME_HOLDING_STATUSES, BookingStatus
from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.domain.errors import NotFound, ValidationError
from hydreight_desktop.domain.roles import Permission, Role
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.scheduling_records import (
    CspScheduleColumn,
    ScheduleBooking,
    ScheduleView,
    TimeRange,
    TodayList,
)
from hydreight_desktop.services.scheduling_store import (
    booking_records,
    load_calendars,
    load_rules,
    psf_needs_approval,
)
from hydreight_desktop.store.models import (
    Booking,
    BookingClient,
    BookingService,
    Client,
    CspProfile,
    Service,
    StaffAccount,
)
from hydreight_desktop.store.uow import UnitOfWork

MAX_SCHEDULE_DAYS = 31


def list_schedule(
    uow: UnitOfWork,
    actor: Actor,
    first_day: date,
    days: int = 1,
    *,
    csp_ids: Sequence[str] | None = None,
    time_zone: str | None = None,
    include_cancelled: bool = False,
) -> ScheduleView:
    """Bookings, working hours and blocks per CSP for ``days`` days from ``first_day``.

    Days are read in ``time_zone`` (default: the clinic's), the zone the schedule is shown in.
    """
    actor.require(Permission.VIEW_SCHEDULE)
    if not 1 <= days <= MAX_SCHEDULE_DAYS:
        raise ValidationError(f"Show between 1 and {MAX_SCHEDULE_DAYS} days.", field="days")
    with uow.read() as s:
        rules, _ = load_rules(s, actor.business_id)
        shown = time_zone or rules.clinic_time_zone
        zone(shown)
        frm = day_span(first_day, shown).start
        to = day_span(first_day + timedelta(days=days - 1), shown).end
        cals = load_calendars(s, actor.business_id, csp_ids, frm, to, rules)
        statuses = [x.value for x in BookingStatus] if include_cancelled else TIME_HOLDING_STATUSES
        rows = s.execute(
            select(
                Booking.id,
                Booking.csp_id,
                Booking.mode,
                Booking.start_at,
                Booking.end_at,
                Booking.status,
                Booking.address,
            )
            .where(
                Booking.business_id == actor.business_id,
                Booking.start_at < to,
                Booking.end_at > frm,
                Booking.status.in_(statuses),
                Booking.csp_id.in_([c.csp_id for c in cals]),
            )
            .order_by(Booking.start_at)
        ).all()
        ids = [r.id for r in rows]
        people: dict[str, list[str]] = {i: [] for i in ids}
        services: dict[str, list[str]] = {i: [] for i in ids}
        psf: dict[str, bool] = dict.fromkeys(ids, False)
        starts = {r.id: r.start_at for r in rows}
        if ids:
            for booking_id, first, last in s.execute(
                select(BookingClient.booking_id, Client.first_name, Client.last_name)
                .join(Client, Client.id == BookingClient.client_id)
                .where(BookingClient.booking_id.in_(ids))
                .order_by(BookingClient.position)
            ):
                people[booking_id].append(f"{first} {last}")
            for booking_id, client_id, service_id, name, patient_specific in s.execute(
                select(
                    BookingClient.booking_id,
                    BookingClient.client_id,
                    BookingService.service_id,
                    Service.name,
                    Service.patient_specific,
                )
                .join(BookingService, BookingService.booking_client_id == BookingClient.id)
                .join(Service, Service.id == BookingService.service_id)
                .where(BookingClient.booking_id.in_(ids))
                .order_by(BookingClient.position, BookingService.created_at)
            ):
                services[booking_id].append(name)
                if psf_needs_approval(
                    s,
                    actor.business_id,
                    client_id,
                    service_id,
                    patient_specific,
                    starts[booking_id],
                ):
                    psf[booking_id] = True
    by_csp: dict[str, list[ScheduleBooking]] = {c.csp_id: [] for c in cals}
    for r in rows:
        by_csp[r.csp_id].append(
            ScheduleBooking(
                id=r.id,
                csp_id=r.csp_id,
                mode=Mode(r.mode),
                start_at=r.start_at,
                end_at=r.end_at,
                status=BookingStatus(r.status),
                client_names=tuple(people[r.id]),
                service_names=tuple(services[r.id]),
                address=r.address,
                needs_psf_approval=psf[r.id],
            )
        )
    columns = []
    for cal in cals:
        working = sorted(
            (
                TimeRange(c.start, c.end, mode)
                for mode in Mode
                for span in working_spans(cal, mode, frm, to)
                if (c := span.clip(frm, to))
            ),
            key=lambda t: (t.start_at, t.mode),
        )
        blocks = tuple(
            TimeRange(max(b.start, frm), min(b.end, to), None, b.reason or "Blocked")
            for b in sorted(cal.blocks, key=lambda b: b.start)
            if Span(b.start, b.end).overlaps(Span(frm, to))
        )
        columns.append(
            CspScheduleColumn(
                csp_id=cal.csp_id,
                name=cal.name,
                time_zone=cal.time_zone,
                is_live=cal.is_live,
                working=tuple(working),
                blocks=blocks,
                bookings=tuple(by_csp[cal.csp_id]),
            )
        )
    return ScheduleView(first_day, days, shown, frm, to, tuple(columns))


def own_csp_id(uow: UnitOfWork, actor: Actor) -> str | None:
    """The CSP profile of the signed-in user, if they are a CSP."""
    with uow.read() as s:
        return s.scalar(
            select(CspProfile.id).where(
                CspProfile.business_id == actor.business_id, CspProfile.staff_id == actor.user_id
            )
        )


def today_for_csp(
    uow: UnitOfWork, actor: Actor, csp_id: str | None = None, day: date | None = None
) -> TodayList:
    """A CSP's bookings on one of their own days (default: today in the CSP's zone).

    A CSP sees their own list; the front desk and admins pass ``csp_id``.
    """
    actor.require(Permission.VIEW_SCHEDULE)
    mine = own_csp_id(uow, actor)
    if csp_id is None:
        csp_id = mine
        if csp_id is None:
            raise ValidationError("Pick a provider to see their day.", field="csp")
    elif actor.role == Role.CSP and csp_id != mine:
        raise ValidationError("You can only see your own day.")
    with uow.read() as s:
        found = s.execute(
            select(StaffAccount.full_name, CspProfile.default_time_zone)
            .join(StaffAccount, StaffAccount.id == CspProfile.staff_id)
            .where(CspProfile.id == csp_id, CspProfile.business_id == actor.business_id)
        ).first()
        if found is None:
            raise NotFound("That provider is not in this business (it may have been removed).")
        name, tz = found
        the_day = day or utcnow().astimezone(zone(tz)).date()
        span = day_span(the_day, tz)
        rows = s.scalars(
            select(Booking)
            .where(
                Booking.business_id == actor.business_id,
                Booking.csp_id == csp_id,
                Booking.start_at < span.end,
                Booking.end_at > span.start,
            )
            .order_by(Booking.start_at)
        ).all()
        return TodayList(csp_id, name, the_day, tz, tuple(booking_records(s, rows)))
