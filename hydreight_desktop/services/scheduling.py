"""Scheduling use cases: slots, first available, quotes, booking details and “why not?”.

This module is the scheduling API the screens call. Writes live in ``services/bookings.py``
and the schedule views in ``services/schedule_views.py``; both are re-exported here so
callers import from one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select

from hydreight_desktop.domain import availability as rules_mod
from hydreight_desktop.domain import why_not_bookable as why_mod
from hydreight_desktop.domain.availability import Mode, day_span, parse_mode
from hydreight_desktop.domain.booking_length import client_minutes
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.errors import ValidationError
from hydreight_desktop.domain.roles import Permission, Role
from hydreight_desktop.services.bookings import (
    add_booking_client,
    booking_length,
    cancel_booking,
    change_booking_csp,
    check_client_forms,
    check_in_booking,
    create_booking,
    load_clients,
    load_services,
    mark_no_show,
    remove_booking_client,
    reschedule_booking,
    set_booking_status,
    transition_booking,
    update_booking_details,
)
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.schedule_views import list_schedule, today_for_csp
from hydreight_desktop.services.scheduling_records import (
    BookingClientForm,
    BookingQuote,
    BookingRecord,
    CspChoice,
    QuotedClient,
    ServiceChoice,
    SlotRecord,
)
from hydreight_desktop.services.scheduling_store import (
    booking_record,
    client_busy_spans,
    get_booking_row,
    load_calendar,
    load_calendars,
    load_rules,
)
from hydreight_desktop.store.models import Client, CspHoursRange, CspProfile, Service, StaffAccount
from hydreight_desktop.store.uow import UnitOfWork

__all__ = [
    "add_booking_client",
    "bookable_services",
    "cancel_booking",
    "change_booking_csp",
    "check_in_booking",
    "create_booking",
    "find_slots",
    "first_available",
    "get_booking",
    "list_csps_for_booking",
    "list_schedule",
    "mark_no_show",
    "quote_booking",
    "remove_booking_client",
    "reschedule_booking",
    "set_booking_status",
    "today_for_csp",
    "transition_booking",
    "update_booking_details",
    "why_not_bookable",
]

MAX_SEARCH_DAYS = 92


def _days_range(
    first_day: date, last_day: date | None, zone_name: str
) -> tuple[datetime, datetime]:
    last = last_day or first_day
    if last < first_day:
        raise ValidationError("The last day must not be before the first day.", field="dates")
    if (last - first_day).days >= MAX_SEARCH_DAYS:
        raise ValidationError(f"Search at most {MAX_SEARCH_DAYS} days at a time.", field="dates")
    return day_span(first_day, zone_name).start, day_span(last, zone_name).end


def _duration(duration_minutes: int) -> int:
    if not isinstance(duration_minutes, int) or duration_minutes <= 0:
        raise ValidationError(
            "Pick the services first: the booking's length decides which times fit.",
            field="services",
        )
    return duration_minutes


def find_slots(
    uow: UnitOfWork,
    actor: Actor,
    csp_id: str,
    mode: str,
    duration_minutes: int,
    first_day: date,
    last_day: date | None = None,
    *,
    ignore_booking_id: str | None = None,
    client_ids: Sequence[str] = (),
) -> list[SlotRecord]:
    """Every start a booking of ``duration_minutes`` can take with the CSP, over clinic days
    ``first_day``..``last_day`` (inclusive). With ``client_ids``, starts when any of those
    clients is already booked elsewhere are left out too. Empty when the CSP is not bookable
    (ask ``why_not_bookable`` for the reasons)."""
    actor.require(Permission.VIEW_SCHEDULE)
    m = parse_mode(mode)
    minutes = _duration(duration_minutes)
    with uow.read() as s:
        rules, _ = load_rules(s, actor.business_id)
        frm, to = _days_range(first_day, last_day, rules.clinic_time_zone)
        cal = load_calendar(
            s, actor.business_id, csp_id, frm, to + timedelta(minutes=minutes), rules
        )
        clients_busy = client_busy_spans(
            s,
            actor.business_id,
            client_ids,
            frm,
            to + timedelta(minutes=minutes),
            ignore_booking_id=ignore_booking_id,
        )
    slots = rules_mod.find_slots(
        cal, m, minutes, frm, to, utcnow(), rules, ignore_booking_id=ignore_booking_id
    )
    return [
        SlotRecord(cal.csp_id, cal.name, m, x.start, x.end)
        for x in slots
        if not any(
            x.start < busy_end and busy_start < x.end for busy_start, busy_end in clients_busy
        )
    ]


def slots_with_any_csp(
    uow: UnitOfWork,
    actor: Actor,
    mode: str,
    duration_minutes: int,
    day: date,
    *,
    client_ids: Sequence[str] = (),
) -> list[SlotRecord]:
    """“First available” for a day: every free start with any live CSP offering ``mode``
    (the first CSP listed wins a start several have)."""
    found: dict[datetime, SlotRecord] = {}
    for csp in list_csps_for_booking(uow, actor, mode, live_only=True):
        for slot in find_slots(
            uow, actor, csp.id, mode, duration_minutes, day, client_ids=client_ids
        ):
            found.setdefault(slot.start_at, slot)
    return [found[start] for start in sorted(found)]


def first_available(
    uow: UnitOfWork,
    actor: Actor,
    mode: str,
    duration_minutes: int,
    first_day: date,
    last_day: date | None = None,
) -> SlotRecord | None:
    """The earliest slot with any live CSP offering ``mode`` (default: the next two weeks)."""
    actor.require(Permission.VIEW_SCHEDULE)
    m = parse_mode(mode)
    minutes = _duration(duration_minutes)
    with uow.read() as s:
        rules, _ = load_rules(s, actor.business_id)
        frm, to = _days_range(
            first_day, last_day or first_day + timedelta(days=13), rules.clinic_time_zone
        )
        cals = load_calendars(
            s, actor.business_id, None, frm, to + timedelta(minutes=minutes), rules
        )
    best = rules_mod.first_available(cals, m, minutes, frm, to, utcnow(), rules)
    if best is None:
        return None
    name = next(c.name for c in cals if c.csp_id == best.csp_id)
    return SlotRecord(best.csp_id, name, m, best.start, best.end)


def why_not_bookable(
    uow: UnitOfWork,
    actor: Actor,
    csp_id: str,
    mode: str,
    day: date,
    duration_minutes: int = 60,
) -> why_mod.BookabilityReport:
    """Every reason the CSP has no ``mode`` slot on the clinic day ``day``, in the clinic's
    checklist order, each with the profile tab (``reason.section``/``reason.tab``) that fixes it."""
    actor.require(Permission.VIEW_SCHEDULE)
    m = parse_mode(mode)
    minutes = _duration(duration_minutes)
    with uow.read() as s:
        rules, _ = load_rules(s, actor.business_id)
        span = day_span(day, rules.clinic_time_zone)
        cal = load_calendar(
            s,
            actor.business_id,
            csp_id,
            span.start - timedelta(days=1),
            span.end + timedelta(days=1),
            rules,
        )
    return why_mod.why_not_bookable(cal, m, day, minutes, utcnow(), rules)


def get_booking(uow: UnitOfWork, actor: Actor, booking_id: str) -> BookingRecord:
    """A booking with its clients, their services (price and length as booked) and flags."""
    actor.require(Permission.VIEW_SCHEDULE)
    with uow.read() as s:
        return booking_record(s, get_booking_row(s, actor.business_id, booking_id))


def list_csps_for_booking(
    uow: UnitOfWork, actor: Actor, mode: str | None = None, *, live_only: bool = False
) -> list[CspChoice]:
    """CSPs for the booking screen's picker, with the modes they have hours for."""
    actor.require(Permission.VIEW_SCHEDULE)
    wanted = parse_mode(mode) if mode else None
    with uow.read() as s:
        rows = s.execute(
            select(
                CspProfile.id,
                StaffAccount.full_name,
                CspProfile.title,
                CspProfile.default_time_zone,
                CspProfile.is_live,
                StaffAccount.active,
            )
            .join(StaffAccount, StaffAccount.id == CspProfile.staff_id)
            .where(
                CspProfile.business_id == actor.business_id,
                StaffAccount.role == Role.CSP.value,
                StaffAccount.active.is_(True),
            )
            .order_by(StaffAccount.full_name)
        ).all()
        modes: dict[str, set[Mode]] = {}
        for csp_id, m in s.execute(
            select(CspHoursRange.csp_id, CspHoursRange.mode)
            .where(CspHoursRange.business_id == actor.business_id)
            .distinct()
        ):
            modes.setdefault(csp_id, set()).add(Mode(m))
    out = []
    for csp_id, name, title, tz, live, active in rows:
        offered = tuple(m for m in Mode if m in modes.get(csp_id, ()))
        is_live = bool(live and active)
        if (live_only and not is_live) or (wanted and wanted not in offered):
            continue
        out.append(CspChoice(csp_id, name, title, tz, is_live, offered))
    return out


def bookable_services(uow: UnitOfWork, actor: Actor) -> list[ServiceChoice]:
    """Active services, by category and name, for the booking screen."""
    actor.require(Permission.VIEW_SERVICES)
    with uow.read() as s:
        rows = s.scalars(
            select(Service)
            .where(Service.business_id == actor.business_id, Service.active.is_(True))
            .order_by(Service.category, Service.name)
        ).all()
        return [_service_choice(x) for x in rows]


def _service_choice(x: Service) -> ServiceChoice:
    return ServiceChoice(
        x.id,
        x.name,
        x.category,
        x.price_cents,
        x.duration_minutes,
        x.needs_mse,
        x.patient_specific,
    )


def quote_booking(
    uow: UnitOfWork, actor: Actor, clients: Sequence[BookingClientForm]
) -> BookingQuote:
    """Length and price of a booking with these clients and services (the price summary).

    Uses the business's setting for several clients (one after another or side by side).
    """
    actor.require(Permission.VIEW_SCHEDULE)
    check_client_forms(clients)
    with uow.read() as s:
        _, business = load_rules(s, actor.business_id)
        people: dict[str, Client] = load_clients(
            s, actor.business_id, [c.client_id for c in clients]
        )
        services = load_services(
            s, actor.business_id, [sid for c in clients for sid in c.service_ids]
        )
        minutes = booking_length(
            business, [[services[sid].duration_minutes for sid in c.service_ids] for c in clients]
        )
        quoted = tuple(
            QuotedClient(
                client_id=c.client_id,
                client_name=f"{people[c.client_id].first_name} {people[c.client_id].last_name}",
                services=tuple(_service_choice(services[sid]) for sid in c.service_ids),
                minutes=client_minutes([services[sid].duration_minutes for sid in c.service_ids]),
                price_cents=sum(services[sid].price_cents for sid in c.service_ids),
            )
            for c in clients
        )
        return BookingQuote(
            clients=quoted,
            duration_minutes=minutes,
            total_cents=sum(q.price_cents for q in quoted),
            timing=business.multi_client_timing,
            psf_service_names=tuple(
                sorted({svc.name for q in quoted for svc in q.services if svc.patient_specific})
            ),
        )
