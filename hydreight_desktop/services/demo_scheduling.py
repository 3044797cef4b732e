"""Demo bookings: a believable coming week for the demo clinic, made through the real services.

Future bookings go through ``create_booking`` (so they obey hours, notice, travel buffers and
double-booking rules); a little history (completed, no-show) is written as it would have been
recorded, because the rules rightly refuse new bookings in the past.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from hydreight_desktop.domain.availability import Mode
from hydreight_desktop.domain.booking_status import BookingStatus
from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.domain.errors import DomainError
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.bookings import cancel_booking, check_in_booking, create_booking
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.scheduling import find_slots, list_csps_for_booking
from hydreight_desktop.services.scheduling_records import (
    BookingClientForm,
    BookingForm,
    BookingRecord,
    CspChoice,
)
from hydreight_desktop.store.models import (
    Booking,
    BookingClient,
    BookingService,
    Business,
    Client,
    ClientAddress,
    Service,
    StaffAccount,
)
from hydreight_desktop.store.uow import UnitOfWork

DEMO_SEED = 3
DAYS_AHEAD = 7
CANCEL_REASONS = ("Client is travelling that week", "Client felt unwell and will rebook")
FALLBACK_ADDRESSES = (
    "1450 Brickell Bay Dr, Apt 1203, Miami, FL 33131",
    "88 SW 7th St, Miami, FL 33130",
    "2100 Collins Ave, Miami Beach, FL 33139",
)


@dataclass(frozen=True, slots=True)
class DemoScheduling:
    """What the demo bookings came to (for the integrator's smoke checks and the tests)."""

    bookings: tuple[BookingRecord, ...]
    cancelled: int
    history: int


# Clients are booked with a CSP who works in their part of the country: a New York nurse
# does not drive to Los Angeles.
WEST_COAST_STATES = frozenset({"CA", "NV", "OR", "WA", "AZ"})
WEST_COAST_ZONES = frozenset({"America/Los_Angeles", "America/Phoenix", "America/Vancouver"})


@dataclass(frozen=True, slots=True)
class _Catalogue:
    clients: tuple[tuple[str, str | None], ...]  # client id, default address text
    west_coast: frozenset[str]  # ids of clients whose default address is on the west coast
    callout_services: tuple[tuple[str, int], ...]  # id, minutes
    facility_services: tuple[tuple[str, int], ...]
    psf_services: tuple[str, ...]
    add_ons: tuple[str, ...]


def _front_desk(uow: UnitOfWork, actor: Actor) -> Actor:
    """Bookings read “booked by” the demo's receptionist when there is one."""
    with uow.read() as s:
        row = s.execute(
            select(StaffAccount.id, StaffAccount.full_name, StaffAccount.email)
            .where(
                StaffAccount.business_id == actor.business_id,
                StaffAccount.role == Role.FRONT_DESK.value,
                StaffAccount.active.is_(True),
            )
            .order_by(StaffAccount.created_at)
        ).first()
    if row is None:
        return actor
    return Actor(row.id, actor.business_id, Role.FRONT_DESK, row.full_name, row.email)


def _catalogue(uow: UnitOfWork, business_id: str) -> _Catalogue:
    with uow.read() as s:
        default_addresses = s.scalars(
            select(ClientAddress).where(
                ClientAddress.business_id == business_id, ClientAddress.is_default.is_(True)
            )
        ).all()
        addresses = {
            a.client_id: ", ".join(
                p for p in (a.line1, a.line2, a.city, f"{a.state} {a.postal_code}".strip()) if p
            )
            for a in default_addresses
        }
        west_coast = frozenset(
            a.client_id for a in default_addresses if a.state.upper() in WEST_COAST_STATES
        )
        clients = tuple(
            (cid, addresses.get(cid))
            for cid in s.scalars(
                select(Client.id)
                .where(Client.business_id == business_id)
                .order_by(Client.created_at)
                .limit(60)
            )
        )
        services = s.scalars(
            select(Service)
            .where(Service.business_id == business_id, Service.active.is_(True))
            .order_by(Service.name)
        ).all()
    ivs = tuple((x.id, x.duration_minutes) for x in services if x.category == "IV Therapy")
    shots = tuple(
        (x.id, x.duration_minutes)
        for x in services
        if x.duration_minutes <= 30 and not x.patient_specific and x.category != "Add-ons"
    )
    everyday = ivs or tuple((x.id, x.duration_minutes) for x in services)
    return _Catalogue(
        clients=clients,
        west_coast=west_coast,
        callout_services=everyday,
        facility_services=everyday + shots,
        psf_services=tuple(x.id for x in services if x.patient_specific),
        add_ons=tuple(x.id for x in services if x.category == "Add-ons"),
    )


def _nearby(cat: _Catalogue, csp: CspChoice) -> list[tuple[str, str | None]]:
    """The clients living in the CSP's part of the country (all of them if none do)."""
    csp_in_west = csp.time_zone in WEST_COAST_ZONES
    return [c for c in cat.clients if (c[0] in cat.west_coast) == csp_in_west] or list(cat.clients)


def _clients_for(
    rng: random.Random, cat: _Catalogue, csp: CspChoice, mode: Mode, busy: set[str]
) -> tuple[list[BookingClientForm], str | None]:
    """One to four clients (a family or a group at one address) near the CSP, with services."""
    size = rng.choices((1, 2, 3, 4), weights=(10, 4, 2, 1))[0]
    free = [c for c in _nearby(cat, csp) if c[0] not in busy]
    if not free:
        return [], None
    chosen = rng.sample(free, min(size, len(free)))
    pool = cat.callout_services if mode is Mode.CALLOUT else cat.facility_services
    forms = []
    for client_id, _ in chosen:
        services = [rng.choice(pool)[0]]
        if cat.add_ons and rng.random() < 0.3:
            services.append(rng.choice(cat.add_ons))
        if cat.psf_services and rng.random() < 0.12:
            services = [rng.choice(cat.psf_services)]
        forms.append(BookingClientForm(client_id, tuple(services)))
    address = chosen[0][1] or rng.choice(FALLBACK_ADDRESSES)
    return forms, address


def _book_day(
    uow: UnitOfWork,
    desk: Actor,
    rng: random.Random,
    cat: _Catalogue,
    csp: CspChoice,
    day: date,
    busy_by_day: dict[date, set[str]],
) -> list[BookingRecord]:
    made: list[BookingRecord] = []
    wanted = rng.choice((1, 2, 2, 3))
    for _ in range(wanted * 3):
        if len(made) >= wanted:
            break
        mode = rng.choice(csp.modes)
        clients, address = _clients_for(rng, cat, csp, mode, busy_by_day.setdefault(day, set()))
        if not clients:
            break
        minutes = sum(
            dict(cat.facility_services + cat.callout_services).get(sid, 30)
            for c in clients
            for sid in c.service_ids
        )
        try:
            slots = find_slots(uow, desk, csp.id, mode.value, minutes, day)
            if not slots:
                continue
            slot = rng.choice(slots[: max(1, len(slots) // 2)] if rng.random() < 0.5 else slots)
            record = create_booking(
                uow,
                desk,
                BookingForm(csp.id, mode.value, slot.start_at, tuple(clients), address),
            )
        except DomainError:
            continue  # e.g. the group needs longer than the CSP has: try another booking
        busy_by_day[day].update(c.client_id for c in clients)
        made.append(record)
    return made


def _history(uow: UnitOfWork, desk: Actor, cat: _Catalogue, csps: list[CspChoice]) -> int:
    """Yesterday's visits: two completed and one no-show, recorded as they happened."""
    if not csps or not cat.clients or not cat.callout_services:
        return 0
    with uow.write(desk, "demo.booking_history") as s:
        tz = s.scalar(select(Business.time_zone).where(Business.id == desk.business_id))
        yesterday = utcnow().astimezone(zone(tz)).date() - timedelta(days=1)
        plan = (
            (10, BookingStatus.COMPLETED, 0),
            (13, BookingStatus.COMPLETED, 1),
            (16, BookingStatus.NO_SHOW, 2),
        )
        service_rows = {
            x.id: x
            for x in s.scalars(
                select(Service).where(Service.id.in_([sid for sid, _ in cat.callout_services]))
            )
        }
        for hour, status, n in plan:
            csp = csps[n % len(csps)]
            nearby = _nearby(cat, csp)
            client_id, address = nearby[n % len(nearby)]
            service = service_rows[cat.callout_services[n % len(cat.callout_services)][0]]
            start = datetime.combine(yesterday, time(hour), tzinfo=zone(tz))
            mode = Mode.CALLOUT if Mode.CALLOUT in csp.modes else Mode.FACILITY
            row = Booking(
                business_id=desk.business_id,
                csp_id=csp.id,
                mode=mode.value,
                start_at=start,
                end_at=start + timedelta(minutes=service.duration_minutes),
                status=status.value,
                address=(address or FALLBACK_ADDRESSES[0]) if mode is Mode.CALLOUT else None,
                notes="",
                booked_by_id=desk.user_id,
            )
            bc = BookingClient(business_id=desk.business_id, client_id=client_id, position=1)
            bc.services.append(
                BookingService(
                    business_id=desk.business_id,
                    service_id=service.id,
                    price_cents=service.price_cents,
                    duration_minutes=service.duration_minutes,
                )
            )
            row.clients.append(bc)
            s.add(row)
    return len(plan)


def seed_demo(uow: UnitOfWork, actor: Actor) -> DemoScheduling:
    """Fill the demo clinic's coming week: every live CSP gets a few bookings a day in both
    modes, some for families of two to four; two are cancelled, one is checked in, and
    yesterday shows completed visits and a no-show."""
    rng = random.Random(DEMO_SEED)
    desk = _front_desk(uow, actor)
    cat = _catalogue(uow, actor.business_id)
    csps = [c for c in list_csps_for_booking(uow, desk, live_only=True) if c.modes]
    if not csps or not cat.clients or not cat.callout_services:
        return DemoScheduling((), 0, 0)
    with uow.read() as s:
        tz = s.scalar(select(Business.time_zone).where(Business.id == actor.business_id))
    today = utcnow().astimezone(zone(tz)).date()
    busy_by_day: dict[date, set[str]] = {}
    made: list[BookingRecord] = []
    for offset in range(DAYS_AHEAD + 1):
        for csp in csps:
            made.extend(
                _book_day(uow, desk, rng, cat, csp, today + timedelta(days=offset), busy_by_day)
            )
    later = [b for b in made if b.start_at > utcnow() + timedelta(days=1)]
    cancelled = 0
    for booking, reason in zip(later[1::5], CANCEL_REASONS, strict=False):
        cancel_booking(uow, desk, booking.id, reason)
        cancelled += 1
    soonest = min(made, key=lambda b: b.start_at, default=None)
    if soonest is not None:
        check_in_booking(uow, desk, soonest.id)
    history = _history(uow, desk, cat, csps)
    return DemoScheduling(tuple(made), cancelled, history)
